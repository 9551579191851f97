package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
