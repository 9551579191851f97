package org.rfsweep.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.rfsweep.driver.SparkSessions;

/**
 * One local Spark session per test JVM ({@code local[2]}, UI off, few shuffle partitions, bound to
 * 127.0.0.1), handed to tests as a parameter and stopped when the JVM's tests are done. Tests that
 * need another master use {@link #restart(String)} and leave the shared master behind them.
 */
public final class SharedSpark implements ParameterResolver {
  public static final String MASTER = "local[2]";
  private static SparkSession session;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent("rfsweep-spark", key -> (AutoCloseable) SharedSpark::stop);
    return session(MASTER);
  }

  /** The shared session, on {@code master}; switching master stops the running session first. */
  public static synchronized SparkSession restart(String master) {
    return session(master, java.util.Map.of());
  }

  /**
   * A session on {@code master} with extra settings (a real cluster needs the executors' class
   * path).
   */
  public static synchronized SparkSession restart(
      String master, java.util.Map<String, String> settings) {
    stop();
    return session(master, settings);
  }

  private static synchronized SparkSession session(String master) {
    return session(master, java.util.Map.of());
  }

  private static synchronized SparkSession session(
      String master, java.util.Map<String, String> settings) {
    if (session != null
        && !session.sparkContext().isStopped()
        && session.sparkContext().master().equals(master)) {
      return session;
    }
    stop();
    SparkSession.Builder builder = SparkSession.builder();
    SparkSessions.settings(false).forEach(builder::config); // what every rfsweep session gets
    settings.forEach(builder::config);
    session =
        builder
            .master(master)
            .appName("rfsweep-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    return session;
  }

  private static synchronized void stop() {
    if (session != null) {
      session.stop();
      session = null;
    }
  }
}
