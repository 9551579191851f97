package org.rfsweep.driver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.rfsweep.io.TableFolder;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.FitsRow;

/**
 * Each (cell, ridge) appears once in {@code DIR/fits}, checked before any table is built. Rows of
 * one (cell, ridge) that agree on every result (the same numbers, status and theory; timings and
 * provenance may differ, as for a cell computed twice) are duplicates: the table is rewritten
 * without them and the run says so. Rows that disagree stop the run, naming the files, since
 * rfsweep cannot know which is right. A part file that cannot be read (a failed page checksum, a
 * truncated file) is moved to {@code DIR/quarantine/} with a line saying so, and its cells are
 * computed again by the run.
 */
final class FitsIntegrity {
  /** Columns that say how and when a row was computed, not what it is. */
  private static final Set<String> PROVENANCE =
      Set.of(
          "fit_seconds",
          "setup_seconds",
          "gram_seconds",
          "eigen_seconds",
          "test_risk_seconds",
          "eigensolver",
          "blas_backend",
          "code_version");

  /** How many conflicting pairs a refusal lists. */
  private static final int SHOWN = 5;

  private FitsIntegrity() {}

  /** Where part files that cannot be read are moved. */
  static final String QUARANTINE = "quarantine";

  /** A part file's name in a read error (which names it by path or URI). */
  private static final Pattern PART = Pattern.compile("/(part-[^\\s'\"/]+\\.parquet)");

  /**
   * Checks {@code DIR/fits}: quarantines unreadable part files, repairs identical duplicates,
   * refuses conflicting ones. Call holding the lock, before the remaining work is computed
   * (quarantined cells are then missing, so computed again).
   */
  static void verify(SparkSession spark, Path out, Consumer<String> report) {
    for (int attempt = 0; ; attempt++) {
      try {
        verifyReadable(spark, out, report);
        return;
      } catch (OutputConflictException e) {
        throw e;
      } catch (Exception e) { // Spark's read errors are checked exceptions thrown unchecked
        TableFolder table = FitsLocation.of(out);
        String unreadable = unreadablePart(e, table);
        if (unreadable == null || attempt > 100) {
          throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
        quarantine(table, unreadable, e, report);
      }
    }
  }

  /** The part file of {@code table} a read error names, if it names one that still exists. */
  private static String unreadablePart(Throwable e, TableFolder table) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher m = PART.matcher(String.valueOf(t.getMessage()));
      while (m.find()) {
        if (table.hasFile(m.group(1))) {
          return m.group(1);
        }
      }
    }
    return null;
  }

  /** Moves an unreadable part file into {@code quarantine} beside the table. */
  private static void quarantine(
      TableFolder table, String part, Exception why, Consumer<String> report) {
    TableFolder target = table.sibling(QUARANTINE);
    table.movePart(part, target);
    Throwable root = why;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    report.accept(
        "quarantined "
            + table.child(part)
            + " in "
            + target
            + ": it cannot be read ("
            + root.getMessage()
            + "); its cells will be computed again");
  }

  private static void verifyReadable(SparkSession spark, Path out, Consumer<String> report) {
    TableFolder table = FitsLocation.of(out);
    if (table.parts().isEmpty()) {
      return;
    }
    StructType schema = FitsRow.TABLE.schema();
    Column results =
        struct(
            Arrays.stream(schema.fieldNames())
                .filter(name -> !PROVENANCE.contains(name))
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
    Dataset<Row> repeated =
        spark
            .read()
            .schema(schema)
            .parquet(table.uri())
            .withColumn("file", input_file_name())
            .groupBy("cell_key", "ridge")
            .agg(
                count(lit(1)).as("rows"),
                countDistinct(results).as("versions"),
                collect_set("file").as("files"))
            .filter(col("rows").gt(1))
            .cache();
    try {
      Row summary = repeated.agg(count(lit(1)), sum(col("rows").minus(1)), max("versions")).first();
      long pairs = summary.getLong(0);
      if (pairs == 0) {
        return;
      }
      if (summary.getLong(2) > 1) {
        List<Row> shown = repeated.filter(col("versions").gt(1)).limit(SHOWN).collectAsList();
        StringBuilder message =
            new StringBuilder(
                table
                    + ": (cell, ridge) pairs appear more than once with different results, "
                    + "so no table can be built from it. Remove the file that should not be there (or the folder) "
                    + "and re-run; for example:");
        for (Row r : shown) {
          message
              .append("\n  cell_key ")
              .append(r.getString(0))
              .append(", ridge ")
              .append(r.getDouble(1))
              .append(": ")
              .append(r.getList(4));
        }
        throw new OutputConflictException(message.toString());
      }
      long extra = summary.getLong(1);
      rewriteWithoutDuplicates(spark, table);
      report.accept(
          "repaired "
              + table
              + ": dropped "
              + extra
              + " duplicate rows of "
              + pairs
              + " (cell, ridge) pairs, identical in every result (a file copied or committed twice)");
    } finally {
      repeated.unpersist();
    }
  }

  /**
   * Writes the table without duplicates beside it, then swaps the folders: a run killed before the
   * swap leaves the table as it was (the next run repairs it again); the old table is deleted only
   * after the swap.
   */
  private static void rewriteWithoutDuplicates(SparkSession spark, TableFolder table) {
    TableFolder repaired = table.sibling(table.name() + ".repaired");
    TableFolder replaced = table.sibling(table.name() + ".replaced");
    repaired.delete();
    replaced.delete();
    spark
        .read()
        .schema(FitsRow.TABLE.schema())
        .parquet(table.uri())
        .dropDuplicates("cell_key", "ridge")
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(repaired.uri());
    table.moveTo(replaced);
    repaired.moveTo(table);
    replaced.delete();
  }
}
