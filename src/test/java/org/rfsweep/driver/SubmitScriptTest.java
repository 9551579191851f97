package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.io.TableFolder;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.testing.ChildJvm;
import org.rfsweep.testing.FitsResults;
import org.rfsweep.testing.LoopbackCluster;
import org.rfsweep.testing.MiniHadoop;

/**
 * {@code cluster-configs/submit} as an operator runs it, against YARN (below) and, here, {@code
 * submit standalone SPEC}, against a real standalone master on 127.0.0.1 (one worker of two cores,
 * as standalone.properties sizes its executors): the script validates the spec, builds the thin
 * jar, ships the libraries and the bundled OpenBLAS with --jars and submits through SparkSubmit;
 * the sweep completes on the worker's executor. It runs on a copy of the repository (the script
 * builds with Maven, which must not rewrite this build's classes under the running tests); only the
 * master's port and the event-log folder in the copy's standalone.properties differ from the file
 * users get.
 */
@Tag("fault")
class SubmitScriptTest {
  /** One clone for both tests: the script builds in it, once fully, then incrementally. */
  @TempDir static Path shared;

  private static Path copy;

  @BeforeAll
  static void cloneTheRepository() throws Exception {
    copy = shared.resolve("repo");
    run(
        shared,
        List.of(
            "git",
            "clone",
            "-q",
            "--no-hardlinks",
            Path.of("").toAbsolutePath().toString(),
            copy.toString()),
        120);
  }

  private static final String SPEC =
      """
      name: submitted
      seed: 11
      task: {type: powerlaw, alpha: 1.5, beta: 1.3, noise: 0.2, modes: 400}
      features: relu
      grid: {widths: [32, 128], samples: [32, 128], ridges: [0, 0.1], seeds: 3}
      """;

  @Test
  void submitRunsTheSweepOnAStandaloneMaster(@TempDir Path dir) throws Exception {
    int port = LoopbackCluster.freePort();
    String master = "spark://127.0.0.1:" + port;
    Path config = copy.resolve("cluster-configs/standalone.properties");
    // The master's port, and an event-log folder that does not exist yet (the script creates it).
    Path events = dir.resolve("spark-events");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("spark://127.0.0.1:7077", master)
            .replace("file:///tmp/spark-events", "file://" + events));
    Path spec = Files.writeString(dir.resolve("submitted.yaml"), SPEC);
    Path out = dir.resolve("out");

    String classPath = ChildJvm.classPath();
    Path sparkHome = LoopbackCluster.sparkHome(dir, classPath);
    List<Process> started = new ArrayList<>();
    try {
      started.add(LoopbackCluster.startMaster(dir, sparkHome, classPath, port));
      started.add(
          LoopbackCluster.startWorker(dir, sparkHome, classPath, "worker", master, 2, "8g"));

      String log =
          run(
              copy,
              List.of(
                  "cluster-configs/submit", "standalone", spec.toString(), "--out", out.toString()),
              600);
      assertTrue(log.contains("fits ok 12, failed 0"), log);
      JsonNode manifest = Manifest.read(out);
      assertEquals(master, manifest.path("spark").path("master").asText(), manifest.toString());
      assertEquals(12 * 2, ParquetTable.read(out.resolve("fits")).rows().size());
      assertTrue(Files.isDirectory(events), "the event log's folder, created by the script");
      // The executor ran on the worker, not in the driver.
      try (var apps = Files.list(dir.resolve("worker-work"))) {
        assertTrue(apps.anyMatch(app -> app.getFileName().toString().startsWith("app-")));
      }
    } finally {
      for (Process process : started) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** A dataset of Gaussian inputs with decaying variances and a linear target, as CSV text. */
  private static String dataset() {
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      csv.append("x").append(i).append(',');
    }
    csv.append("y\n");
    for (int p = 0; p < 1200; p++) {
      double y = 0;
      for (int i = 1; i <= 40; i++) {
        double x = Math.pow(i, -0.75) * random.nextGaussian();
        y += Math.pow(i, -0.3) * x;
        csv.append(x).append(',');
      }
      csv.append(y + 0.1 * random.nextGaussian()).append('\n');
    }
    return csv.toString();
  }

  /**
   * {@code cluster-configs/submit yarn} against a YARN cluster in this JVM (MiniYARNCluster, two
   * NodeManagers) with HDFS (MiniDFSCluster): the dataset is read from HDFS, the fits are written
   * to HDFS ({@code --fits}), and one executor's container is killed while the sweep runs. YARN
   * gives Spark a new executor, the lost task runs again, and the rows are complete, each once, and
   * bit for bit those of a local run. Only the sizes, the containers' JAVA_HOME (a real cluster's
   * NodeManagers have one) and the event log's folder differ in the copy's yarn.properties.
   */
  @Test
  void submitRunsTheSweepOnYarnWithItsDataAndFitsOnHdfsThroughALostExecutor(@TempDir Path dir)
      throws Exception {
    try (MiniHadoop hadoop = MiniHadoop.start(dir, 2, 2048, 2)) {
      FileSystem hdfs = hadoop.fileSystem();
      hdfs.mkdirs(new org.apache.hadoop.fs.Path("/spark-events"));
      String data = hadoop.hdfsUri() + "/data/decaying.csv";
      try (var out = hdfs.create(new org.apache.hadoop.fs.Path(data))) {
        out.write(dataset().getBytes(StandardCharsets.UTF_8));
      }
      Path spec =
          Files.writeString(
              dir.resolve("on-yarn.yaml"),
              """
              name: on-yarn
              seed: 4
              task: {type: dataset, source: {format: csv, path: %s, label: y}, target: numeric, pool: 1200, test_samples: 300}
              features: relu
              grid: {widths: [128, 512], samples: [256, 768], ridges: [0, 0.01, 1], seeds: 10}
              """
                  .formatted(data));
      Path config = copy.resolve("cluster-configs/yarn.properties");
      String java = System.getProperty("java.home");
      Files.writeString(
          config,
          Files.readString(config)
                  .replaceAll("(?m)^spark.executor.cores .*$", "spark.executor.cores 1")
                  .replaceAll("(?m)^spark.executor.memory .*$", "spark.executor.memory 640m")
                  .replaceAll(
                      "(?m)^spark.executor.memoryOverhead .*$",
                      "spark.executor.memoryOverhead 384m")
                  .replaceAll("(?m)^spark.driver.memory .*$", "spark.driver.memory 1g")
                  .replaceAll("(?m)^spark.executor.instances .*$", "spark.executor.instances 2")
              + "spark.yarn.am.memory 384m\n"
              + "spark.executorEnv.JAVA_HOME "
              + java
              + "\nspark.yarn.appMasterEnv.JAVA_HOME "
              + java
              + "\n");
      Path out = dir.resolve("out");
      String fits = hadoop.hdfsUri() + "/sweeps/on-yarn/fits";
      Path log = dir.resolve("submit.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "cluster-configs/submit",
                  "yarn",
                  spec.toString(),
                  "--out",
                  out.toString(),
                  "--fits",
                  fits,
                  "--chunk-units",
                  "2")
              .directory(copy.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      builder
          .environment()
          .put("RFSWEEP_CDS", "off"); // the class archive would take 30 s to record
      builder
          .environment()
          .put("RFSWEEP_CDS", "off"); // the class archive would take 30 s to record
      builder.environment().put("HADOOP_CONF_DIR", hadoop.confDir().toString());
      builder.environment().remove("SPARK_HOME");
      Process submit = builder.start();
      try {
        // Once the first unit is in, kill an executor: its container dies with the task it ran.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(400);
        while (!Files.readString(log).contains("rfsweep: progress: ")) {
          assertTrue(
              submit.isAlive(), "submit ended before any progress:\n" + Files.readString(log));
          assertTrue(System.nanoTime() < deadline, "no progress:\n" + Files.readString(log));
          Thread.sleep(200);
        }
        ProcessHandle executor =
            ProcessHandle.allProcesses()
                .filter(
                    p ->
                        p.info()
                            .commandLine()
                            .orElse("")
                            .contains("org.apache.spark.executor.YarnCoarseGrainedExecutorBackend"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no executor process found"));
        assertTrue(executor.destroyForcibly(), "the executor was killed");
        assertTrue(submit.waitFor(300, TimeUnit.SECONDS), "submit did not end");
      } finally {
        submit.descendants().forEach(ProcessHandle::destroyForcibly);
        submit.destroyForcibly();
      }
      String output = Files.readString(log);
      assertEquals(0, submit.exitValue(), output);
      assertTrue(output.contains("fits ok 40, failed 0"), output);
      assertTrue(output.contains("a Spark task failed"), "the killed executor's task:\n" + output);
      assertEquals(Optional.of(fits), FitsLocation.recorded(out));
      assertFalse(Files.exists(out.resolve("fits")), "no rows on the driver's disk");

      // The same sweep on local Spark, reading the dataset from HDFS too.
      Path local = dir.resolve("local");
      List<String> command =
          new ArrayList<>(List.of(ChildJvm.java(), "-Xmx2g", "-cp", ChildJvm.classPath()));
      command.addAll(ChildJvm.sparkFlags());
      command.addAll(
          List.of(
              "org.rfsweep.cli.Main",
              "run",
              spec.toString(),
              "--out",
              local.toString(),
              "--master",
              "local[2]"));
      run(dir, command, 300);
      Map<String, String> onYarn = FitsResults.byCell(ParquetTable.read(TableFolder.of(fits)));
      assertEquals(40 * 3, onYarn.size());
      // Bit for bit: the executors choose OpenBLAS's kernels as the driver does (see
      // SparkSessions).
      assertEquals(FitsResults.byCell(ParquetTable.read(local.resolve("fits"))), onYarn);
    }
  }

  /**
   * Runs a command in {@code dir}; returns its output, failing with it when the exit code is not 0.
   */
  private static String run(Path dir, List<String> command, int seconds) throws Exception {
    Path log = Files.createTempFile("submit", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove("SPARK_HOME");
    Process process = builder.start();
    boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertTrue(ended, String.join(" ", command) + " did not end in " + seconds + " s:\n" + output);
    assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
    return output;
  }
}
