package dev.pullsync.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The one way pullsync reads YAML (spec files, SealedSecret files, key files, the agent
 * configuration): limits checked on the parser's event stream, before snakeyaml-engine's recursive
 * composer or any converter can recurse, so hostile input costs a {@link TooComplex} with a line
 * number, never a {@code StackOverflowError} or an alias bomb. Depth and value counts include what
 * aliases expand to; an alias to a collection it sits in (a cycle) is refused.
 */
public final class YamlLimits {
  /** Most characters read, for the whole stream. */
  public static final int MAX_CHARS = 1024 * 1024;

  /** Deepest nesting of mappings and lists, aliases expanded. */
  public static final int MAX_DEPTH = 50;

  /** Most aliases to collections in one stream. */
  public static final int MAX_ALIASES = 50;

  /** Most values (scalars and collections) in one document, aliases expanded. */
  public static final int MAX_VALUES = 100_000;

  /** Longest single scalar (key or value), in characters. */
  public static final int MAX_SCALAR_CHARS = 256 * 1024;

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setSchema(new CoreSchema())
          .setMaxAliasesForCollections(MAX_ALIASES)
          .setCodePointLimit(MAX_CHARS)
          .setAllowDuplicateKeys(false)
          .setAllowRecursiveKeys(false)
          .setUseMarks(true)
          .build();

  private YamlLimits() {}

  /**
   * Every document of {@code text}, composed within the limits ({@code null} documents are not
   * returned).
   *
   * @throws TooComplex when a limit is passed
   * @throws YamlEngineException for YAML the parser rejects
   */
  public static List<Node> composeAll(String text) {
    if (text.length() > MAX_CHARS) {
      throw new TooComplex(1, "larger than the 1 MiB limit");
    }
    Composer composer =
        new Composer(
            SETTINGS, new Bounded(new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text))));
    List<Node> nodes = new ArrayList<>();
    while (composer.hasNext()) {
      nodes.add(composer.next());
    }
    return nodes;
  }

  /** A limit passed at {@link #line()}; the message says which, in the user's words. */
  public static final class TooComplex extends YamlEngineException {
    private final int line;

    TooComplex(int line, String message) {
      super(message);
      this.line = line;
    }

    /** The 1-based line where the limit was passed. */
    public int line() {
      return line;
    }
  }

  /** Counts as the composer pulls events, and stops it before it goes too deep or too far. */
  private static final class Bounded implements Parser {
    private final Parser parser;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<Anchor, Frame> anchored = new HashMap<>();
    private long values;

    Bounded(Parser parser) {
      this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
      return parser.hasNext();
    }

    @Override
    public Event next() {
      Event event = parser.next();
      switch (event.getEventId()) {
        case DocumentStart -> {
          open.clear();
          anchored.clear();
          values = 0;
        }
        case SequenceStart, MappingStart -> {
          if (open.size() + 1 > MAX_DEPTH) {
            throw tooComplex(event, "nested more than " + MAX_DEPTH + " levels deep");
          }
          open.push(new Frame(((NodeEvent) event).getAnchor()));
        }
        case SequenceEnd, MappingEnd -> {
          Frame done = open.pop();
          done.height++;
          done.values++;
          done.anchor.ifPresent(a -> anchored.put(a, done));
          add(event, done.height, done.values);
        }
        case Scalar -> {
          ScalarEvent scalar = (ScalarEvent) event;
          if (scalar.getValue().length() > MAX_SCALAR_CHARS) {
            throw tooComplex(event, "a value longer than " + MAX_SCALAR_CHARS + " characters");
          }
          Frame leaf = new Frame(scalar.getAnchor());
          leaf.values = 1;
          leaf.anchor.ifPresent(a -> anchored.put(a, leaf));
          add(event, 0, 1);
        }
        case Alias -> alias((AliasEvent) event);
        default -> {}
      }
      return event;
    }

    private void alias(AliasEvent event) {
      Anchor anchor = event.getAlias();
      for (Frame frame : open) {
        if (frame.anchor.filter(anchor::equals).isPresent()) {
          throw tooComplex(event, "an alias (*" + anchor + ") inside its own anchor: a cycle");
        }
      }
      Frame target = anchored.get(anchor);
      if (target != null) { // an unknown anchor is the composer's error to report
        if (open.size() + target.height > MAX_DEPTH) {
          throw tooComplex(
              event, "nested more than " + MAX_DEPTH + " levels deep (via *" + anchor + ")");
        }
        add(event, target.height, target.values);
      }
    }

    /** Adds a finished value to its parent, or to the document. */
    private void add(Event event, int height, long count) {
      Frame parent = open.peek();
      if (parent != null) {
        parent.height = Math.max(parent.height, height);
        parent.values += count;
      } else {
        values += count;
      }
      long total = values + open.stream().mapToLong(f -> f.values).sum();
      if (total > MAX_VALUES) {
        throw tooComplex(event, "expands to more than " + MAX_VALUES + " values (an alias bomb?)");
      }
    }

    private static TooComplex tooComplex(Event event, String what) {
      int line = event.getStartMark().map(Mark::getLine).orElse(0) + 1;
      return new TooComplex(line, "YAML refused: " + what);
    }
  }

  /** An open collection, or a finished anchored value: its height and value count so far. */
  private static final class Frame {
    final Optional<Anchor> anchor;
    int height;
    long values;

    Frame(Optional<Anchor> anchor) {
      this.anchor = anchor;
    }
  }
}
