package org.rfsweep.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session for a run: embedded {@code local[*]} by default, any master URL
 * otherwise.
 */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /** A session without the web UI. */
  public static SparkSession create(String appName, String master) {
    return create(appName, master, false, Map.of());
  }

  /**
   * @param master Spark master URL, or null for the one spark-submit configured (else {@value
   *     #DEFAULT_MASTER})
   * @param ui start Spark's web UI (unauthenticated, so off unless asked for, by this or by {@code
   *     spark.ui.enabled})
   * @param userSettings Spark settings the user gave (--properties-file, --conf), applied last
   */
  public static SparkSession create(
      String appName, String master, boolean ui, Map<String, String> userSettings) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    settings(ui).forEach(builder::config);
    userSettings.forEach(builder::config); // the user's --conf and properties file win
    String resolved = master(master, userSettings);
    try {
      return builder.master(resolved).getOrCreate();
    } catch (RuntimeException e) {
      // Spark reports an unreachable master as an internal NullPointerException.
      throw new IllegalStateException(
          "cannot start Spark on master " + resolved + " (is it running and reachable?)", e);
    }
  }

  /**
   * The master a session runs on: {@code --master}, else the user's settings' (a properties file,
   * {@code --conf}), else the one spark-submit set, else {@value #DEFAULT_MASTER}.
   */
  public static String master(String master, Map<String, String> userSettings) {
    if (master != null) {
      return master;
    }
    return userSettings.getOrDefault(
        "spark.master", System.getProperty("spark.master", DEFAULT_MASTER));
  }

  /**
   * The settings rfsweep gives every session (a setting spark-submit passed wins where it says so).
   */
  public static Map<String, String> settings(boolean ui) {
    Map<String, String> settings = new LinkedHashMap<>();
    // Work units are few and large: Spark's default of 200 shuffle partitions would only add
    // overhead.
    settings.put("spark.sql.shuffle.partitions", "8");
    settings.put("spark.ui.showConsoleProgress", "false");
    if (ui || System.getProperty("spark.ui.enabled") == null) {
      settings.put("spark.ui.enabled", Boolean.toString(ui));
    }
    // Parquet page checksums, written and verified: a part file damaged on disk or in a copy fails
    // loudly
    // when read instead of yielding garbage numbers (the .crc side files do not travel with every
    // copy).
    settings.put("spark.hadoop.parquet.page.write-checksum.enabled", "true");
    settings.put("spark.hadoop.parquet.page.verify-checksum.enabled", "true");
    // OpenBLAS picks its kernels by these, and kernels of another core type round differently in
    // the last bits. Executors started by a cluster manager do not inherit the driver's environment
    // (YARN's containers chose Cooperlake kernels where this machine pins Haswell, and every row
    // differed from the local run's), so the driver hands its own on.
    for (String variable : KERNEL_CHOICE) {
      String value = System.getenv(variable);
      String key = "spark.executorEnv." + variable;
      if (value != null && System.getProperty(key) == null) {
        settings.put(key, value);
      }
    }
    return settings;
  }

  /** The environment variables by which OpenBLAS chooses its kernels and their blocking. */
  static final List<String> KERNEL_CHOICE = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");
}
