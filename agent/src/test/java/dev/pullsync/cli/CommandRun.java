package dev.pullsync.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One run of {@code pullsync} with stdin given and stdout (text and bytes) and stderr captured. */
record CommandRun(int exit, String out, byte[] rawOut, String err) {
  static synchronized CommandRun of(byte[] stdin, String... args) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      System.setOut(new PrintStream(raw, true, StandardCharsets.UTF_8));
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args);
      return new CommandRun(exit, out.toString(), raw.toByteArray(), err.toString());
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
    }
  }

  static CommandRun of(String stdin, String... args) {
    return of(stdin.getBytes(StandardCharsets.UTF_8), args);
  }
}
