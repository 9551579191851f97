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

  /** An already running session. */
  public static LazySession of(SparkSession session) {
    LazySession lazy = new LazySession(() -> session);
    lazy.session = session;
    return lazy;
  }

  @Override
  public synchronized SparkSession get() {
    if (session == null) {
      session = start.get();
    }
    return session;
  }

  /** Whether a session was started. */
  public synchronized boolean started() {
    return session != null;
  }

  /** Stops the session if this started one. */
  @Override
  public synchronized void close() {
    if (session != null) {
      session.stop();
    }
  }
}
