package org.rfsweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a measured spectrum: a CSV file with a header naming {@code eigenvalue} and {@code
 * target_power} columns, or a Parquet table (folder) with those columns, as {@code rfsweep
 * spectrum} writes it.
 */
public final class SpectrumFiles {
  public static final String EIGENVALUE = "eigenvalue";
  public static final String TARGET_POWER = "target_power";

  private SpectrumFiles() {}

  /**
   * @return {eigenvalues, targetPower}
   */
  public static double[][] read(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(path + ": no such spectrum file or table");
    }
    List<String> columns;
    List<Object[]> rows;
    if (Files.isDirectory(path)) {
      ParquetTable table = ParquetTable.read(path);
      columns = table.columns();
      rows = table.rows();
    } else {
      columns = new ArrayList<>();
      rows = new ArrayList<>();
      readCsv(path, columns, rows);
    }
    int e = columns.indexOf(EIGENVALUE);
    int p = columns.indexOf(TARGET_POWER);
    if (e < 0 || p < 0) {
      throw new IllegalArgumentException(
          path
              + ": needs columns '"
              + EIGENVALUE
              + "' and '"
              + TARGET_POWER
              + "', found "
              + columns);
    }
    double[] eigenvalues = new double[rows.size()];
    double[] power = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      eigenvalues[i] = number(rows.get(i)[e], path, i, EIGENVALUE);
      power[i] = number(rows.get(i)[p], path, i, TARGET_POWER);
    }
    return new double[][] {eigenvalues, power};
  }

  private static void readCsv(Path path, List<String> columns, List<Object[]> rows) {
    try {
      List<String> lines = Files.readAllLines(path);
      if (lines.isEmpty()) {
        throw new IllegalArgumentException(path + ": empty file");
      }
      for (String name : lines.get(0).split(",")) {
        columns.add(name.trim());
      }
      for (int i = 1; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          rows.add(lines.get(i).split(","));
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(path + ": cannot read: " + ex.getMessage(), ex);
    }
  }

  private static double number(Object value, Path path, int row, String column) {
    try {
      return value instanceof Number n
          ? n.doubleValue()
          : Double.parseDouble(String.valueOf(value).trim());
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(
          path + ": row " + (row + 1) + ", column " + column + ": not a number: '" + value + "'");
    }
  }
}
