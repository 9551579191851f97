package org.rfsweep.aggregate;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Explicit Parquet schemas of the {@code optimal}, {@code exponents} and {@code claims} tables. NaN is stored as null. */
public final class TableSchemas {
  public static final StructType OPTIMAL = schema(
      "job_name:s", "width:i", "samples:i", "best_ridge:d", "best_ridge_at_grid_edge:b", "test_mse_mean:d",
      "test_mse_se:d", "train_mse_mean:d", "fitting_ratio:d", "theory_optimal_ridge:d", "theory_optimal_test_mse:d",
      "theory_optimal_fitting_ratio:d", "loo_ridge:d", "loo_test_mse_mean:d", "loo_test_mse_se:d", "gcv_ridge:d",
      "gcv_test_mse_mean:d", "gcv_test_mse_se:d");
  public static final StructType EXPONENTS = schema(
      "job_name:s", "sweep:s", "model:s", "fixed_axis:s", "fixed_value:i", "points:i", "exponent:d",
      "exponent_ci_low:d", "exponent_ci_high:d", "exponent_samples:d", "exponent_samples_ci_low:d",
      "exponent_samples_ci_high:d", "offset:d", "amplitude:d", "amplitude_samples:d", "loss:d", "theory_exponent:d",
      "theory_exponent_samples:d", "bootstrap_count:i", "bootstrap_seed:l");
  public static final StructType CLAIMS = schema(
      "job_name:s", "claim:s", "verdict:s", "theory_verdict:s", "evidence:s", "scope:s", "checked:l",
      "violations:l", "worst:d");

  private TableSchemas() {}

  public static List<Row> optimalRows(String job, List<OptimalPoint> points) {
    return points.stream().map(p -> RowFactory.create(job, p.width(), p.samples(), p.bestRidge(), p.bestAtEdge(),
        d(p.testMean()), d(p.testSe()), d(p.trainMean()), d(p.fittingRatio()), d(p.theoryRidge()), d(p.theoryTest()),
        d(p.theoryFittingRatio()), d(p.looRidge()), d(p.looTestMean()), d(p.looTestSe()), d(p.gcvRidge()),
        d(p.gcvTestMean()), d(p.gcvTestSe()))).toList();
  }

  public static List<Row> exponentRows(String job, List<ExponentRow> rows) {
    return rows.stream().map(e -> RowFactory.create(job, e.sweep(), e.model(), e.fixedAxis(), e.fixedValue(),
        e.points(), d(e.exponent()), d(e.exponentLow()), d(e.exponentHigh()), d(e.exponent2()), d(e.exponent2Low()),
        d(e.exponent2High()), d(e.offset()), d(e.amplitude()), d(e.amplitude2()), d(e.loss()), d(e.theoryExponent()),
        d(e.theoryExponent2()), e.bootstrapCount(), e.bootstrapSeed())).toList();
  }

  public static List<Row> claimRows(String job, List<Claim> claims) {
    return claims.stream().map(c -> RowFactory.create(job, c.claim(), c.verdict(), c.theoryVerdict(), c.evidence(),
        c.scope(), c.checked(), c.violations(), d(c.worst()))).toList();
  }

  private static Double d(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /** Columns as {@code name:type} with s = string, i = int, l = long, d = double, b = boolean. */
  private static StructType schema(String... columns) {
    StructField[] fields = new StructField[columns.length];
    for (int i = 0; i < columns.length; i++) {
      String[] parts = columns[i].split(":");
      DataType type = switch (parts[1]) {
        case "s" -> DataTypes.StringType;
        case "i" -> DataTypes.IntegerType;
        case "l" -> DataTypes.LongType;
        case "b" -> DataTypes.BooleanType;
        default -> DataTypes.DoubleType;
      };
      fields[i] = DataTypes.createStructField(parts[0], type, i > 0); // job_name first, never null
    }
    return new StructType(fields);
  }
}
