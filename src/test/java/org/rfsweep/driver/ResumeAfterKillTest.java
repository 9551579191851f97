package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.io.Manifest;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.ChildJvm;
import org.rfsweep.testing.SharedSpark;

/**
 * Kill -9 the driver of a real `rfsweep run` process after its first chunk is committed (its fits
 * run as Spark tasks, or on the driver's own threads), run the same command again: it takes over
 * the dead run's lock, computes only what is missing, and ends with exactly the rows of an
 * uninterrupted run, bit for bit, each once.
 */
@Tag("spark")
@Tag("fault")
@ExtendWith(SharedSpark.class)
class ResumeAfterKillTest {
  private static final String SPEC =
      """
      name: resume
      seed: 11
      task: {type: powerlaw, alpha: 1.5, beta: 1.3, noise: 0.2, modes: 1500}
      features: linear
      grid:
        widths: [64, 128, 256, 512, 1024]
        samples: [64, 256, 1024]
        ridges: [0, 0.1, 10]
        seeds: 30
      """;

  @ParameterizedTest
  @ValueSource(strings = {"spark", "threads"})
  void aKilledRunResumesToTheSameTablesAsAnUninterruptedOne(
      String engine, SparkSession spark, @TempDir Path dir) throws Exception {
    Path specFile = Files.writeString(dir.resolve("resume.yaml"), SPEC);
    Path out = dir.resolve("killed");
    Process driver = startDriver(specFile, out, engine);
    try {
      Path fits = out.resolve("fits");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (parts(fits) == 0 && driver.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(driver.isAlive(), "the run finished before it could be killed");
      driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } finally {
      driver.destroyForcibly();
    }
    JobSpec spec = SpecLoader.parse(SPEC, "resume.yaml");
    GridPlan plan = GridPlan.of(spec);
    long partial = spark.read().parquet(out.resolve("fits").toString()).count();
    assertTrue(
        partial > 0 && partial < plan.rows(),
        "killed after " + partial + " of " + plan.rows() + " rows");
    assertEquals("running", Manifest.read(out).path("status").asText());
    assertTrue(Files.exists(out.resolve(OutputLock.FILE)), "the killed run left its lock");

    List<String> log = new ArrayList<>();
    SweepDriver.run(spark, spec, new SweepDriver.Options(out, 0, false), log::add);
    assertTrue(log.stream().anyMatch(l -> l.startsWith("resuming: ")), log.toString());
    assertEquals("complete", Manifest.read(out).path("status").asText());
    assertTrue(Manifest.read(out).path("units_run").asInt() < plan.units().size());

    Path clean = dir.resolve("clean");
    SweepDriver.run(spark, spec, new SweepDriver.Options(clean, 0, false), line -> {});
    Set<String> resumed = rows(spark, out);
    Set<String> uninterrupted = rows(spark, clean);
    assertEquals(plan.rows(), resumed.size(), "every (cell, seed, ridge) exactly once");
    assertEquals(
        plan.rows(), spark.read().parquet(out.resolve("fits").toString()).count(), "no duplicates");
    assertEquals(uninterrupted, resumed);
  }

  @Test
  void aTerminatedRunSaysSoInItsManifestAndIsNotInTheHistory(@TempDir Path dir) throws Exception {
    Path specFile = Files.writeString(dir.resolve("resume.yaml"), SPEC);
    Path out = dir.resolve("terminated");
    Process driver = startDriver(specFile, out, "auto");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (parts(out.resolve("fits")) == 0 && driver.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(driver.isAlive(), "the run finished before it could be stopped");
      driver.destroy(); // SIGTERM, as a scheduler or Ctrl-C (SIGINT) stops a run
      assertTrue(driver.waitFor(60, TimeUnit.SECONDS), "the run did not stop");
    } finally {
      driver.destroyForcibly();
    }
    String status = Manifest.read(out).path("status").asText();
    assertTrue(
        status.equals("interrupted") || status.equals("failed"),
        "a stopped run's manifest must not say running, found " + status);
    assertFalse(Files.exists(out.resolve("history.jsonl")), "only completed runs are history");
  }

  private static Process startDriver(Path spec, Path out, String engine) throws Exception {
    List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx3g"));
    command.addAll(ChildJvm.sparkFlags());
    command.addAll(
        List.of(
            "-cp",
            ChildJvm.classPath(),
            "org.rfsweep.cli.Main",
            "run",
            spec.toString(),
            "--out",
            out.toString(),
            "--master",
            "local[2]",
            "--chunk-units",
            "4",
            "--engine",
            engine));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(new File(out.getParent().toFile(), "driver.log"));
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("OPENBLAS_NUM_THREADS", "1");
    return builder.start();
  }

  private static long parts(Path fits) throws Exception {
    if (!Files.isDirectory(fits)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(fits)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
    }
  }

  private static Set<String> rows(SparkSession spark, Path out) {
    Set<String> rows = new HashSet<>();
    for (Row r :
        spark
            .read()
            .parquet(out.resolve("fits").toString())
            .select("cell_key", "ridge", "train_mse", "test_mse", "loo_test_mse")
            .collectAsList()) {
      rows.add(
          r.getString(0)
              + "|"
              + Double.doubleToLongBits(r.getDouble(1))
              + "|"
              + Double.doubleToLongBits(r.getDouble(2))
              + "|"
              + Double.doubleToLongBits(r.getDouble(3))
              + "|"
              + (r.isNullAt(4) ? "null" : Double.doubleToLongBits(r.getDouble(4))));
    }
    return rows;
  }
}
