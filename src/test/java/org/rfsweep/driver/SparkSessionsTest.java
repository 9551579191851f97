package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every rfsweep session is given. */
class SparkSessionsTest {
  @Test
  void theUnauthenticatedWebUiIsOffUnlessAskedFor() {
    assertEquals("false", SparkSessions.settings(false).get("spark.ui.enabled"));
    assertEquals("true", SparkSessions.settings(true).get("spark.ui.enabled"));
  }

  @Test
  void parquetPagesCarryChecksumsThatReadsVerify() {
    assertEquals(
        "true",
        SparkSessions.settings(false).get("spark.hadoop.parquet.page.write-checksum.enabled"));
    assertEquals(
        "true",
        SparkSessions.settings(false).get("spark.hadoop.parquet.page.verify-checksum.enabled"));
  }

  /**
   * Executors a cluster manager starts do not inherit the driver's environment; the kernel choice
   * is handed on so they round as the driver's tasks do (YARN's chose other kernels before).
   */
  @Test
  void executorsGetTheDriversOpenBlasKernelChoice() {
    for (String variable : SparkSessions.KERNEL_CHOICE) {
      assertEquals(
          System.getenv(variable),
          SparkSessions.settings(false).get("spark.executorEnv." + variable),
          variable);
    }
  }

  private static final Map<String, String> STANDALONE =
      Map.of("spark.master", "spark://127.0.0.1:7077");

  /**
   * Before, a properties file's or --conf's spark.master was overwritten by local[*]: {@code run
   * --properties-file cluster-configs/standalone.properties} ran on embedded Spark (its manifest
   * said local[*]).
   */
  @Test
  void thePropertiesFilesMasterIsKept() {
    assertEquals("spark://127.0.0.1:7077", SparkSessions.master(null, STANDALONE));
  }

  @Test
  void theMasterOptionWinsOverTheSettings() {
    assertEquals("local[2]", SparkSessions.master("local[2]", STANDALONE));
  }

  @Test
  void withoutEitherTheRunIsEmbedded() {
    // Tests run without spark-submit: no spark.master system property is set.
    assertEquals(SparkSessions.DEFAULT_MASTER, SparkSessions.master(null, Map.of()));
  }
}
