package org.rfsweep.driver;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session for a run: embedded {@code local[*]} by default, any master URL
 * otherwise.
 */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * @param master Spark master URL, or null for the one spark-submit configured (else {@value
   *     #DEFAULT_MASTER})
   */
  public static SparkSession create(String appName, String master) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            // Work units are few and large: Spark's default of 200 shuffle partitions would only
            // add overhead.
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.ui.showConsoleProgress", "false");
    if (master != null) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder.master(DEFAULT_MASTER);
    }
    return builder.getOrCreate();
  }
}
