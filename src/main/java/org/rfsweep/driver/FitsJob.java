package org.rfsweep.driver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.Schedule;
import org.rfsweep.grid.UnitBins;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.io.TableFolder;
import org.rfsweep.run.CellTheory;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.FitsRow;
import org.rfsweep.run.RowStamp;
import org.rfsweep.run.RunContext;
import org.rfsweep.task.FitResult;
import org.rfsweep.task.PointFit;
import org.rfsweep.task.SparkUnitTask;

/**
 * The sweep's Spark jobs: work units fitted on the executors, their rows (with the broadcast theory
 * columns) appended to {@code DIR/fits}, one atomically committed chunk at a time, with progress.
 */
public final class FitsJob {
  private FitsJob() {}

  /**
   * The theory values of every (task point, cell, ridge) of the grid, by point index; an entry is
   * null when that point's spectrum is unknown. They depend on the point, cell and ridge, not the
   * seed: computed once on the driver, broadcast to the row writers.
   */
  public static ArrayList<CellTheory> theory(RunContext context, GridPlan plan) {
    ArrayList<CellTheory> out = new ArrayList<>();
    for (RunContext point : context.perPoint()) {
      out.add(
          point
              .theorySpectrum()
              .map(
                  spectrum ->
                      CellTheory.compute(
                          spectrum,
                          point.theoryNoise(),
                          plan.cells(),
                          context.spec().grid().ridgeArray()))
              .orElse(null));
    }
    return out;
  }

  /** The {@code fits} row of a fit, in the table's column order, with its theory columns. */
  static Object[] values(List<RowStamp> stamps, List<CellTheory> theory, PointFit result) {
    FitResult fit = result.fit();
    CellTheory cells = theory.get(result.point());
    return stamps
        .get(result.point())
        .values(fit, cells == null ? null : cells.lookup(fit.width(), fit.samples(), fit.ridge()));
  }

  /**
   * Fits {@code units} in chunks of {@code chunk} units, each committed on its own. Up to {@link
   * #Schedule.IN_FLIGHT} chunks' jobs run at once, so the slots a chunk's last tasks leave free
   * take the next chunk's tasks (Spark's FIFO scheduler keeps the earlier chunk first): with one
   * job at a time every chunk ended with idle slots, 27 s of Fig. 1's 150 s on two slots.
   *
   * @param theory {@link #theory} of the grid
   */
  public static void run(
      SparkSession spark,
      RunContext context,
      ArrayList<CellTheory> theory,
      List<WorkUnit> units,
      int chunk,
      SweepDriver.Options options,
      Consumer<String> report) {
    if (units.isEmpty()) {
      return;
    }
    JavaSparkContext sparkContext = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ArrayList<CellTheory>> broadcast = sparkContext.broadcast(theory);
    Progress progress = new Progress(context.spec(), units, report, options.out());
    ProgressListener listener = new ProgressListener(progress);
    spark.sparkContext().addSparkListener(listener);
    ExecutorService jobs =
        Executors.newFixedThreadPool(
            Schedule.IN_FLIGHT,
            task -> {
              Thread thread = new Thread(task, "rfsweep-chunk");
              thread.setDaemon(true);
              return thread;
            });
    Deque<Future<?>> inFlight = new ArrayDeque<>();
    String run = UUID.randomUUID().toString().substring(0, 8);
    TableFolder table = FitsLocation.of(options.out());
    try {
      for (int from = 0, index = 0; from < units.size(); from += chunk, index++) {
        List<WorkUnit> part = units.subList(from, Math.min(units.size(), from + chunk));
        List<List<WorkUnit>> bins =
            bins(
                context,
                part,
                tasks(part.size(), spark.sparkContext().defaultParallelism(), options));
        String name = index + "-" + run;
        listener.queue(name, bins);
        if (inFlight.size() == Schedule.IN_FLIGHT) {
          await(inFlight.removeFirst(), inFlight, sparkContext);
        }
        // Fitted into the chunk's staging folder, then moved into the table (see ChunkStaging).
        TableFolder staging = ChunkStaging.folder(table, name);
        inFlight.add(
            jobs.submit(
                () -> {
                  append(spark, context, broadcast, bins, name, staging, options.allowJavaBlas());
                  ChunkStaging.promote(staging, table);
                }));
      }
      while (!inFlight.isEmpty()) {
        await(inFlight.removeFirst(), inFlight, sparkContext);
      }
      progress.complete();
    } finally {
      jobs.shutdownNow();
      spark.sparkContext().removeSparkListener(listener);
      broadcast.destroy();
    }
  }

  /**
   * Waits for a chunk; if it failed (or the wait is interrupted), cancels the chunks still in
   * flight and waits for them to stop, so no job writes after the run has given up, then throws.
   */
  private static void await(Future<?> job, Deque<Future<?>> others, JavaSparkContext spark) {
    try {
      job.get();
    } catch (ExecutionException | InterruptedException e) {
      spark.cancelJobGroup(ProgressListener.JOB_GROUP);
      for (Future<?> other : others) {
        try {
          other.get();
        } catch (ExecutionException | InterruptedException | CancellationException ignored) {
          // the first failure is the one reported
        }
      }
      others.clear();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the sweep's jobs ran", e);
      }
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }

  /**
   * Fits the bins' units and writes their rows into {@code staging} as one Spark job. Each task's
   * file (whole units) appears by one rename when the job commits: a run killed before the commit
   * leaves no rows of the job (the next run discards the uncommitted chunk, see {@link
   * FitsFolder#discardUncommitted}), and one killed after it keeps them all (the next run finishes
   * moving them into the table).
   */
  private static void append(
      SparkSession spark,
      RunContext context,
      Broadcast<ArrayList<CellTheory>> theory,
      List<List<WorkUnit>> bins,
      String name,
      TableFolder staging,
      boolean allowJavaBlas) {
    JavaSparkContext sparkContext = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int units = bins.stream().mapToInt(List::size).sum();
    ArrayList<RowStamp> stamps = new ArrayList<>(context.stamps());
    JavaRDD<Row> rows =
        sparkContext
            .parallelize(bins, bins.size())
            .flatMap(new SparkUnitTask(context.spec(), allowJavaBlas))
            .map(result -> RowFactory.create(values(stamps, theory.value(), result)));
    sparkContext.setLocalProperty(ProgressListener.CHUNK_PROPERTY, name);
    sparkContext.setJobGroup(
        ProgressListener.JOB_GROUP,
        "sweep "
            + context.spec().name()
            + ": "
            + units
            + " units in "
            + bins.size()
            + " Spark tasks",
        false);
    spark
        .createDataFrame(rows, FitsRow.TABLE.schema())
        .write()
        .mode(SaveMode.Append)
        .parquet(staging.uri());
  }

  /**
   * A chunk's units packed into {@code tasks} bins balanced by cost, one bin per task. With task
   * axes a seed's points go together: they share their draws.
   */
  static List<List<WorkUnit>> bins(RunContext context, List<WorkUnit> units, int tasks) {
    ToDoubleFunction<WorkUnit> cost = u -> CostModel.of(context.spec(), u).flops();
    return context.spec().hasTaskAxes()
        ? UnitBins.packBySeed(units, tasks, cost)
        : UnitBins.pack(units, tasks, cost);
  }

  /**
   * Tasks for {@code units} units: as asked, else one per unit up to two per task slot. Two per
   * slot, packed by cost, keep the slots balanced while a task's fixed cost is paid once per
   * several units (quickstart on 2 slots, paired runs: 4.6-5.5 s wall with 4 tasks, 5.3-7.2 s with
   * 8, 7.0-8.9 s with 16).
   */
  static int tasks(int units, int slots, SweepDriver.Options options) {
    if (options.partitions() > 0) {
      return Math.min(options.partitions(), units);
    }
    return Schedule.tasks(units, slots);
  }
}
