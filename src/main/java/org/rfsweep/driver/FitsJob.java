package org.rfsweep.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.Schedule;
import org.rfsweep.grid.UnitBins;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.run.CellTheory;
import org.rfsweep.run.FitsRow;
import org.rfsweep.run.RowStamp;
import org.rfsweep.run.RunContext;
import org.rfsweep.task.FitResult;
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

  /**
   * Fits {@code units} in chunks of {@code chunk} units, each committed on its own.
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
    ProgressListener progress = new ProgressListener(context.spec(), units, report, options.out());
    spark.sparkContext().addSparkListener(progress);
    try {
      for (int from = 0; from < units.size(); from += chunk) {
        List<WorkUnit> part = units.subList(from, Math.min(units.size(), from + chunk));
        int tasks = tasks(spark, part.size(), options);
        ToDoubleFunction<WorkUnit> cost = u -> CostModel.of(context.spec(), u).flops();
        // With task axes a seed's points go together: they share their draws.
        List<List<WorkUnit>> bins =
            context.spec().hasTaskAxes()
                ? UnitBins.packBySeed(part, tasks, cost)
                : UnitBins.pack(part, tasks, cost);
        progress.queue(bins);
        append(spark, context, broadcast, bins, options);
      }
      progress.complete();
    } finally {
      spark.sparkContext().removeSparkListener(progress);
      broadcast.destroy();
    }
  }

  /**
   * Fits the bins' units and appends their rows to {@code DIR/fits} as one Spark job. Each task's
   * file (whole units) appears by one rename when the job commits: a run killed before the commit
   * leaves no rows of the job, one killed during it leaves some tasks' whole units (the next run
   * discards the rest, see {@link FitsFolder#discardUncommitted}), and one killed after it keeps
   * them all.
   */
  private static void append(
      SparkSession spark,
      RunContext context,
      Broadcast<ArrayList<CellTheory>> theory,
      List<List<WorkUnit>> bins,
      SweepDriver.Options options) {
    JavaSparkContext sparkContext = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int units = bins.stream().mapToInt(List::size).sum();
    ArrayList<RowStamp> stamps = new ArrayList<>(context.stamps());
    JavaRDD<Row> rows =
        sparkContext
            .parallelize(bins, bins.size())
            .flatMap(new SparkUnitTask(context.spec(), options.allowJavaBlas()))
            .map(
                result -> {
                  FitResult fit = result.fit();
                  CellTheory cells = theory.value().get(result.point());
                  return stamps
                      .get(result.point())
                      .row(
                          fit,
                          cells == null
                              ? null
                              : cells.lookup(fit.width(), fit.samples(), fit.ridge()));
                });
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
        .parquet(FitsRow.TABLE.in(options.out()).toString());
  }

  /**
   * Tasks for {@code units} units: as asked, else one per unit up to two per task slot. Two per
   * slot, packed by cost, keep the slots balanced while a task's fixed cost is paid once per
   * several units (quickstart on 2 slots, paired runs: 4.6-5.5 s wall with 4 tasks, 5.3-7.2 s with
   * 8, 7.0-8.9 s with 16).
   */
  private static int tasks(SparkSession spark, int units, SweepDriver.Options options) {
    if (options.partitions() > 0) {
      return Math.min(options.partitions(), units);
    }
    return Schedule.tasks(units, spark.sparkContext().defaultParallelism());
  }
}
