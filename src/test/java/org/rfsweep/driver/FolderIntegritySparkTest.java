package org.rfsweep.driver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.run.ResultsVersion;
import org.rfsweep.run.RunContext;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.ParquetDamage;
import org.rfsweep.testing.SharedSpark;
import org.rfsweep.testing.Specs;

/**
 * Nothing wrong reaches a table: duplicated and conflicting rows, a new commit, another results
 * version, a changed field, and a report while a run holds the folder. Each case failed on the code
 * before this test.
 */
@Tag("spark")
@ExtendWith(SharedSpark.class)
class FolderIntegritySparkTest {
  private static final JobSpec SPEC = SpecLoader.parse(Specs.small(), "small.yaml");
  private static final GridPlan PLAN = GridPlan.of(SPEC);

  private static SweepDriver.Outcome run(SparkSession spark, Path out, List<String> log) {
    return SweepDriver.run(spark, SPEC, new SweepDriver.Options(out, 0, false), log::add);
  }

  private static List<Path> parts(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("fits"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  @Test
  void aCopiedPartFileIsDroppedOnceAndNeverCountedTwice(SparkSession spark, @TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    run(spark, out, new ArrayList<>());
    Path part = parts(out).get(0);
    long copied = ParquetTable.read(out.resolve("fits")).rows().size();
    Files.copy(part, part.resolveSibling("part-99999-copy.snappy.parquet"));

    List<String> log = new ArrayList<>();
    SweepDriver.Outcome outcome = run(spark, out, log);
    assertEquals(PLAN.rows(), outcome.rows(), "the outcome counts each row once");
    assertTrue(log.stream().anyMatch(l -> l.startsWith("repaired ")), log.toString());
    assertEquals(
        copied, ParquetTable.read(out.resolve("fits")).rows().size(), "the folder repaired");
    // Every curve counts the spec's seeds, not more.
    ParquetTable curves = ParquetTable.read(out.resolve("curves"));
    int seeds = curves.columns().indexOf("seeds");
    assertTrue(curves.rows().stream().allMatch(r -> ((Long) r[seeds]) == SPEC.grid().seeds()));
  }

  @Test
  void conflictingRowsStopTheRunNamingTheFiles(SparkSession spark, @TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    run(spark, out, new ArrayList<>());
    Path part = parts(out).get(0);
    Path altered = dir.resolve("altered");
    spark
        .read()
        .parquet(part.toString())
        .withColumn("test_mse", col("test_mse").plus(1.0))
        .coalesce(1)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(altered.toString());
    Path alteredPart;
    try (Stream<Path> files = Files.list(altered)) {
      alteredPart = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.copy(alteredPart, out.resolve("fits").resolve("part-99999-altered.snappy.parquet"));

    OutputConflictException e =
        assertThrows(OutputConflictException.class, () -> run(spark, out, new ArrayList<>()));
    assertTrue(e.getMessage().contains("different results"), e.getMessage());
    assertTrue(e.getMessage().contains("part-99999-altered"), e.getMessage());
    assertTrue(e.getMessage().contains(part.getFileName().toString()), e.getMessage());
  }

  @Test
  void aNewCommitResumesInsteadOfRecomputing(SparkSession spark, @TempDir Path dir) {
    Path out = dir.resolve("out");
    SweepDriver.Options options = new SweepDriver.Options(out, 0, false);
    String blas = NativeLinalg.backend().label();
    SweepDriver.run(spark, RunContext.of(SPEC, "0.1.0+aaaaaaa", blas), options, line -> {});
    List<String> log = new ArrayList<>();
    SweepDriver.Outcome outcome =
        SweepDriver.run(spark, RunContext.of(SPEC, "0.1.0+bbbbbbb", blas), options, log::add);
    assertTrue(
        log.contains(
            "resuming: "
                + PLAN.fits()
                + " of "
                + PLAN.fits()
                + " fits are already in "
                + out.resolve("fits")),
        log.toString());
    assertEquals(PLAN.rows(), outcome.rows());
    assertEquals(PLAN.rows(), ParquetTable.read(out.resolve("fits")).rows().size());
  }

  @Test
  void anotherResultsVersionIsRefusedUnlessSuperseded(SparkSession spark, @TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    run(spark, out, new ArrayList<>());
    // What a folder written by an rfsweep of results version 0 looks like to this one.
    ObjectMapper json = new ObjectMapper();
    ObjectNode manifest = (ObjectNode) Manifest.read(out);
    manifest.put("results_version", "0");
    json.writeValue(out.resolve(Manifest.FILE).toFile(), manifest);

    OutputConflictException refused =
        assertThrows(OutputConflictException.class, () -> run(spark, out, new ArrayList<>()));
    assertTrue(refused.getMessage().contains("results version 0"), refused.getMessage());
    assertTrue(refused.getMessage().contains("--supersede"), refused.getMessage());

    List<String> log = new ArrayList<>();
    SweepDriver.Outcome outcome =
        SweepDriver.run(spark, SPEC, new SweepDriver.Options(out, 0, false, 0, true), log::add);
    assertTrue(Files.isDirectory(out.resolve("superseded/0/fits")), "old rows moved aside");
    assertFalse(log.stream().anyMatch(l -> l.startsWith("resuming")), "everything recomputed");
    assertEquals(PLAN.rows(), outcome.rows());
    ParquetTable fits = ParquetTable.read(out.resolve("fits"));
    int version = fits.columns().indexOf("results_version");
    assertEquals(PLAN.rows(), fits.rows().size());
    assertTrue(fits.rows().stream().allMatch(r -> ResultsVersion.CURRENT.equals(r[version])));
    assertEquals(ResultsVersion.CURRENT, Manifest.read(out).path("results_version").asText());
  }

  @Test
  void aRefusalNamesTheFieldThatDiffersWithBothValues(SparkSession spark, @TempDir Path dir) {
    Path out = dir.resolve("out");
    run(spark, out, new ArrayList<>());
    JobSpec noLoo = SpecLoader.parse(Specs.small() + "fit:\n  loo: false\n", "noloo.yaml");
    OutputConflictException e =
        assertThrows(
            OutputConflictException.class,
            () -> SweepDriver.run(spark, noLoo, new SweepDriver.Options(out, 0, false), l -> {}));
    assertTrue(
        e.getMessage().contains("fit.loo is true in the folder, false in this spec"),
        e.getMessage());
    JobSpec renamed = SpecLoader.parse(Specs.smallWith("name", "name: other"), "other.yaml");
    e =
        assertThrows(
            OutputConflictException.class,
            () -> SweepDriver.run(spark, renamed, new SweepDriver.Options(out, 0, false), l -> {}));
    assertTrue(
        e.getMessage().contains("name is \"small\" in the folder, \"other\" in this spec"),
        e.getMessage());
  }

  @Test
  void reportTakesTheLock(SparkSession spark, @TempDir Path dir) {
    Path out = dir.resolve("out");
    run(spark, out, new ArrayList<>());
    RunContext context = ReportBuilder.contextOf(out);
    try (OutputLock held = OutputLock.acquire(out)) {
      OutputConflictException e =
          assertThrows(
              OutputConflictException.class,
              () -> ReportBuilder.rebuild(() -> spark, context, out, line -> {}));
      assertTrue(e.getMessage().contains("another run is writing here"), e.getMessage());
    }
  }

  @Test
  void aGarbledPartFileIsQuarantinedAndItsCellsRecomputed(SparkSession spark, @TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    run(spark, out, new ArrayList<>());
    Set<String> clean = testRisks(out);
    Path part = parts(out).get(0);
    // The middle of the test_mse column's pages: a column every table reads.
    ParquetDamage.garble(part, "test_mse");
    List<String> log = new ArrayList<>();
    SweepDriver.Outcome outcome = run(spark, out, log);
    assertTrue(
        log.stream().anyMatch(l -> l.startsWith("quarantined " + part) && l.contains("checksum")),
        log.toString());
    assertTrue(Files.isRegularFile(out.resolve("quarantine").resolve(part.getFileName())));
    assertTrue(
        log.stream()
            .anyMatch(l -> l.startsWith("resuming: ") && !l.startsWith("resuming: " + PLAN.fits())),
        "the quarantined cells are computed again: " + log);
    assertEquals(PLAN.rows(), outcome.rows());
    assertEquals(clean, testRisks(out), "the recomputed rows are the clean ones, bit for bit");
  }

  /** Each row's coordinates and test risk, the doubles by their bits. */
  private static Set<String> testRisks(Path out) {
    ParquetTable fits = ParquetTable.read(out.resolve("fits"));
    List<String> c = fits.columns();
    Set<String> rows = new HashSet<>();
    for (Object[] r : fits.rows()) {
      rows.add(
          r[c.indexOf("width")]
              + "|"
              + r[c.indexOf("samples")]
              + "|"
              + r[c.indexOf("ridge")]
              + "|"
              + r[c.indexOf("seed")]
              + "|"
              + Double.doubleToLongBits((Double) r[c.indexOf("test_mse")]));
    }
    assertEquals(PLAN.rows(), rows.size());
    return rows;
  }
}
