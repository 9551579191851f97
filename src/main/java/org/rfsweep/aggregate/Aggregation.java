package org.rfsweep.aggregate;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.io.ResultTable;
import org.rfsweep.io.RunLabel;
import org.rfsweep.io.SmallTableWriter;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.FitsRow;
import org.rfsweep.run.JobColumns;
import org.rfsweep.run.PoolSpectrum;
import org.rfsweep.run.RowStamp;
import org.rfsweep.run.RunContext;
import org.rfsweep.run.TaskTheory;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.TaskPoint;
import org.rfsweep.theory.OptimalRidge;
import org.rfsweep.theory.TheorySweep;

/**
 * Builds every scaling-law table from {@code DIR/fits} without refitting anything: {@code curves}
 * and the LOO/GCV picks in Spark (grouped by task point), then per task point {@code optimal},
 * {@code exponents} and {@code claims} on the driver from the small collected tables, and the
 * {@code phases} table with the claims across points. Each table is written to {@code DIR/<table>}
 * in Parquet; every row starts with its task point's columns.
 */
public final class Aggregation {
  public static final int BOOTSTRAP_COUNT = 200;
  public static final long BOOTSTRAP_SEED = 20240101L;

  /** The {@code curves} table: the task point's columns, then the statistics of a (cell, ridge). */
  public static final ResultTable<CurvePoint> CURVES =
      ResultTable.of(CurvesTable.TABLE, JobColumns.class, CurvePoint.class);

  /** The task key of claims about the job as a whole (across its task points). */
  public static final String ACROSS_POINTS = "(across task points)";

  /** Everything the report draws for one task point. */
  public record Tables(
      List<CurvePoint> curves,
      List<OptimalPoint> optimal,
      List<ExponentRow> exponents,
      List<Claim> claims,
      double closedFormRStar) {}

  /** One task point's tables. */
  public record PointTables(TaskPoint point, JobColumns columns, Tables tables) {}

  /**
   * A job's tables: each task point's, the phase row of each point (in the same order), and the
   * claims about the job as a whole (Corollary 1 across points; none for a job of one point).
   */
  public record JobTables(
      List<PointTables> points,
      List<PhaseRow> phases,
      List<Claim> jobClaims,
      DriverFits.Counts counts) {
    /** Tables without counts (history and report need none). */
    public JobTables(List<PointTables> points, List<PhaseRow> phases, List<Claim> jobClaims) {
      this(points, phases, jobClaims, null);
    }

    /** The tables of a job of one task point. */
    public Tables only() {
      if (points.size() != 1) {
        throw new IllegalStateException("a job with task axes has tables per point");
      }
      return points.get(0).tables();
    }
  }

  private Aggregation() {}

  /**
   * The rows of {@code DIR/fits} that belong to this run's grid, with their task key: the folder
   * may also hold cells of an earlier, compatible spec (other task points, widths, samples or
   * seeds), which the tables leave out.
   */
  public static Dataset<Row> current(
      SparkSession spark, RunContext context, GridPlan plan, Path out) {
    // By cell key: a folder holds one results version (the driver guarantees it), and the key names
    // the task point, cell and seed exactly. The task key comes from the spec, so rows written
    // before task keys existed are read too.
    List<Row> cells = new ArrayList<>();
    List<RowStamp> stamps = context.stamps();
    for (WorkUnit unit : plan.units()) {
      RowStamp stamp = stamps.get(unit.point());
      for (Cell cell : unit.cells()) {
        cells.add(
            RowFactory.create(
                stamp.cellKey(cell.widthValue(), cell.samples(), unit.seedIndex()),
                stamp.job().taskKey()));
      }
    }
    StructType keys =
        new StructType()
            .add("cell_key", DataTypes.StringType, false)
            .add("wanted_task_key", DataTypes.StringType, false);
    Dataset<Row> wanted = spark.createDataFrame(cells, keys);
    StructType schema = FitsRow.TABLE.schema();
    return spark
        .read()
        .schema(schema)
        .parquet(FitsLocation.of(out).uri())
        .join(functions.broadcast(wanted), "cell_key")
        .withColumn("task_key", col("wanted_task_key"))
        .select(Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new));
  }

  /** The statistics the driver-side tables start from, per task key. */
  record Inputs(
      Map<String, List<CurvePoint>> curves,
      Map<String, List<CellPick>> picks,
      Map<String, List<SeedRisk>> seeds,
      DriverFits.Counts counts) {}

  /**
   * Builds every table, for {@link #write} to write. A small {@code fits} (see {@link DriverFits})
   * is read and aggregated on the driver, and {@code spark} is never asked for; a large one in
   * Spark.
   */
  public static JobTables compute(Supplier<SparkSession> spark, RunContext context, Path out) {
    return compute(spark, context, out, DriverFits.read(context, GridPlan.of(context.spec()), out));
  }

  /**
   * Like {@link #compute(Supplier, RunContext, Path)}, with the folder's small {@code fits} already
   * read (empty: read it in Spark).
   */
  public static JobTables compute(
      Supplier<SparkSession> spark, RunContext context, Path out, Optional<DriverFits> small) {
    GridPlan plan = GridPlan.of(context.spec());
    Inputs inputs =
        small
            .map(d -> new Inputs(d.curves(), d.picks(), d.seeds(), d.counts()))
            .orElseGet(() -> inSpark(spark.get(), context, plan, out));
    List<RunContext> contexts = context.perPoint();
    List<PointTables> points =
        contexts.parallelStream()
            .map(
                point ->
                    pointTables(
                        point,
                        inputs.curves().getOrDefault(key(point), List.of()),
                        inputs.picks().getOrDefault(key(point), List.of()),
                        inputs.seeds().getOrDefault(key(point), List.of())))
            .toList();
    List<PhaseRow> phases = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      PointTables p = points.get(i);
      RunContext point = contexts.get(i);
      phases.add(
          PhasesTable.row(
              new PhasesTable.Point(
                  p.columns(),
                  p.tables(),
                  inputs.seeds().getOrDefault(p.columns().taskKey(), List.of()),
                  n ->
                      TaskTheory.closedFormRStar(
                          point.spec(), point.measuredPool().orElse(null), n))));
    }
    List<Claim> jobClaims =
        context.spec().hasTaskAxes()
            ? List.of(
                PhasesTable.corollaryOne(
                    points.stream().map(PointTables::columns).toList(), phases))
            : List.of();
    return new JobTables(points, phases, jobClaims, inputs.counts());
  }

  /** The statistics of a small {@code fits}, read and aggregated on the driver. */
  static java.util.Optional<Inputs> onDriver(RunContext context, GridPlan plan, Path out) {
    return DriverFits.read(context, plan, out)
        .map(d -> new Inputs(d.curves(), d.picks(), d.seeds(), d.counts()));
  }

  /** The same statistics from a large {@code fits}, aggregated by Spark. */
  static Inputs inSpark(SparkSession spark, RunContext context, GridPlan plan, Path out) {
    Dataset<Row> fits = current(spark, context, plan, out).cache();
    try {
      Map<String, List<CurvePoint>> curves = CurvesTable.collect(CurvesTable.compute(fits));
      Map<String, List<CellPick>> picks = SeedPicks.compute(fits);
      Map<String, List<SeedRisk>> seeds = new HashMap<>();
      List<String> seedColumns = new ArrayList<>(SeedRisk.COLUMNS.names());
      seedColumns.add("task_key");
      for (Row row :
          fits.filter("status = 'OK'")
              .select(seedColumns.stream().map(functions::col).toArray(Column[]::new))
              .collectAsList()) {
        seeds
            .computeIfAbsent(row.getAs("task_key"), k -> new ArrayList<>())
            .add(SeedRisk.COLUMNS.fromRow(row));
      }
      Row counts =
          fits.agg(
                  functions.count(functions.lit(1)),
                  functions.countDistinct(col("cell_key")),
                  functions.countDistinct(
                      functions.when(col("status").equalTo("FAILED"), col("cell_key"))),
                  functions.sort_array(functions.collect_set(col("blas_backend"))))
              .first();
      long failed = counts.getLong(2);
      DriverFits.Counts fitCounts =
          new DriverFits.Counts(
              counts.getLong(1) - failed, failed, counts.getLong(0), counts.getList(3));
      return new Inputs(curves, picks, seeds, fitCounts);
    } finally {
      fits.unpersist();
    }
  }

  private static String key(RunContext point) {
    return point.columns().taskKey();
  }

  /** One task point's optimal, exponents and claims tables from its curves, picks and seeds. */
  private static PointTables pointTables(
      RunContext context, List<CurvePoint> curves, List<CellPick> picks, List<SeedRisk> seeds) {
    JobSpec spec = context.spec();
    Map<Long, OptimalTable.TheoryOptimum> theory = theoryOptima(context, curves);
    List<OptimalPoint> optimal = OptimalTable.compute(curves, picks, theory);
    List<ExponentRow> exponents =
        ExponentsTable.compute(seeds, theory, BOOTSTRAP_COUNT, BOOTSTRAP_SEED);
    PoolSpectrum pool = context.measuredPool().orElse(null);
    IntToDoubleFunction closedForm = n -> TaskTheory.closedFormRStar(spec, pool, n);
    // One value for the cells together: at the largest n (the same at every n without noise).
    double rStar =
        closedForm.applyAsDouble(curves.stream().mapToInt(CurvePoint::samples).max().orElse(1));
    List<Claim> claims =
        ClaimsTable.compute(optimal, curves, rStar, TaskTheory.closedFormSource(spec), closedForm);
    return new PointTables(
        spec.points().get(0),
        context.columns(),
        new Tables(curves, optimal, exponents, claims, rStar));
  }

  /**
   * Writes every table {@link #compute} built (all but fits) into {@code out}, each row after its
   * task point's columns.
   */
  public static void write(Path out, RunLabel label, JobTables tables) {
    List<Object[]> curves = new ArrayList<>();
    List<Object[]> optimal = new ArrayList<>();
    List<Object[]> exponents = new ArrayList<>();
    List<Object[]> claims = new ArrayList<>();
    List<Object[]> phases = new ArrayList<>();
    for (int i = 0; i < tables.points().size(); i++) {
      PointTables p = tables.points().get(i);
      p.tables().curves().forEach(r -> curves.add(CURVES.values(label, p.columns(), r)));
      p.tables()
          .optimal()
          .forEach(r -> optimal.add(OptimalPoint.TABLE.values(label, p.columns(), r)));
      p.tables()
          .exponents()
          .forEach(r -> exponents.add(ExponentRow.TABLE.values(label, p.columns(), r)));
      p.tables().claims().forEach(r -> claims.add(Claim.TABLE.values(label, p.columns(), r)));
      phases.add(PhaseRow.TABLE.values(label, p.columns(), tables.phases().get(i)));
    }
    JobColumns across =
        new JobColumns(ACROSS_POINTS, null, null, null, null, null, null, null, null, null, null);
    tables.jobClaims().forEach(r -> claims.add(Claim.TABLE.values(label, across, r)));
    SmallTableWriter.writeValues(out, CURVES, curves);
    SmallTableWriter.writeValues(out, OptimalPoint.TABLE, optimal);
    SmallTableWriter.writeValues(out, ExponentRow.TABLE, exponents);
    SmallTableWriter.writeValues(out, Claim.TABLE, claims);
    SmallTableWriter.writeValues(out, PhaseRow.TABLE, phases);
  }

  /**
   * The theory-optimal ridge of every cell, from a continuous search (empty when the spectrum is
   * unknown).
   */
  private static Map<Long, OptimalTable.TheoryOptimum> theoryOptima(
      RunContext context, List<CurvePoint> curves) {
    Map<Long, OptimalTable.TheoryOptimum> out = new HashMap<>();
    var spectrum = context.theorySpectrum();
    if (spectrum.isEmpty()) {
      return out;
    }
    List<CurvePoint> cells =
        curves.stream().filter(c -> c.ridge() == curves.get(0).ridge()).toList();
    double[] widths = cells.stream().mapToDouble(CurvePoint::width).toArray();
    double[] samples = cells.stream().mapToDouble(CurvePoint::samples).toArray();
    OptimalRidge.Result[] results =
        TheorySweep.optimal(spectrum.get(), context.theoryNoise(), widths, samples);
    for (int i = 0; i < results.length; i++) {
      out.put(
          OptimalTable.key(cells.get(i).width(), cells.get(i).samples()),
          new OptimalTable.TheoryOptimum(
              results[i].ridge(), results[i].testMse(), results[i].fittingRatio()));
    }
    return out;
  }
}
