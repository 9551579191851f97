package org.rfsweep.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One library logger of {@link ConsoleLogProvider}: messages at its level or above, one line each
 * ({@code 21:04:05 WARN TaskSetManager: message}), on a stream. An error's exception follows with
 * its stack trace; a warning's with its message and causes only (Spark warns with a whole trace
 * when it falls back from generated code as a failed job's tasks are cancelled: fifty lines each,
 * six times over, where a quarantined part file is one line of rfsweep's). Spark at WARN; Hadoop
 * and Parquet at ERROR, whose warnings are about settings a local sweep does not use (native
 * libraries, checksums); two of Spark's warnings that only describe our wide fits table are
 * dropped.
 */
final class ConsoleLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  /** The least severe level printed, by logger name prefix; the longest matching prefix decides. */
  private static final Map<String, Level> LEVELS =
      Map.of(
          "",
          Level.WARN,
          "org.apache.hadoop",
          Level.ERROR,
          "org.apache.parquet",
          Level.ERROR,
          "org.apache.spark.SparkEnv",
          Level.ERROR,
          // "Truncated the string representation of a plan": the fits schema is simply wide.
          "org.apache.spark.util.SparkStringUtils",
          Level.ERROR);

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** A warning's causes printed at most (a cycle of causes ends there). */
  private static final int MAX_CAUSES = 10;

  private final transient PrintStream out;
  private final Level threshold;
  private final String shortName;

  ConsoleLogger(String name, PrintStream out) {
    this.name = name;
    this.out = out;
    this.threshold = thresholdOf(name);
    this.shortName = name.substring(name.lastIndexOf('.') + 1);
  }

  /** The least severe level printed for a logger of this name. */
  static Level thresholdOf(String name) {
    String best = "";
    for (String prefix : LEVELS.keySet()) {
      boolean matches =
          prefix.isEmpty()
              || name.equals(prefix)
              || (name.startsWith(prefix) && name.charAt(prefix.length()) == '.');
      if (matches && prefix.length() > best.length()) {
        best = prefix;
      }
    }
    return LEVELS.get(best);
  }

  private boolean enabled(Level level) {
    // slf4j's levels count up from ERROR (40) down to TRACE (0).
    return level.toInt() >= threshold.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    String line = LocalTime.now().format(TIME) + " " + level + " " + shortName + ": " + message;
    synchronized (out) {
      out.println(line);
      if (throwable != null && level == Level.ERROR) {
        throwable.printStackTrace(out);
      } else {
        Throwable cause = throwable;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
          out.println((depth == 0 ? "" : "Caused by: ") + cause);
          cause = cause.getCause();
        }
      }
    }
  }
}
