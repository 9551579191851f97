package org.rfsweep.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Reports work units done and the ETA as Spark tasks finish, on the console and in {@code DIR/progress.json} (for
 * dashboards and nightly monitors); registered only while the sweep's job runs.
 */
final class ProgressListener extends SparkListener {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int total;
  private final Consumer<String> report;
  private final Path progressFile;
  private boolean completed;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  ProgressListener(int total, Consumer<String> report, Path out) {
    this.total = total;
    this.report = report;
    this.progressFile = out.resolve("progress.json");
    write(0, 0.0);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (!taskEnd.taskInfo().successful()) {
      report.accept("a Spark task failed (" + taskEnd.reason() + "); Spark retries it (" + failed.incrementAndGet()
          + " task failures so far)");
      write(done.get(), (System.nanoTime() - start) * 1e-9);
      return;
    }
    int finished = done.incrementAndGet();
    double elapsed = (System.nanoTime() - start) * 1e-9;
    double eta = elapsed / finished * (total - finished);
    write(finished, elapsed);
    report.accept(String.format("progress: %d/%d units (%.0f%%), %.1f units/min, elapsed %s, ETA %s%s", finished,
        total, 100.0 * finished / total, 60 * finished / elapsed, format(elapsed), format(eta),
        failed.get() > 0 ? ", " + failed.get() + " task failures retried" : ""));
  }

  /**
   * Records the finished job. Listener events arrive asynchronously, so the last tasks' events may still be queued
   * when the job returns; the job itself is the authority that every unit is done.
   */
  synchronized void complete() {
    write(total, (System.nanoTime() - start) * 1e-9);
    completed = true; // events still queued for this listener must not turn the count back
  }

  /** progress.json, replaced atomically so a reader never sees half of it. Work units cost the same: done/total. */
  private synchronized void write(int finished, double elapsed) {
    if (completed) {
      return;
    }
    Map<String, Object> progress = new LinkedHashMap<>();
    progress.put("units_done", finished);
    progress.put("units_total", total);
    progress.put("share_done", total == 0 ? 1.0 : finished / (double) total);
    progress.put("task_failures", failed.get());
    progress.put("elapsed_seconds", elapsed);
    progress.put("units_per_minute", elapsed > 0 ? 60 * finished / elapsed : 0.0);
    progress.put("eta_seconds", finished == 0 ? null : elapsed / finished * (total - finished));
    progress.put("updated_at", Instant.now().toString());
    try {
      Files.createDirectories(progressFile.getParent());
      Path temp = progressFile.resolveSibling("progress.json.tmp");
      JSON.writeValue(temp.toFile(), progress);
      Files.move(temp, progressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      report.accept("cannot write " + progressFile + ": " + e.getMessage());
    }
  }

  private static String format(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}
