package dev.pullsync.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads one YAML file into {@link YamlDocument}s with line numbers, within limits that make hostile
 * input harmless: a size limit checked before reading, strict UTF-8, then the {@link YamlLimits}
 * (depth, aliases, values after alias expansion, scalar length), no duplicate keys. Every failure
 * becomes a {@link Problem}; nothing is thrown for bad input.
 */
public final class YamlReader {
  /** Largest file read, in bytes. */
  public static final long MAX_FILE_BYTES = YamlLimits.MAX_CHARS;

  /** What one file held: its documents (possibly some) and its problems (possibly none). */
  public record Result(List<YamlDocument> documents, List<Problem> problems) {
    public Result {
      documents = List.copyOf(documents);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads {@code file}, naming it {@code name} in locations. Empty documents ({@code ---} alone)
   * are skipped; a file with no document at all is a problem.
   */
  public Result read(Path file, String name) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return failed(name, 1, "file is " + size + " bytes, larger than the 1 MiB limit");
      }
      return parse(Files.readAllBytes(file), name);
    } catch (IOException e) {
      return failed(name, 1, "cannot read file (" + IoWords.file(e) + ")");
    }
  }

  /** Parses bytes already read (used for files and for tests). */
  public Result parse(byte[] bytes, String name) {
    int nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      return failed(name, lineAt(bytes, nul), "binary file, not YAML text (holds a NUL byte)");
    }
    CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (decodeUtf8(in, chars).isError()) {
      return failed(name, lineAt(bytes, in.position()), "file is not valid UTF-8 text");
    }
    String text = chars.flip().toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<YamlDocument> documents = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try {
      for (Node node : YamlLimits.composeAll(text)) {
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
        YamlTree.Converted tree = YamlTree.convert(node, name);
        problems.addAll(tree.problems());
        if (tree.problems().isEmpty() && !tree.root().isNull()) {
          documents.add(new YamlDocument(name, line, tree.root(), tree.lines()));
        }
      }
    } catch (YamlLimits.TooComplex e) {
      problems.add(new Problem(new Location(name, e.line()), "", e.getMessage()));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
      problems.add(new Problem(new Location(name, line), "", syntaxMessage(e.getProblem())));
    } catch (ReaderException e) {
      String at = String.format("U+%04X", e.getCodePoint());
      problems.add(
          new Problem(
              new Location(name, lineOfCodePoint(text, e.getPosition())),
              "",
              "not YAML text: holds the control character " + at));
    } catch (YamlEngineException e) {
      problems.add(new Problem(new Location(name, 1), "", engineMessage(e)));
    }
    if (documents.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(new Location(name, 1), "", "file holds no documents"));
    }
    return new Result(documents, problems);
  }

  private static Result failed(String name, int line, String message) {
    return new Result(List.of(), List.of(new Problem(new Location(name, line), "", message)));
  }

  static String syntaxMessage(String problem) {
    String p = problem == null ? "" : problem;
    if (p.contains("\t") || p.contains("TAB")) {
      return "invalid YAML: tab character where YAML needs spaces for indentation";
    }
    if (p.contains("expected <block end>")) {
      return "invalid YAML: bad indentation (this line does not line up with its siblings)";
    }
    if (p.contains("mapping values are not allowed")) {
      return "invalid YAML: unexpected ':' (bad indentation, or a value that needs quotes)";
    }
    if (p.contains("special characters are not allowed")) {
      return "not YAML text: holds control characters";
    }
    return "invalid YAML: " + p.strip();
  }

  private static String engineMessage(YamlEngineException e) {
    String m = String.valueOf(e.getMessage());
    if (e instanceof YamlVersionException) {
      return "invalid YAML: unsupported %YAML version directive (use 1.2, or remove it)";
    }
    if (m.contains("aliases")) {
      return "too many YAML aliases (more than "
          + YamlLimits.MAX_ALIASES
          + "): refused as a possible alias bomb";
    }
    if (m.contains("exceeds the limit")) {
      return "file is larger than the 1 MiB limit";
    }
    return "invalid YAML";
  }

  private static CoderResult decodeUtf8(ByteBuffer in, CharBuffer out) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    return result.isError() ? result : decoder.flush(out);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int lineOfCodePoint(String text, int codePoints) {
    int end =
        text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length())));
    return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
