package org.rfsweep.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The launcher's logging for the libraries inside its JVM (Spark, Hadoop, Parquet log through
 * SLF4J): warnings and errors on standard error, as the log4j configuration the launcher used
 * before printed them ({@link ConsoleLogger}). Chosen with {@code -Dslf4j.provider}: binding SLF4J
 * to log4j, finding its plugins and reading its configuration on every one of a few hundred jars,
 * took 0.29 s of each command's start here, a tenth of a small {@code report}. {@code
 * RFSWEEP_JAVA_OPTS=-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider} brings log4j
 * back (with {@code -Dlog4j2.configurationFile=FILE} for another configuration).
 */
public final class ConsoleLogProvider implements SLF4JServiceProvider {
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();
  private final ILoggerFactory loggers = new Loggers();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class Loggers implements ILoggerFactory {
    private final Map<String, Logger> byName = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      return byName.computeIfAbsent(name, n -> new ConsoleLogger(n, System.err));
    }
  }
}
