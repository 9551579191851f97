package org.rfsweep.aggregate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.stddev_samp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Ridge selection from training data alone: per (cell, seed), the ridge with the smallest LOO (or
 * GCV) estimate, and the true test risk that fit then has. Aggregated over seeds per cell.
 */
public final class SeedPicks {
  private SeedPicks() {}

  /** The picks of every task point, by task key. */
  public static Map<String, List<CellPick>> compute(Dataset<Row> fits) {
    Map<String, List<CellPick>> picks = new HashMap<>();
    for (String rule : new String[] {"loo", "gcv"}) {
      String estimate = rule + "_test_mse";
      WindowSpec perSeed =
          Window.partitionBy("task_key", "width", "samples", "seed")
              .orderBy(col(estimate).asc(), col("ridge").asc());
      Dataset<Row> chosen =
          fits.filter(col("status").equalTo("OK").and(col(estimate).isNotNull()))
              .withColumn("rank", row_number().over(perSeed))
              .filter(col("rank").equalTo(1));
      for (Row r :
          chosen
              .groupBy("task_key", "width", "samples")
              .agg(
                  percentile_approx(col("ridge"), lit(0.5), lit(10000)).as("ridge"),
                  avg("test_mse").as("mean"),
                  stddev_samp("test_mse").as("sd"),
                  count(lit(1)).as("seeds"))
              .collectAsList()) {
        long seeds = r.<Long>getAs("seeds");
        double sd = r.isNullAt(r.fieldIndex("sd")) ? Double.NaN : r.<Double>getAs("sd");
        picks
            .computeIfAbsent(r.<String>getAs("task_key"), k -> new ArrayList<>())
            .add(
                new CellPick(
                    ((Number) r.getAs("width")).doubleValue(),
                    r.<Integer>getAs("samples"),
                    rule,
                    r.<Double>getAs("ridge"),
                    r.<Double>getAs("mean"),
                    sd / Math.sqrt(seeds),
                    seeds));
      }
    }
    return picks;
  }
}
