package org.rfsweep.aggregate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.rfsweep.io.RecordColumns;
import org.rfsweep.run.JobColumns;

/**
 * The {@code curves} table: fits grouped over seeds per (task point, width, samples, ridge), with
 * counts, means, standard deviations and standard errors. Spark merges these statistics from
 * per-partition partial aggregates (count, mean and second central moment), so the result does not
 * depend on how the fits are partitioned, up to floating-point rounding.
 */
public final class CurvesTable {
  public static final String TABLE = "curves";
  static final List<String> KEYS = keys();

  /** The run label, the task point's columns, then the cell and ridge. */
  private static List<String> keys() {
    List<String> keys = new java.util.ArrayList<>(List.of("job_name", "spec_hash"));
    keys.addAll(RecordColumns.of(JobColumns.class).names());
    keys.addAll(List.of("width", "samples", "ridge"));
    return List.copyOf(keys);
  }

  private CurvesTable() {}

  public static Dataset<Row> compute(Dataset<Row> fits) {
    Column ok = col("status").equalTo("OK");
    Column[] keys = KEYS.stream().map(functions::col).toArray(Column[]::new);
    return fits.groupBy(keys)
        .agg(
            sum(when(ok, 1).otherwise(0)).cast("long").as("seeds"),
            sum(when(ok, 0).otherwise(1)).cast("long").as("failed"),
            avg(when(ok, col("test_mse"))).as("test_mse_mean"),
            stddev_samp(when(ok, col("test_mse"))).as("test_mse_sd"),
            avg(when(ok, col("train_mse"))).as("train_mse_mean"),
            stddev_samp(when(ok, col("train_mse"))).as("train_mse_sd"),
            avg(when(ok, col("loo_test_mse"))).as("loo_test_mse_mean"),
            avg(when(ok, col("gcv_test_mse"))).as("gcv_test_mse_mean"),
            first(col("theory_test_mse"), true).as("theory_test_mse"),
            first(col("theory_train_mse"), true).as("theory_train_mse"),
            count(lit(1)).as("rows"))
        .withColumn("test_mse_se", col("test_mse_sd").divide(sqrt(col("seeds"))))
        .withColumn("train_mse_se", col("train_mse_sd").divide(sqrt(col("seeds"))))
        .drop("rows")
        .select(columns())
        .orderBy("task_key", "width", "samples", "ridge");
  }

  /**
   * The task's keys, then {@link CurvePoint}'s columns: the record defines the statistics the table
   * holds.
   */
  private static Column[] columns() {
    Set<String> names = new LinkedHashSet<>(KEYS);
    names.addAll(CurvePoint.COLUMNS.names());
    return names.stream().map(functions::col).toArray(Column[]::new);
  }

  /** The table as records for the driver-side tables and figures, by task key. */
  public static Map<String, List<CurvePoint>> collect(Dataset<Row> curves) {
    Map<String, List<CurvePoint>> out = new LinkedHashMap<>();
    for (Row row : curves.collectAsList()) {
      out.computeIfAbsent(row.getAs("task_key"), k -> new java.util.ArrayList<>())
          .add(CurvePoint.COLUMNS.fromRow(row));
    }
    return out;
  }
}
