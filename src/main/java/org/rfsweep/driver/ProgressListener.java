package org.rfsweep.driver;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Reports work units done and the ETA as Spark tasks finish; registered only while the sweep's job runs. */
final class ProgressListener extends SparkListener {
  private final int total;
  private final Consumer<String> report;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  ProgressListener(int total, Consumer<String> report) {
    this.total = total;
    this.report = report;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (!taskEnd.taskInfo().successful()) {
      report.accept("a Spark task failed (" + taskEnd.reason() + "); Spark retries it (" + failed.incrementAndGet()
          + " task failures so far)");
      return;
    }
    int finished = done.incrementAndGet();
    double elapsed = (System.nanoTime() - start) * 1e-9;
    double eta = elapsed / finished * (total - finished);
    report.accept(String.format("progress: %d/%d seed units (%.0f%%), elapsed %s, ETA %s", finished, total,
        100.0 * finished / total, format(elapsed), format(eta)));
  }

  private static String format(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}
