package org.rfsweep.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.rfsweep.spec.SpecException;
import scala.Tuple2;

/**
 * Task slots and the memory each slot has: what the largest work unit must fit in. From this JVM
 * when tasks run in it (local mode), else from the executors' Spark settings.
 *
 * @param source how the figure was found, for messages
 * @param inThisJvm whether the tasks run in the driver's JVM (local mode), or in executors that
 *     start their own
 */
public record ExecutorBudget(int slots, long bytesPerTask, String source, boolean inThisJvm) {
  private static final Pattern LOCAL_CLUSTER =
      Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");

  /**
   * JVM and Spark overhead per executor, not available to tasks: 1 GiB, or half of a small
   * executor's memory.
   */
  static final long EXECUTOR_OVERHEAD_BYTES = 1L << 30;

  /** Local mode in this JVM: its heap over its cores. */
  public static ExecutorBudget thisJvm() {
    return thisJvm(Runtime.getRuntime().availableProcessors());
  }

  /** Local mode in this JVM with {@code slots} task slots (local[N] over spark.task.cpus). */
  static ExecutorBudget thisJvm(int slots) {
    long heap = Runtime.getRuntime().maxMemory();
    return new ExecutorBudget(
        slots,
        heap / slots,
        "this JVM's heap " + bytes(heap) + " over " + slots + " local task slots",
        true);
  }

  /**
   * The budget of the run this JVM is about to start: spark-submit's settings (spark.* system
   * properties) with {@code master} if given, before any session exists.
   */
  public static ExecutorBudget forRun(String master, Map<String, String> userSettings) {
    String resolved = SparkSessions.master(master, userSettings);
    OptionalInt cores = FitEngine.localCores(resolved);
    if (cores.isPresent()) {
      // Without reading Spark's settings (loading SparkConf alone takes 0.2 s): local[N] over the
      // task's cores, as the run's engine counts its slots.
      int taskCpus = Integer.parseInt(userSettings.getOrDefault("spark.task.cpus", "1").trim());
      return thisJvm(Math.max(1, cores.getAsInt() / Math.max(1, taskCpus)));
    }
    Map<String, String> settings = settings(new SparkConf(true));
    settings.putAll(userSettings);
    if (master != null) {
      settings.put("spark.master", master);
    }
    return of(settings, "the run's Spark settings");
  }

  /** From a session's (or spark-submit's) settings. */
  public static ExecutorBudget of(SparkConf conf, String source) {
    return of(settings(conf), source);
  }

  private static Map<String, String> settings(SparkConf conf) {
    Map<String, String> settings = new HashMap<>();
    for (Tuple2<String, String> entry : conf.getAll()) {
      settings.put(entry._1(), entry._2());
    }
    return settings;
  }

  /** From a cluster-configs/*.properties file. */
  public static ExecutorBudget of(Path config) {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(config)) {
      properties.load(in);
    } catch (IOException e) {
      throw new SpecException("--config " + config + ": cannot read (" + e.getMessage() + ")");
    }
    Map<String, String> settings = new HashMap<>();
    properties
        .stringPropertyNames()
        .forEach(k -> settings.put(k, properties.getProperty(k).trim()));
    return of(settings, config.toString());
  }

  static ExecutorBudget of(Map<String, String> settings, String source) {
    int cores = Runtime.getRuntime().availableProcessors();
    String master = settings.getOrDefault("spark.master", "local[*]");
    int taskCpus = integer(settings, "spark.task.cpus", 1, source);
    Matcher cluster = LOCAL_CLUSTER.matcher(master);
    if (cluster.matches()) { // local-cluster[workers, cores per worker, MiB per worker]
      long memory = Long.parseLong(cluster.group(3)) << 20;
      return executors(
          Integer.parseInt(cluster.group(1)),
          Integer.parseInt(cluster.group(2)),
          memory,
          taskCpus,
          source);
    }
    if (master.startsWith("local")) {
      long memory = memory(settings, "spark.driver.memory", source);
      int slots = Math.max(1, cores / taskCpus);
      return new ExecutorBudget(
          slots,
          (memory - EXECUTOR_OVERHEAD_BYTES) / slots,
          source + ": driver memory " + bytes(memory) + " less 1 GiB over " + slots + " slots",
          true);
    }
    return executors(
        integer(settings, "spark.executor.instances", 1, source),
        integer(settings, "spark.executor.cores", 1, source),
        memory(settings, "spark.executor.memory", source),
        taskCpus,
        source);
  }

  private static ExecutorBudget executors(
      int instances, int executorCores, long memory, int taskCpus, String source) {
    int slotsPerExecutor = Math.max(1, executorCores / taskCpus);
    long overhead = Math.min(EXECUTOR_OVERHEAD_BYTES, memory / 2);
    return new ExecutorBudget(
        slotsPerExecutor * instances,
        (memory - overhead) / slotsPerExecutor,
        source
            + ": executor memory "
            + bytes(memory)
            + " less "
            + bytes(overhead)
            + " over "
            + slotsPerExecutor
            + " slots, "
            + instances
            + " executors",
        false);
  }

  private static int integer(
      Map<String, String> settings, String key, int fallback, String source) {
    String text = settings.get(key);
    try {
      return text == null ? fallback : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new SpecException(source + ": " + key + " must be an integer, found '" + text + "'");
    }
  }

  private static long memory(Map<String, String> settings, String key, String source) {
    String text = settings.getOrDefault(key, "1g");
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit =
        t.endsWith("g") ? 1L << 30 : t.endsWith("m") ? 1L << 20 : t.endsWith("k") ? 1L << 10 : 1;
    try {
      return (long) (Double.parseDouble(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit);
    } catch (NumberFormatException e) {
      throw new SpecException(
          source + ": " + key + " must be a size like 6g, found '" + text + "'");
    }
  }

  public static String bytes(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.0f MiB", Math.max(1, bytes / (double) (1L << 20)));
  }
}
