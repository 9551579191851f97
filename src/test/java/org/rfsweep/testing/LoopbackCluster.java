package org.rfsweep.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone master and workers on 127.0.0.1, started as child JVMs from the project's own
 * class path (no Spark distribution): what the cluster tests run against.
 */
public final class LoopbackCluster {
  private LoopbackCluster() {}

  /**
   * A folder that looks enough like a Spark distribution for workers to launch executors: jars/ and
   * nothing else.
   */
  public static Path sparkHome(Path dir, String classPath) throws IOException {
    Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
    for (String entry : classPath.split(File.pathSeparator)) {
      Path file = Path.of(entry);
      if (entry.endsWith(".jar")
          && Files.isRegularFile(file)
          && !Files.exists(jars.resolve(file.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(file.getFileName()), file.toAbsolutePath());
      }
    }
    return dir.resolve("spark-home");
  }

  public static Process launch(
      Path dir, Path sparkHome, String classPath, String name, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx512m", "-cp", classPath));
    command.addAll(ChildJvm.sparkFlags());
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public static void waitForPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the master did not open port " + port);
  }

  /** Starts a master on {@code port} and waits until it listens. */
  public static Process startMaster(Path dir, Path sparkHome, String classPath, int port)
      throws IOException, InterruptedException {
    Process master =
        launch(
            dir,
            sparkHome,
            classPath,
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--webui-port",
            String.valueOf(freePort()));
    waitForPort(port);
    return master;
  }

  /** Starts a worker named {@code name} with its own work folder under {@code dir}. */
  public static Process startWorker(
      Path dir,
      Path sparkHome,
      String classPath,
      String name,
      String master,
      int cores,
      String memory)
      throws IOException {
    Path work = Files.createDirectories(dir.resolve(name + "-work"));
    return launch(
        dir,
        sparkHome,
        classPath,
        name,
        "org.apache.spark.deploy.worker.Worker",
        master,
        "--host",
        "127.0.0.1",
        "--cores",
        String.valueOf(cores),
        "--memory",
        memory,
        "--work-dir",
        work.toString(),
        "--webui-port",
        String.valueOf(freePort()));
  }
}
