package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.SharedSpark;
import org.rfsweep.testing.Specs;

/**
 * A small local sweep's units on the driver's own threads, without Spark: every row the Spark path
 * writes, bit for bit, in part files Spark reads as its own, with the same folder guarantees (whole
 * bins only in the table, a killed run's staging discarded, a resume by either engine).
 */
@Tag("spark")
@ExtendWith(SharedSpark.class)
class DriverThreadsSparkTest {
  private static final JobSpec SPEC = SpecLoader.parse(Specs.small(), "small.yaml");
  private static final GridPlan PLAN = GridPlan.of(SPEC);

  /** A session that must not be started: the threads' run needs none for a small clean folder. */
  private static final Supplier<SparkSession> NO_SESSION =
      () -> {
        throw new AssertionError("a Spark session was started");
      };

  /**
   * Task axes (two task points sharing their draws, packed by seed), ReLU features and width inf
   * (exact kernel ridge regression) besides the small linear spec.
   */
  private static final JobSpec AXES_RELU_KERNEL =
      SpecLoader.parse(
          Specs.smallWith("widths", "widths: [8, 24, inf]")
              .replace("alpha: 1.5", "alpha: [1.3, 1.8]")
              .replace("features: linear", "features: relu"),
          "axes.yaml");

  static Stream<JobSpec> specs() {
    return Stream.of(SPEC, AXES_RELU_KERNEL);
  }

  private static SweepDriver.Outcome onThreads(
      Supplier<SparkSession> spark, Path out, int chunkUnits, List<String> log) {
    return onThreads(SPEC, spark, out, chunkUnits, log);
  }

  private static SweepDriver.Outcome onThreads(
      JobSpec spec, Supplier<SparkSession> spark, Path out, int chunkUnits, List<String> log) {
    return SweepDriver.run(
        FitEngine.driverThreads(spark, "local[2]", 2, 1),
        SweepDriver.preflight(spec, options(out, chunkUnits), 1, ExecutorBudget.thisJvm()),
        options(out, chunkUnits),
        log::add);
  }

  private static SweepDriver.Options options(Path out, int chunkUnits) {
    return new SweepDriver.Options(out, 0, false, chunkUnits, false);
  }

  /** Every column of every row but the timings, by (cell key, ridge), as text at full precision. */
  private static Map<String, List<String>> rows(Path out) {
    ParquetTable fits = ParquetTable.read(out.resolve("fits"));
    List<String> columns = fits.columns();
    int key = columns.indexOf("cell_key");
    int ridge = columns.indexOf("ridge");
    Map<String, List<String>> byCell = new TreeMap<>();
    for (Object[] row : fits.rows()) {
      List<String> values = new ArrayList<>();
      for (int c = 0; c < row.length; c++) {
        if (!columns.get(c).endsWith("_seconds")) {
          values.add(columns.get(c) + "=" + row[c]);
        }
      }
      assertEquals(null, byCell.put(row[key] + "|" + row[ridge], values), "a row twice");
    }
    return byCell;
  }

  /** A small table's rows as sorted text, its label columns included. */
  private static List<String> sorted(Path table) {
    return ParquetTable.read(table).rows().stream()
        .map(java.util.Arrays::toString)
        .sorted()
        .toList();
  }

  private static List<Path> entries(Path folder, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  private static MessageType schemaOf(Path part) throws IOException {
    try (ParquetFileReader file =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(part.toUri()), new Configuration(false)))) {
      return file.getFooter().getFileMetaData().getSchema();
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void theThreadsWriteTheSparkPathsRowsBitForBitInPartsSparkReadsAsItsOwn(
      JobSpec spec, SparkSession spark, @TempDir Path dir) throws IOException {
    GridPlan plan = GridPlan.of(spec);
    Path bySpark = dir.resolve("spark");
    Path byThreads = dir.resolve("threads");
    SweepDriver.run(spark, spec, options(bySpark, 0), line -> {});
    List<String> log = new ArrayList<>();
    SweepDriver.Outcome outcome = onThreads(spec, NO_SESSION, byThreads, 0, log);

    assertEquals(plan.rows(), outcome.rows());
    assertEquals(plan.fits(), outcome.fitsOk());
    Map<String, List<String>> expected = rows(bySpark);
    assertEquals(plan.rows(), expected.size());
    assertEquals(expected, rows(byThreads), "every column but the timings, bit for bit");
    // The same Parquet columns: names, types, logical types and repetition.
    Path sparkPart = entries(bySpark.resolve("fits"), "part-").get(0);
    Path threadPart = entries(byThreads.resolve("fits"), "part-").get(0);
    assertEquals(schemaOf(sparkPart).getFields(), schemaOf(threadPart).getFields());
    // Spark reads, checks and lists the threads' table as it does its own.
    FitsIntegrity.verify(spark, byThreads, line -> {});
    assertEquals(
        new HashSet<>(FitsFolder.doneKeys(spark, bySpark)),
        new HashSet<>(FitsFolder.doneKeys(spark, byThreads)));
    assertEquals(List.of(), entries(byThreads.resolve("fits"), ChunkStaging.PREFIX));

    JsonNode manifest = Manifest.read(byThreads);
    assertEquals("complete", manifest.path("status").asText());
    assertEquals("driver threads", manifest.path("spark").path("engine").asText());
    assertTrue(manifest.path("spark").path("app_id").isMissingNode(), manifest.toString());
    assertEquals("spark", Manifest.read(bySpark).path("spark").path("engine").asText());
    JsonNode progress =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(byThreads.resolve("progress.json").toFile());
    assertEquals(plan.fits(), progress.path("cells_done").asLong());
    assertTrue(log.stream().anyMatch(l -> l.startsWith("progress: ")), log.toString());
    // The tables built from either folder are the same.
    for (String table : List.of("curves", "optimal", "exponents", "claims")) {
      assertEquals(
          sorted(dir.resolve("spark").resolve(table)), sorted(byThreads.resolve(table)), table);
    }
  }

  @Test
  void aKilledThreadsRunIsFinishedByEitherEngineWithTheSameRows(
      SparkSession spark, @TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    onThreads(NO_SESSION, out, 1, new ArrayList<>()); // a chunk per unit: a part per unit
    Map<String, List<String>> whole = rows(out);
    Path fits = out.resolve("fits");
    List<Path> parts = entries(fits, "part-");
    assertTrue(parts.size() >= PLAN.units().size(), parts.toString());

    // What a kill leaves: some bins never moved in, one half-written in the run's staging folder.
    Path staging = Files.createDirectories(fits.resolve(ChunkStaging.PREFIX + "threads-dead"));
    Files.move(parts.get(0), staging.resolve(parts.get(0).getFileName()));
    Files.delete(parts.get(1));
    Files.deleteIfExists(fits.resolve("." + parts.get(0).getFileName() + ".crc"));
    Files.deleteIfExists(fits.resolve("." + parts.get(1).getFileName() + ".crc"));
    List<String> log = new ArrayList<>();
    SweepDriver.Outcome resumed = onThreads(NO_SESSION, out, 0, log);
    assertTrue(
        log.stream().anyMatch(l -> l.contains("discarded the uncommitted output")), log.toString());
    assertTrue(log.stream().anyMatch(l -> l.startsWith("resuming: ")), log.toString());
    assertEquals(PLAN.rows(), resumed.rows());
    assertEquals(whole, rows(out), "every row back once, the same bits");
    assertFalse(Files.exists(staging));

    // A threads folder finished by Spark's tasks, and the other way round.
    Files.delete(entries(fits, "part-").get(0));
    SweepDriver.run(spark, SPEC, options(out, 0), line -> {});
    assertEquals(whole, rows(out));
    Files.delete(entries(fits, "part-").get(0));
    onThreads(NO_SESSION, out, 0, new ArrayList<>());
    assertEquals(whole, rows(out));
  }

  @Test
  void aBinThatCannotWriteFailsTheRunAndTheManifestSaysSo(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    // A table location no one can create a folder in, not even root.
    SweepDriver.Options options =
        new SweepDriver.Options(out, 0, false, 0, false, List.of(), "/proc/rfsweep-test/fits");
    RuntimeException failure =
        assertThrows(
            RuntimeException.class,
            () ->
                SweepDriver.run(
                    FitEngine.driverThreads(NO_SESSION, "local[2]", 2, 1),
                    SweepDriver.preflight(SPEC, options, 1, ExecutorBudget.thisJvm()),
                    options,
                    line -> {}));
    assertTrue(
        String.valueOf(failure.getMessage()).contains("/proc/rfsweep-test/fits"),
        failure.toString());
    JsonNode manifest = Manifest.read(out);
    assertEquals("failed", manifest.path("status").asText(), manifest.toString());
    assertEquals(
        failure.getMessage(), manifest.path("error").asText(), "the manifest names the cause");
  }

  @Test
  void autoRunsOnThreadsWithALocalMasterAndNoUi() {
    assertEquals(OptionalInt.of(1), FitEngine.localCores("local"));
    assertEquals(OptionalInt.of(3), FitEngine.localCores("local[3]"));
    assertEquals(OptionalInt.of(4), FitEngine.localCores("local[4, 2]"));
    assertEquals(
        OptionalInt.of(Runtime.getRuntime().availableProcessors()),
        FitEngine.localCores("local[*]"));
    assertEquals(OptionalInt.empty(), FitEngine.localCores("spark://127.0.0.1:7077"));
    assertEquals(OptionalInt.empty(), FitEngine.localCores("yarn"));

    FitEngine.Choice auto = FitEngine.Choice.AUTO;
    FitEngine.Choice threads = FitEngine.Choice.THREADS;
    // Auto: any local master's sweep on threads, whatever its size; Spark for a cluster or --ui.
    assertTrue(FitEngine.onThreads(auto, "local[2]", false));
    assertTrue(FitEngine.onThreads(auto, "local[*]", false));
    assertFalse(FitEngine.onThreads(auto, "local[2]", true), "--ui");
    assertFalse(FitEngine.onThreads(auto, "spark://h:7077", false));
    assertFalse(FitEngine.onThreads(auto, "local-cluster[2, 1, 1024]", false));
    assertFalse(FitEngine.onThreads(FitEngine.Choice.SPARK, "local[2]", false));
    assertTrue(FitEngine.onThreads(threads, "local[2]", false));
    SpecException cluster =
        assertThrows(SpecException.class, () -> FitEngine.onThreads(threads, "yarn", false));
    assertTrue(cluster.getMessage().startsWith("--engine threads: runs on this machine only"));
    SpecException ui =
        assertThrows(SpecException.class, () -> FitEngine.onThreads(threads, "local[2]", true));
    assertTrue(ui.getMessage().contains("--ui would show none of them"), ui.getMessage());
  }
}
