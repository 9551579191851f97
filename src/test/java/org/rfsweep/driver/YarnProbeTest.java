package org.rfsweep.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rfsweep.testing.ChildJvm;
import org.rfsweep.testing.LoopbackCluster;
import org.rfsweep.testing.MiniHadoop;

@Tag("probe")
class YarnProbeTest {
  @Test
  void probe() throws Exception {
    Path dir = Files.createDirectories(Path.of("/tmp/yarnprobe"));
    String classPath = ChildJvm.classPath();
    Path home = LoopbackCluster.sparkHome(dir, classPath);
    try (MiniHadoop hadoop = MiniHadoop.start(dir, 2, 2048, 2)) {
      Path spec =
          Files.writeString(
              dir.resolve("s.yaml"),
              """
          name: probe
          seed: 11
          task: {type: powerlaw, alpha: 1.5, beta: 1.3, noise: 0.2, modes: 400}
          features: relu
          grid: {widths: [32, 128], samples: [32, 128], ridges: [0, 0.1], seeds: 3}
          """);
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  ChildJvm.java(), "-Xmx1g", "-cp", classPath + ":" + dir.resolve("hadoop-conf")));
      cmd.addAll(ChildJvm.sparkFlags());
      cmd.add("-Dlog4j2.configurationFile=/tmp/probe-log4j2.properties");
      String java = System.getProperty("java.home");
      String flags = String.join(" ", ChildJvm.sparkFlags());
      cmd.addAll(
          List.of(
              "org.rfsweep.cli.Main",
              "run",
              spec.toString(),
              "--master",
              "yarn",
              "--out",
              dir.resolve("out").toString(),
              "--conf",
              "spark.yarn.jars=local:" + home + "/jars/*",
              "--conf",
              "spark.jars=" + Path.of("target/rfsweep.jar").toAbsolutePath(),
              "--conf",
              "spark.executor.instances=2",
              "--conf",
              "spark.executor.cores=1",
              "--conf",
              "spark.executor.memory=512m",
              "--conf",
              "spark.yarn.am.memory=512m",
              "--conf",
              "spark.executorEnv.JAVA_HOME=" + java,
              "--conf",
              "spark.yarn.appMasterEnv.JAVA_HOME=" + java,
              "--conf",
              "spark.executor.extraJavaOptions=" + flags,
              "--conf",
              "spark.yarn.am.extraJavaOptions=" + flags,
              "--conf",
              "spark.serializer=org.apache.spark.serializer.JavaSerializer"));
      ProcessBuilder b =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("driver.log").toFile());
      b.environment().put("HADOOP_CONF_DIR", hadoop.confDir().toString());
      b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      b.environment().put("JAVA_HOME", java);
      long t = System.nanoTime();
      Process p = b.start();
      boolean ended = p.waitFor(120, TimeUnit.SECONDS);
      System.out.println(
          "PROBE ended="
              + ended
              + " rc="
              + (ended ? p.exitValue() : -1)
              + " in "
              + (System.nanoTime() - t) / 1e9);
      if (!ended) p.destroyForcibly();
    }
  }
}
