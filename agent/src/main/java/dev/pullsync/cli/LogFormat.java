package dev.pullsync.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The log format: {@code text} (default, {@code logback.xml}) or {@code json} (one JSON object per
 * line, {@code logback-json.xml}). Both write to stderr and carry the run id and revision.
 */
public enum LogFormat {
  TEXT("logback.xml"),
  JSON("logback-json.xml");

  private final String resource;

  LogFormat(String resource) {
    this.resource = resource;
  }

  /** Parses {@code text} or {@code json} (any case). */
  public static LogFormat parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("logFormat: '" + value + "' is not one of text, json");
    }
  }

  /** Reconfigures Logback for this format (call once, early). */
  public void apply() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding: leave it alone
    }
    URL config = LogFormat.class.getClassLoader().getResource(resource);
    if (config == null) {
      throw new IllegalStateException(resource + " missing from the classpath");
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    context.reset();
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("could not configure logging from " + resource, e);
    }
  }
}
