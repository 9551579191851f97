package org.rfsweep.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.spec.JobSpec;

/**
 * Reports cells done of total, the share of the estimated work done (each unit weighed by its
 * estimated time, {@link CostModel.UnitCost#flopsAtPeak}; the flops' share too), the rate, the ETA
 * and failures as Spark tasks finish, on the console and in {@code DIR/progress.json} (for
 * dashboards and nightly monitors); registered only while the sweep's jobs run.
 *
 * <p>Each chunk is one Spark job of one stage whose partition i is the chunk's bin of units i. Two
 * chunks' jobs may run at once, so a task is matched to its chunk through its stage: the chunk's
 * name travels with the job as a local property.
 */
final class ProgressListener extends SparkListener {
  /** The job group every chunk's job runs under. */
  static final String JOB_GROUP = "rfsweep";

  /** The local property naming a job's chunk (see {@link #queue}). */
  static final String CHUNK_PROPERTY = "rfsweep.chunk";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final JobSpec spec;
  private final long totalCells;
  private final double totalFlops;
  private final double totalWork;
  private final Consumer<String> report;
  private final Path progressFile;
  private final long start = System.nanoTime();
  private final Map<String, List<List<WorkUnit>>> chunks = new HashMap<>();
  private final Map<Integer, List<List<WorkUnit>>> stages = new HashMap<>();
  private long cellsDone;
  private double flopsDone;
  private double workDone;
  private int failures;
  private boolean completed;

  ProgressListener(JobSpec spec, List<WorkUnit> units, Consumer<String> report, Path out) {
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

  /**
   * The bins of units of chunk {@code name}, one per task in partition order; call before
   * submitting its job with {@link #CHUNK_PROPERTY} set to {@code name}.
   */
  synchronized void queue(String name, List<List<WorkUnit>> bins) {
    chunks.put(name, List.copyOf(bins));
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    Properties properties = submitted.properties();
    String chunk = properties == null ? null : properties.getProperty(CHUNK_PROPERTY);
    if (chunk != null && chunks.containsKey(chunk)) {
      stages.put(submitted.stageInfo().stageId(), chunks.get(chunk));
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (!taskEnd.taskInfo().successful()) {
      failures++;
      report.accept(
          "a Spark task failed ("
              + taskEnd.reason()
              + "); Spark retries it ("
              + failures
              + " Spark task failures so far)");
      write();
      return;
    }
    int index = taskEnd.taskInfo().index();
    List<List<WorkUnit>> bins = stages.getOrDefault(taskEnd.stageId(), List.of());
    if (index < bins.size()) {
      for (WorkUnit unit : bins.get(index)) {
        cellsDone += unit.cells().size();
        CostModel.UnitCost cost = CostModel.of(spec, unit);
        flopsDone += cost.flops();
        workDone += cost.flopsAtPeak();
      }
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
