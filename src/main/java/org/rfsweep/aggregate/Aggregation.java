package org.rfsweep.aggregate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.io.ResultTable;
import org.rfsweep.io.RunLabel;
import org.rfsweep.run.FitsRow;
import org.rfsweep.run.RunContext;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.theory.OptimalRidge;
import org.rfsweep.theory.PowerLawClosedForms;
import org.rfsweep.theory.TheorySweep;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Builds every scaling-law table from {@code DIR/fits} without refitting anything: {@code curves}
 * and the LOO/GCV picks in Spark, then {@code optimal}, {@code exponents} and {@code claims} on the
 * driver from the small collected tables. Each table is written to {@code DIR/<table>} in Parquet.
 */
public final class Aggregation {
  public static final int BOOTSTRAP_COUNT = 200;
  public static final long BOOTSTRAP_SEED = 20240101L;

  /** Everything the report draws. */
  public record Tables(
      List<CurvePoint> curves,
      List<OptimalPoint> optimal,
      List<ExponentRow> exponents,
      List<Claim> claims,
      double closedFormRStar) {}

  private Aggregation() {}

  /**
   * The rows of {@code DIR/fits} that belong to this run's grid: the folder may also hold cells of
   * an earlier, compatible spec (one with other widths, samples or seeds), which the tables leave
   * out.
   */
  public static Dataset<Row> current(
      SparkSession spark, RunContext context, GridPlan plan, Path out) {
    // By coordinates, not cell keys: a folder holds one compatible spec and one results version
    // (the driver
    // guarantees both), so the grid's (width, samples, seed) pick exactly its rows, and `report`
    // can read a
    // folder whatever code wrote it.
    List<Row> cells = new ArrayList<>();
    for (WorkUnit unit : plan.units()) {
      for (Cell cell : unit.cells()) {
        cells.add(RowFactory.create(cell.width(), cell.samples(), unit.seedIndex()));
      }
    }
    StructType coordinates =
        new StructType()
            .add("width", DataTypes.IntegerType, false)
            .add("samples", DataTypes.IntegerType, false)
            .add("seed", DataTypes.IntegerType, false);
    Dataset<Row> wanted = spark.createDataFrame(cells, coordinates);
    StructType schema = FitsRow.TABLE.schema();
    return spark
        .read()
        .schema(schema)
        .parquet(FitsRow.TABLE.in(out).toString())
        .join(
            functions.broadcast(wanted),
            CollectionConverters.asScala(List.of("width", "samples", "seed")).toSeq())
        .select(Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new));
  }

  public static Tables run(SparkSession spark, RunContext context, Path out) {
    JobSpec spec = context.spec();
    RunLabel label = context.label();
    Dataset<Row> fits = current(spark, context, GridPlan.of(spec), out).cache();
    try {
      Dataset<Row> curvesFrame = CurvesTable.compute(fits);
      curvesFrame
          .coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(out.resolve(CurvesTable.TABLE).toString());
      List<CurvePoint> curves = CurvesTable.collect(curvesFrame);
      List<CellPick> picks = SeedPicks.compute(fits);
      Map<Long, OptimalTable.TheoryOptimum> theory = theoryOptima(context, curves);

      List<OptimalPoint> optimal = OptimalTable.compute(curves, picks, theory);
      write(spark, out, OptimalPoint.TABLE, label, optimal);

      List<SeedRisk> seeds =
          fits
              .filter("status = 'OK'")
              .select(SeedRisk.COLUMNS.names().stream().map(functions::col).toArray(Column[]::new))
              .collectAsList()
              .stream()
              .map(SeedRisk.COLUMNS::fromRow)
              .toList();
      List<ExponentRow> exponents =
          ExponentsTable.compute(seeds, theory, BOOTSTRAP_COUNT, BOOTSTRAP_SEED);
      write(spark, out, ExponentRow.TABLE, label, exponents);

      boolean powerLaw = spec.task() instanceof PowerLawTaskSpec;
      double rStar = powerLaw ? closedFormRStar(spec, curves) : measuredRStar(context);
      String source =
          powerLaw ? "from the task's alpha and beta" : "from the pool's proxy exponents, no noise";
      List<Claim> claims = ClaimsTable.compute(optimal, curves, rStar, source);
      write(spark, out, Claim.TABLE, label, claims);
      return new Tables(curves, optimal, exponents, claims, rStar);
    } finally {
      fits.unpersist();
    }
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

  /**
   * The closed-form R* of a power-law task in the kernel limit, with the noise expressed relative
   * to the noiseless ridgeless risk at the largest sample count; NaN outside the closed forms'
   * range, and for features whose kernel spectrum is not the task's power law (ReLU, rff).
   */
  static double closedFormRStar(JobSpec spec, List<CurvePoint> curves) {
    if (!(spec.task() instanceof PowerLawTaskSpec task)
        || spec.features().kind() != FeatureKind.LINEAR
        || !(task.beta() > 1 && task.beta() < 2 * task.alpha() + 1)) {
      return Double.NaN;
    }
    double samples = curves.stream().mapToInt(CurvePoint::samples).max().orElse(1);
    double relative =
        task.noise()
            / PowerLawClosedForms.noiselessRidgelessRisk(task.alpha(), task.beta(), samples);
    return PowerLawClosedForms.optimalFittingRatio(task.alpha(), task.beta(), relative);
  }

  /**
   * A dataset's predicted R* from the exponents measured on its pool (the paper's proxies), without
   * added noise; NaN when they were not measured or fall outside the closed forms' range.
   */
  static double measuredRStar(RunContext context) {
    double alpha = context.measuredPool().map(p -> p.proxy("alpha")).orElse(Double.NaN);
    double beta = context.measuredPool().map(p -> p.proxy("beta")).orElse(Double.NaN);
    if (!(alpha > 1 && beta > 1 && beta < 2 * alpha + 1)) {
      return Double.NaN;
    }
    return PowerLawClosedForms.optimalFittingRatio(alpha, beta, 0.0);
  }

  private static <R extends Record> void write(
      SparkSession spark, Path out, ResultTable<R> table, RunLabel label, List<R> rows) {
    spark
        .createDataFrame(table.toRows(label, rows), table.schema())
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(table.in(out).toString());
  }
}
