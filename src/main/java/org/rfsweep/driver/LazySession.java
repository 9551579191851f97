package org.rfsweep.driver;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark session started on first use, for commands that need Spark only for large tables: {@code
 * report} on a small folder reads and aggregates it on the driver and never starts one.
 */
public final class LazySession implements Supplier<SparkSession>, AutoCloseable {
  private final Supplier<SparkSession> start;
  private SparkSession session;

  public LazySession(Supplier<SparkSession> start) {
    this.start = start;
  }

  @Override
  public synchronized SparkSession get() {
    if (session == null) {
      session = start.get();
    }
    return session;
  }

  /** Stops the session if this started one. */
  @Override
  public synchronized void close() {
    if (session != null) {
      session.stop();
    }
  }
}
