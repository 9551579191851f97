package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.run.FitsRow;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.SharedSpark;
import org.rfsweep.testing.Specs;

@Tag("spark")
@ExtendWith(SharedSpark.class)
class SweepDriverSparkTest {

  @Test
  void writesEveryTaskAndRidgeWithTheExactSchemaAndAManifest(SparkSession spark, @TempDir Path dir)
      throws Exception {
    JobSpec spec = SpecLoader.parse(Specs.small(), "small.yaml");
    Path out = dir.resolve("out");
    SweepDriver.Outcome outcome =
        SweepDriver.run(spark, spec, new SweepDriver.Options(out, 0, false), line -> {});

    GridPlan plan = GridPlan.of(spec);
    assertEquals(plan.rows(), outcome.rows());
    assertEquals(plan.fits(), outcome.fitsOk());
    assertEquals(0, outcome.fitsFailed());

    Dataset<Row> fits = spark.read().parquet(out.resolve("fits").toString());
    assertEquals(FitsRow.TABLE.schema().fieldNames().length, fits.schema().fields().length);
    for (var field : FitsRow.TABLE.schema().fields()) {
      var read = fits.schema().apply(field.name());
      assertEquals(field.dataType(), read.dataType(), field.name());
    }
    assertEquals(plan.rows(), fits.count());
    // Every (width, samples, ridge, seed) exactly once.
    assertEquals(plan.rows(), fits.select("width", "samples", "ridge", "seed").distinct().count());
    assertEquals(0, fits.filter("status != 'OK' or test_mse is null or train_mse is null").count());
    // Linear features on the power-law task: every row carries the theory, infinite only at the
    // ridgeless peak.
    assertEquals(
        0,
        fits.filter("theory_test_mse is null or theory_gamma is null or theory_kappa is null")
            .count());
    assertEquals(
        fits.filter("width = samples and ridge = 0").count(),
        fits.filter("theory_test_mse = double('Infinity')").count());
    assertTrue(fits.filter("blas_backend not like 'native:%'").isEmpty());

    JsonNode manifest = Manifest.read(out);
    assertEquals("complete", manifest.path("status").asText());
    assertEquals(SpecFingerprint.hash(spec), manifest.path("spec_hash").asText());
    assertEquals(plan.fits(), manifest.path("counts").path("fits_done").asLong());
    assertEquals(plan.rows(), manifest.path("grid").path("rows").asLong());
    assertTrue(manifest.path("blas").path("driver").asText().startsWith("native:"));

    JsonNode progress =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(out.resolve("progress.json").toFile());
    assertEquals(plan.fits(), progress.path("cells_total").asLong());
    assertEquals(plan.fits(), progress.path("cells_done").asLong());
    assertEquals(1.0, progress.path("share_of_flops_done").asDouble());
    assertEquals(1.0, progress.path("share_of_work_done").asDouble());

    // Every run also writes the scaling-law tables and the report.
    for (String table : new String[] {"curves", "optimal", "exponents", "claims"}) {
      assertFalse(ParquetTable.read(out.resolve(table)).rows().isEmpty(), table);
    }
    assertEquals(
        plan.cells().size() * spec.grid().ridges().size(),
        ParquetTable.read(out.resolve("curves")).rows().size());
    assertEquals(plan.cells().size(), ParquetTable.read(out.resolve("optimal")).rows().size());
    String html = Files.readString(out.resolve("report/index.html"));
    assertTrue(
        html.contains("more_features_better") && html.contains("risk-vs-width"),
        "report lacks content");
    assertTrue(Files.size(out.resolve("report/theory-vs-experiment.svg")) > 1000);

    // The Spark-free reader used by `show` sees the same table.
    ParquetTable table = ParquetTable.read(out.resolve("fits"));
    assertEquals(FitsRow.TABLE.columnNames(), table.columns());
    assertEquals(plan.rows(), table.rows().size());

    // Re-running the same spec computes nothing and changes no row.
    long rowsBefore = spark.read().parquet(out.resolve("fits").toString()).count();
    SweepDriver.Outcome again =
        SweepDriver.run(spark, spec, new SweepDriver.Options(out, 0, false), line -> {});
    assertEquals(0, Manifest.read(out).path("units_run").asInt());
    assertEquals(rowsBefore, spark.read().parquet(out.resolve("fits").toString()).count());
    assertEquals(outcome.rows(), again.rows());

    // Extending the spec (one more seed, one more width) computes only the new cells.
    JobSpec extended =
        SpecLoader.parse(
            Specs.smallWith("seeds", "seeds: 4")
                .replace("widths: [8, 24, 48]", "widths: [8, 24, 48, 64]"),
            "extended.yaml");
    List<String> log = new ArrayList<>();
    SweepDriver.Outcome grown =
        SweepDriver.run(spark, extended, new SweepDriver.Options(out, 0, false), log::add);
    GridPlan bigger = GridPlan.of(extended);
    long newTasks = bigger.fits() - plan.fits();
    assertTrue(
        log.stream()
            .anyMatch(l -> l.startsWith("resuming: " + plan.fits() + " of " + bigger.fits())),
        log.toString());
    assertEquals(bigger.rows(), grown.rows());
    assertEquals(
        plan.rows() + newTasks * 3,
        spark.read().parquet(out.resolve("fits").toString()).count(),
        "old rows kept once, new rows added once");

    // A spec that cannot extend this folder (another ridge list) is refused and nothing changes;
    // another alpha would be another task point, which extends it.
    JobSpec other = SpecLoader.parse(Specs.smallWith("ridges", "ridges: [0, 0.1]"), "other.yaml");
    long before = Files.getLastModifiedTime(out.resolve(Manifest.FILE)).toMillis();
    OutputConflictException e =
        assertThrows(
            OutputConflictException.class,
            () ->
                SweepDriver.run(spark, other, new SweepDriver.Options(out, 0, false), line -> {}));
    assertTrue(
        e.getMessage().contains("holds results of job 'small' that this spec cannot extend"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("grid.ridges is [0.0,0.01,1.0] in the folder, [0.0,0.1] in this spec"),
        e.getMessage());
    assertEquals(before, Files.getLastModifiedTime(out.resolve(Manifest.FILE)).toMillis());
  }

  @Test
  void identicalRowsUnderAnyMasterAndPartitioning(@TempDir Path dir) {
    JobSpec spec =
        SpecLoader.parse(Specs.small().replace("features: linear", "features: relu"), "relu.yaml");
    List<Set<String>> runs = new ArrayList<>();
    String[][] settings = {{"local[1]", "1"}, {"local[2]", "5"}, {"local[2]", "2"}};
    for (String[] setting : settings) {
      SparkSession spark = SharedSpark.restart(setting[0]);
      Path out = dir.resolve(setting[0].replaceAll("\\W", "") + "-" + setting[1]);
      SweepDriver.run(
          spark,
          spec,
          new SweepDriver.Options(out, Integer.parseInt(setting[1]), false),
          line -> {});
      Set<String> rows = new HashSet<>();
      for (Row row :
          spark
              .read()
              .parquet(out.resolve("fits").toString())
              .select("width", "samples", "ridge", "seed", "train_mse", "test_mse")
              .collectAsList()) {
        // Doubles compared through their exact bits.
        rows.add(
            row.getDouble(0)
                + "|"
                + row.getInt(1)
                + "|"
                + Double.doubleToLongBits(row.getDouble(2))
                + "|"
                + row.getInt(3)
                + "|"
                + Double.doubleToLongBits(row.getDouble(4))
                + "|"
                + Double.doubleToLongBits(row.getDouble(5)));
      }
      runs.add(rows);
    }
    SharedSpark.restart(SharedSpark.MASTER);
    assertEquals(GridPlan.of(spec).rows(), runs.get(0).size());
    assertEquals(runs.get(0), runs.get(1), "local[1] and local[2] with 5 partitions differ");
    assertEquals(runs.get(0), runs.get(2), "local[1] and local[2] with 2 partitions differ");
  }

  @Test
  void leftoversOfARunKilledDuringItsCommitAreDiscardedNotAppended(
      SparkSession spark, @TempDir Path dir) throws Exception {
    JobSpec spec = SpecLoader.parse(Specs.small(), "small.yaml");
    Path out = dir.resolve("out");
    SweepDriver.run(spark, spec, new SweepDriver.Options(out, 0, false), line -> {});
    // What a kill during the commit leaves: one task's committed file still under _temporary, not
    // yet moved.
    Path fits = out.resolve("fits");
    Path part;
    try (var files = Files.list(fits)) {
      part =
          files
              .filter(p -> p.getFileName().toString().startsWith("part-"))
              .findFirst()
              .orElseThrow();
    }
    Path task =
        Files.createDirectories(fits.resolve("_temporary/0/task_202611300000_0001_m_000000"));
    Files.move(part, task.resolve(part.getFileName()));
    long left = spark.read().parquet(fits.toString()).count();
    GridPlan plan = GridPlan.of(spec);
    assertTrue(left < plan.rows());

    List<String> log = new ArrayList<>();
    SweepDriver.run(spark, spec, new SweepDriver.Options(out, 0, false), log::add);
    assertTrue(
        log.stream().anyMatch(l -> l.startsWith("discarded the uncommitted output")),
        log.toString());
    assertFalse(Files.exists(fits.resolve("_temporary")));
    Dataset<Row> rows = spark.read().parquet(fits.toString());
    assertEquals(
        plan.rows(),
        rows.count(),
        "every fit once: the leftover file was not committed beside its redo");
    assertEquals(plan.rows(), rows.select("width", "samples", "ridge", "seed").distinct().count());
  }
}
