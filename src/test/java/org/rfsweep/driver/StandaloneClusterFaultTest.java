package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.ChildJvm;
import org.rfsweep.testing.LoopbackCluster;
import org.rfsweep.testing.SharedSpark;

/**
 * A real Spark standalone cluster on 127.0.0.1 (a master and two workers started from the project's
 * own class path, no Spark distribution): one worker is killed while the sweep runs. The sweep
 * completes, every row exists once, and the values equal a local run's bit for bit. Every process
 * the test started is stopped, pass or fail.
 */
@Tag("spark")
@Tag("fault")
class StandaloneClusterFaultTest {
  private static final String SPEC =
      """
      name: cluster
      seed: 5
      task: {type: powerlaw, alpha: 1.5, beta: 1.3, noise: 0.2, modes: 1200}
      features: linear
      grid:
        widths: [64, 256, 768]
        samples: [64, 256, 768]
        ridges: [0, 0.1, 10]
        seeds: 16
      """;

  @Test
  void killingAWorkerLosesNothing(@TempDir Path dir) throws Exception {
    String classPath = ChildJvm.classPath();
    Path sparkHome = LoopbackCluster.sparkHome(dir, classPath);
    List<Process> started = new ArrayList<>();
    int port = LoopbackCluster.freePort();
    String master = "spark://127.0.0.1:" + port;
    try {
      started.add(LoopbackCluster.startMaster(dir, sparkHome, classPath, port));
      for (int w = 0; w < 2; w++) {
        started.add(
            LoopbackCluster.startWorker(dir, sparkHome, classPath, "worker" + w, master, 1, "2g"));
      }
      String directories =
          String.join(
              File.pathSeparator,
              java.util.Arrays.stream(classPath.split(File.pathSeparator))
                  .filter(entry -> new File(entry).isDirectory())
                  .toList());
      SparkSession spark =
          SharedSpark.restart(
              master,
              Map.of(
                  "spark.executor.extraClassPath", directories,
                  "spark.executor.memory", "1g",
                  "spark.executor.cores", "1",
                  "spark.executorEnv.SPARK_LOCAL_IP", "127.0.0.1",
                  "spark.executorEnv.OPENBLAS_NUM_THREADS", "1",
                  "spark.executor.extraJavaOptions", String.join(" ", ChildJvm.sparkFlags()),
                  "spark.task.maxFailures", "8"));
      JobSpec spec = SpecLoader.parse(SPEC, "cluster.yaml");
      Path out = dir.resolve("cluster-out");
      Process victim = started.get(2);
      java.util.concurrent.atomic.AtomicLong killedAt =
          new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
      Thread killer = new Thread(() -> killWhenStarted(out, victim, killedAt));
      // Tasks that ended other than in success: the killed worker's, which Spark must run again.
      java.util.concurrent.atomic.AtomicInteger lost =
          new java.util.concurrent.atomic.AtomicInteger();
      org.apache.spark.scheduler.SparkListener counter =
          new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
              if (!(end.reason() instanceof org.apache.spark.Success$)) {
                lost.incrementAndGet();
              }
            }
          };
      spark.sparkContext().addSparkListener(counter);
      killer.start();
      SweepDriver.run(spark, spec, new SweepDriver.Options(out, 0, false), line -> {});
      spark.sparkContext().listenerBus().waitUntilEmpty();
      spark.sparkContext().removeSparkListener(counter);
      long finished = System.nanoTime();
      killer.join();
      assertTrue(
          !victim.isAlive() && killedAt.get() < finished,
          "the worker was not killed while the sweep ran");
      assertTrue(lost.get() >= 1, "no task was lost with the worker, so nothing was retried");

      Set<String> onCluster = rows(spark, out);
      SparkSession local = SharedSpark.restart(SharedSpark.MASTER);
      Path reference = dir.resolve("local-out");
      SweepDriver.run(local, spec, new SweepDriver.Options(reference, 0, false), line -> {});
      GridPlan plan = GridPlan.of(spec);
      assertEquals(
          plan.rows(),
          local.read().parquet(out.resolve("fits").toString()).count(),
          "each row once");
      assertEquals(rows(local, reference), onCluster);
    } finally {
      for (Process process : started) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
      }
      SharedSpark.restart(SharedSpark.MASTER);
    }
  }

  /** Kills the worker once the sweep has finished its first unit (progress.json says so). */
  private static void killWhenStarted(
      Path out, Process worker, java.util.concurrent.atomic.AtomicLong killedAt) {
    ObjectMapper json = new ObjectMapper();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      try {
        Path progress = out.resolve("progress.json");
        if (Files.exists(progress)
            && json.readTree(progress.toFile()).path("cells_done").asInt() >= 1) {
          killedAt.set(System.nanoTime());
          worker.descendants().forEach(ProcessHandle::destroyForcibly);
          worker.destroyForcibly();
          return;
        }
        Thread.sleep(20);
      } catch (IOException e) {
        // progress.json is being replaced: read it again
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static Set<String> rows(SparkSession spark, Path out) {
    Set<String> rows = new HashSet<>();
    for (Row r :
        spark
            .read()
            .parquet(out.resolve("fits").toString())
            .select("cell_key", "ridge", "train_mse", "test_mse")
            .collectAsList()) {
      rows.add(
          r.getString(0)
              + "|"
              + Double.doubleToLongBits(r.getDouble(1))
              + "|"
              + Double.doubleToLongBits(r.getDouble(2))
              + "|"
              + Double.doubleToLongBits(r.getDouble(3)));
    }
    return rows;
  }
}
