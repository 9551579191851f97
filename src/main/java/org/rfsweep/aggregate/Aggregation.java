package org.rfsweep.aggregate;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.Encoders;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.io.BuildInfo;
import org.rfsweep.io.FitsSchema;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.task.SpectrumMeasurement;
import org.rfsweep.task.TheoryColumns;
import org.rfsweep.theory.OptimalRidge;
import org.rfsweep.theory.PowerLawClosedForms;
import org.rfsweep.theory.TheorySweep;

/**
 * Builds every scaling-law table from {@code DIR/fits} without refitting anything: {@code curves} and the LOO/GCV
 * picks in Spark, then {@code optimal}, {@code exponents} and {@code claims} on the driver from the small collected
 * tables. Each table is written to {@code DIR/<table>} in Parquet.
 */
public final class Aggregation {
  public static final int BOOTSTRAP_COUNT = 200;
  public static final long BOOTSTRAP_SEED = 20240101L;

  /** Everything the report draws. */
  public record Tables(List<CurvePoint> curves, List<OptimalPoint> optimal, List<ExponentRow> exponents,
      List<Claim> claims, double closedFormRStar) {}

  private Aggregation() {}

  /**
   * The rows of {@code DIR/fits} that belong to this spec's grid: the folder may also hold cells of an earlier,
   * compatible spec (one with other widths, samples or seeds), which the tables leave out.
   */
  public static Dataset<Row> current(SparkSession spark, JobSpec spec, GridPlan plan, Path out) {
    FitsSchema.JobColumns job = FitsSchema.JobColumns.of(spec, SpecFingerprint.hash(spec), BuildInfo.codeVersion());
    List<String> keys = new java.util.ArrayList<>();
    for (WorkUnit unit : plan.units()) {
      for (Cell cell : unit.cells()) {
        keys.add(job.cellKey(cell.width(), cell.samples(), unit.seedIndex()));
      }
    }
    Dataset<Row> wanted = spark.createDataset(keys, Encoders.STRING()).toDF("cell_key");
    return spark.read().schema(FitsSchema.SCHEMA).parquet(out.resolve(FitsSchema.TABLE).toString())
        .join(org.apache.spark.sql.functions.broadcast(wanted), "cell_key")
        .select(java.util.Arrays.stream(FitsSchema.SCHEMA.fieldNames()).map(org.apache.spark.sql.functions::col)
            .toArray(org.apache.spark.sql.Column[]::new));
  }

  public static Tables run(SparkSession spark, JobSpec spec, Path out) {
    Dataset<Row> fits = current(spark, spec, GridPlan.of(spec), out).cache();
    try {
      Dataset<Row> curvesFrame = CurvesTable.compute(fits);
      curvesFrame.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.resolve(CurvesTable.TABLE).toString());
      List<CurvePoint> curves = CurvesTable.collect(curvesFrame);
      List<CellPick> picks = SeedPicks.compute(fits);
      Map<Long, OptimalTable.TheoryOptimum> theory = theoryOptima(spec, curves);

      List<OptimalPoint> optimal = OptimalTable.compute(curves, picks, theory);
      write(spark, out, "optimal", TableSchemas.OPTIMAL, TableSchemas.optimalRows(spec.name(), optimal));

      List<SeedRisk> seeds = fits.filter("status = 'OK'")
          .select("width", "samples", "ridge", "seed", "test_mse", "train_mse").collectAsList().stream()
          .map(r -> new SeedRisk(r.getInt(0), r.getInt(1), r.getDouble(2), r.getInt(3), r.getDouble(4),
              r.getDouble(5))).toList();
      List<ExponentRow> exponents = ExponentsTable.compute(seeds, theory, BOOTSTRAP_COUNT, BOOTSTRAP_SEED);
      write(spark, out, "exponents", TableSchemas.EXPONENTS,
          TableSchemas.exponentRows(spec.name(), exponents));

      double rStar = spec.task() instanceof PowerLawTaskSpec ? closedFormRStar(spec, curves) : measuredRStar(out);
      List<Claim> claims = ClaimsTable.compute(optimal, curves, rStar);
      write(spark, out, "claims", TableSchemas.CLAIMS, TableSchemas.claimRows(spec.name(), claims));
      return new Tables(curves, optimal, exponents, claims, rStar);
    } finally {
      fits.unpersist();
    }
  }

  /** The theory-optimal ridge of every cell, from a continuous search (empty when the spectrum is unknown). */
  private static Map<Long, OptimalTable.TheoryOptimum> theoryOptima(JobSpec spec, List<CurvePoint> curves) {
    Map<Long, OptimalTable.TheoryOptimum> out = new HashMap<>();
    var spectrum = TheoryColumns.spectrumOf(spec);
    if (spectrum.isEmpty()) {
      return out;
    }
    List<CurvePoint> cells = curves.stream().filter(c -> c.ridge() == curves.get(0).ridge()).toList();
    double[] widths = cells.stream().mapToDouble(CurvePoint::width).toArray();
    double[] samples = cells.stream().mapToDouble(CurvePoint::samples).toArray();
    OptimalRidge.Result[] results = TheorySweep.optimal(spectrum.get(), TheoryColumns.noiseOf(spec), widths,
        samples);
    for (int i = 0; i < results.length; i++) {
      out.put(OptimalTable.key(cells.get(i).width(), cells.get(i).samples()), new OptimalTable.TheoryOptimum(results[i].ridge(), results[i].testMse(),
          results[i].fittingRatio()));
    }
    return out;
  }

  /**
   * The closed-form R* of a power-law task in the kernel limit, with the noise expressed relative to the
   * noiseless ridgeless risk at the largest sample count; NaN outside the closed forms' range.
   */
  static double closedFormRStar(JobSpec spec, List<CurvePoint> curves) {
    if (!(spec.task() instanceof PowerLawTaskSpec task) || !(task.beta() > 1 && task.beta() < 2 * task.alpha() + 1)) {
      return Double.NaN;
    }
    double samples = curves.stream().mapToInt(CurvePoint::samples).max().orElse(1);
    double relative = task.noise() / PowerLawClosedForms.noiselessRidgelessRisk(task.alpha(), task.beta(), samples);
    return PowerLawClosedForms.optimalFittingRatio(task.alpha(), task.beta(), relative);
  }

  /**
   * A dataset's predicted R* from the exponents measured on its pool (the paper's proxies), without added noise;
   * NaN when they were not measured or fall outside the closed forms' range.
   */
  static double measuredRStar(Path out) {
    Path table = out.resolve(SpectrumMeasurement.EXPONENTS);
    if (!java.nio.file.Files.isDirectory(table)) {
      return Double.NaN;
    }
    double alpha = Double.NaN;
    double beta = Double.NaN;
    ParquetTable exponents = ParquetTable.read(table);
    for (Object[] row : exponents.rows()) {
      if (String.valueOf(row[1]).startsWith("proxy")) {
        if (row[0].equals("alpha")) {
          alpha = (Double) row[2];
        } else {
          beta = (Double) row[2];
        }
      }
    }
    if (!(alpha > 1 && beta > 1 && beta < 2 * alpha + 1)) {
      return Double.NaN;
    }
    return PowerLawClosedForms.optimalFittingRatio(alpha, beta, 0.0);
  }

  private static void write(SparkSession spark, Path out, String table, StructType schema, List<Row> rows) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(out.resolve(table).toString());
  }
}
