package org.rfsweep.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rfsweep.io.ParquetTable;

/** A fits table's results by (cell key, ridge), for comparing two runs bit for bit. */
public final class FitsResults {
  private static final List<String> RESULTS =
      List.of("train_mse", "test_mse", "loo_test_mse", "gcv_test_mse", "status");

  private FitsResults() {}

  /**
   * Each (cell key, ridge)'s results as text at full precision (Java prints the shortest decimal
   * that reads back to the same double, so equal text is equal bits); fails on a pair seen twice.
   */
  public static Map<String, String> byCell(ParquetTable fits) {
    List<String> c = fits.columns();
    Map<String, String> out = new TreeMap<>();
    for (Object[] row : fits.rows()) {
      String key = row[c.indexOf("cell_key")] + "|" + row[c.indexOf("ridge")];
      StringBuilder values = new StringBuilder();
      for (String column : RESULTS) {
        values.append(row[c.indexOf(column)]).append(' ');
      }
      assertEquals(null, out.put(key, values.toString()), "a (cell, ridge) twice: " + key);
    }
    return out;
  }
}
