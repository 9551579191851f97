package org.rfsweep.driver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.aggregate.Claim;
import org.rfsweep.aggregate.ExponentRow;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.SharedSpark;
import org.rfsweep.testing.Specs;

/**
 * Width inf through the whole job: extending a folder by width inf computes only the kernel cells
 * and leaves the finite rows as they were; the tables store it as a DOUBLE +Infinity (curves with
 * theory beside it, claims including the step to it, no exponent through it); a folder written
 * before width inf (width an INT32 column) resumes without recomputing, read by Spark and by the
 * driver alike.
 */
@Tag("spark")
@ExtendWith(SharedSpark.class)
class KernelSweepSparkTest {

  private static JobSpec spec(String widths) {
    return SpecLoader.parse(
        Specs.smallWith("widths", "widths: " + widths).replace("seeds: 3", "seeds: 4"),
        "kernel.yaml");
  }

  @Test
  void extendingByWidthInfComputesOnlyTheKernelCells(SparkSession spark, @TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    SweepDriver.run(spark, spec("[8, 24, 48]"), new SweepDriver.Options(out, 0, false), line -> {});
    List<Row> before = fits(spark, out).orderBy("cell_key", "ridge").collectAsList();

    List<String> log = new ArrayList<>();
    SweepDriver.Outcome second =
        SweepDriver.run(
            spark, spec("[8, 24, 48, inf]"), new SweepDriver.Options(out, 0, false), log::add);
    assertEquals(4 * 3 * 4, second.fitsOk(), "4 widths x 3 sample counts x 4 seeds");
    assertTrue(
        log.contains("resuming: 36 of 48 fits are already in " + out.resolve("fits")),
        log.toString());
    List<Row> after =
        fits(spark, out)
            .where(col("width").notEqual(Double.POSITIVE_INFINITY))
            .orderBy("cell_key", "ridge")
            .collectAsList();
    assertEquals(before, after, "the finite widths' rows are untouched");

    // Width is a DOUBLE column (Spark's schema says so) with +Infinity for the kernel cells,
    // each with the eigenframework's KRR limit beside it.
    assertEquals(
        "DoubleType",
        spark
            .read()
            .parquet(out.resolve("curves").toString())
            .schema()
            .apply("width")
            .dataType()
            .toString());
    ParquetTable curves = ParquetTable.read(out.resolve("curves"));
    int width = curves.columns().indexOf("width");
    int theory = curves.columns().indexOf("theory_test_mse");
    List<Object[]> kernel =
        curves.rows().stream().filter(r -> Double.isInfinite((Double) r[width])).toList();
    assertEquals(3 * 3, kernel.size(), "3 sample counts x 3 ridges at width inf");
    for (Object[] r : kernel) {
      assertTrue((Double) r[theory] > 0, "theory beside width inf: " + r[theory]);
    }
    for (ExponentRow e : ExponentRow.TABLE.fromTable(ParquetTable.read(out.resolve("exponents")))) {
      if (e.sweep().equals("width")) {
        assertTrue(e.points() <= 3, "no width fit runs through inf: " + e);
      }
    }

    String scope =
        Claim.TABLE.fromTable(ParquetTable.read(out.resolve("claims"))).stream()
            .filter(c -> c.claim().equals("more_features_better"))
            .findFirst()
            .orElseThrow()
            .scope();
    assertTrue(scope.contains("width inf"), scope);
    Claim overfits =
        Claim.TABLE.fromTable(ParquetTable.read(out.resolve("claims"))).stream()
            .filter(c -> c.claim().equals("kernel_optimum_overfits"))
            .findFirst()
            .orElseThrow();
    assertEquals(3, overfits.checked(), "one check per sample count at width inf");
    assertTrue(overfits.evidence().contains("n=40: R "), overfits.evidence());

    // The report draws the kernel limit: its ridge paths per n and the table of R per n.
    String page = Files.readString(out.resolve("report").resolve("index.html"));
    assertTrue(Files.size(out.resolve("report").resolve("kernel-ridge-paths.png")) > 10_000);
    assertTrue(page.contains("Kernel limit: optimal fitting ratio per n"), "the R table");
    assertTrue(page.contains("risk-vs-samples-Ninf"), "the kernel's learning curve");
  }

  @Test
  void aFolderWrittenBeforeWidthInfResumesWithoutRecomputing(SparkSession spark, @TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    JobSpec spec = spec("[8, 24]");
    SweepDriver.run(spark, spec, new SweepDriver.Options(out, 0, false), line -> {});
    // Rewrite the fits as the code before width inf wrote them: width an INT32 column.
    Path old = dir.resolve("old-fits");
    fits(spark, out)
        .withColumn("width", col("width").cast("int"))
        .coalesce(1)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(old.toString());
    deleteTree(out.resolve("fits"));
    Files.move(old, out.resolve("fits"));
    assertEquals(
        "IntegerType",
        fits(spark, out).schema().apply("width").dataType().toString(),
        "the folder as older code left it");

    List<String> log = new ArrayList<>();
    SweepDriver.run(spark, spec("[8, 24, inf]"), new SweepDriver.Options(out, 0, false), log::add);
    assertTrue(
        log.contains("resuming: 24 of 36 fits are already in " + out.resolve("fits")),
        log.toString());
    assertEquals(4, Manifest.read(out).path("units_run").asInt(), "one unit per seed, kernel only");
    // Both part files read together, by Spark with the current schema and on the driver.
    List<Row> widths =
        spark
            .read()
            .schema(org.rfsweep.run.FitsRow.TABLE.schema())
            .parquet(out.resolve("fits").toString())
            .select("width")
            .distinct()
            .orderBy("width")
            .collectAsList();
    assertEquals(
        List.of(8.0, 24.0, Double.POSITIVE_INFINITY),
        widths.stream().map(r -> r.getDouble(0)).toList());
    ParquetTable curves = ParquetTable.read(out.resolve("curves"));
    assertEquals(3 * 3 * 3, curves.rows().size(), "3 widths x 3 sample counts x 3 ridges");
  }

  private static Dataset<Row> fits(SparkSession spark, Path out) {
    return spark.read().parquet(out.resolve("fits").toString());
  }

  private static void deleteTree(Path path) throws Exception {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
