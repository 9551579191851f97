package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.testing.ChildJvm;
import org.rfsweep.testing.LoopbackCluster;

/**
 * {@code cluster-configs/submit standalone SPEC} as an operator runs it, against a real standalone
 * master on 127.0.0.1 (one worker of two cores, as standalone.properties sizes its executors): the
 * script validates the spec, builds the thin jar, ships the libraries and the bundled OpenBLAS with
 * --jars and submits through SparkSubmit; the sweep completes on the worker's executor. It runs on
 * a copy of the repository (the script builds with Maven, which must not rewrite this build's
 * classes under the running tests); only the master's port and the event-log folder in the copy's
 * standalone.properties differ from the file users get.
 */
@Tag("fault")
class SubmitScriptTest {
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
    Path root = Path.of("").toAbsolutePath();
    Path copy = dir.resolve("repo");
    run(
        dir,
        List.of("git", "clone", "-q", "--no-hardlinks", root.toString(), copy.toString()),
        120);
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
