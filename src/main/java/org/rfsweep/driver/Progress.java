package org.rfsweep.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.spec.JobSpec;

/**
 * A sweep's progress: cells done of total, the share of the estimated work done (each unit weighed
 * by its estimated time, {@link CostModel.UnitCost#flopsAtPeak}; the flops' share too), the rate,
 * the ETA and failures, on the console and in {@code DIR/progress.json} (for dashboards and nightly
 * monitors). Fed by whatever runs the units: Spark's task events ({@link ProgressListener}) or the
 * driver's own threads ({@link ThreadFitsJob}). Thread-safe.
 */
final class Progress {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JobSpec spec;
  private final long totalCells;
  private final double totalFlops;
  private final double totalWork;
  private final Consumer<String> report;
  private final Path progressFile;
  private final long start = System.nanoTime();
  private long cellsDone;
  private double flopsDone;
  private double workDone;
  private int failures;
  private boolean completed;

  Progress(JobSpec spec, List<WorkUnit> units, Consumer<String> report, Path out) {
    this.spec = spec;
    this.totalCells = units.stream().mapToLong(u -> u.cells().size()).sum();
    double flops = 0;
    double work = 0;
    for (WorkUnit unit : units) {
      CostModel.UnitCost cost = CostModel.of(spec, unit);
      flops += cost.flops();
      work += cost.flopsAtPeak();
    }
    this.totalFlops = flops;
    this.totalWork = work;
    this.report = report;
    this.progressFile = out.resolve("progress.json");
    write();
  }

  /** A bin of units is done (its rows committed or about to be). */
  synchronized void done(List<WorkUnit> bin) {
    for (WorkUnit unit : bin) {
      cellsDone += unit.cells().size();
      CostModel.UnitCost cost = CostModel.of(spec, unit);
      flopsDone += cost.flops();
      workDone += cost.flopsAtPeak();
    }
    write();
    double elapsed = elapsed();
    double share = share();
    report.accept(
        String.format(
            "progress: %d/%d fits, %.0f%% of the estimated work, %.1f fits/min, elapsed %s,"
                + " ETA %s%s",
            cellsDone,
            totalCells,
            100 * share,
            60 * cellsDone / Math.max(elapsed, 1e-9),
            format(elapsed),
            share > 0 ? format(elapsed * (1 - share) / share) : "?",
            failures > 0 ? ", " + failures + " Spark task failures retried" : ""));
  }

  /** A Spark task failed (and is retried): {@code reason} as Spark gives it. */
  synchronized void failed(String reason) {
    failures++;
    report.accept(
        "a Spark task failed ("
            + reason
            + "); Spark retries it ("
            + failures
            + " Spark task failures so far)");
    write();
  }

  /**
   * Records the finished sweep. Events may still be queued when the last job returns; the jobs
   * themselves are the authority that every cell is done, and nothing counts back afterwards.
   */
  synchronized void complete() {
    cellsDone = totalCells;
    flopsDone = totalFlops;
    workDone = totalWork;
    write();
    completed = true;
  }

  private double elapsed() {
    return (System.nanoTime() - start) * 1e-9;
  }

  /** The share of the estimated work done: what the ETA extrapolates. */
  private double share() {
    return share(workDone, totalWork);
  }

  private static double share(double done, double total) {
    return total > 0 ? Math.min(1.0, done / total) : 1.0;
  }

  /** progress.json, replaced atomically so a reader never sees half of it. */
  private void write() {
    if (completed) {
      return;
    }
    double elapsed = elapsed();
    double share = share();
    Map<String, Object> progress = new LinkedHashMap<>();
    progress.put("cells_done", cellsDone);
    progress.put("cells_total", totalCells);
    progress.put("share_of_work_done", share);
    progress.put("share_of_flops_done", share(flopsDone, totalFlops));
    progress.put("cells_per_minute", elapsed > 0 ? 60 * cellsDone / elapsed : 0.0);
    progress.put("task_failures", failures);
    progress.put("elapsed_seconds", elapsed);
    progress.put("eta_seconds", share > 0 ? elapsed * (1 - share) / share : null);
    progress.put("updated_at", Instant.now().toString());
    try {
      Files.createDirectories(progressFile.getParent());
      Path temp = progressFile.resolveSibling("progress.json.tmp");
      JSON.writeValue(temp.toFile(), progress);
      Files.move(
          temp, progressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      report.accept("cannot write " + progressFile + ": " + e.getMessage());
    }
  }

  private static String format(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return d.toHours() > 0
        ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}
