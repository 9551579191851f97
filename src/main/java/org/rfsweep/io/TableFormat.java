package org.rfsweep.io;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a table as aligned text (numbers to 6 significant digits) or as CSV (full precision). */
public final class TableFormat {
  private TableFormat() {}

  public static void csv(List<String> columns, List<Object[]> rows, PrintStream out) {
    out.println(String.join(",", columns));
    StringBuilder line = new StringBuilder();
    for (Object[] row : rows) {
      line.setLength(0);
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          line.append(',');
        }
        line.append(csvCell(row[i]));
      }
      out.println(line);
    }
  }

  public static void aligned(List<String> columns, List<Object[]> rows, PrintStream out) {
    int[] widths = new int[columns.size()];
    String[][] cells = new String[rows.size()][];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).length();
    }
    for (int r = 0; r < rows.size(); r++) {
      cells[r] = new String[widths.length];
      for (int c = 0; c < widths.length; c++) {
        cells[r][c] = text(rows.get(r)[c]);
        widths[c] = Math.max(widths[c], cells[r][c].length());
      }
    }
    out.println(line(columns.toArray(new String[0]), widths));
    for (String[] row : cells) {
      out.println(line(row, widths));
    }
  }

  private static String line(String[] values, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < values.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      line.append(String.format(Locale.ROOT, "%" + widths[c] + "s", values[c]));
    }
    return line.toString();
  }

  private static String text(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d) {
      if (Double.isInfinite(d)) {
        return d > 0 ? "inf" : "-inf";
      }
      if (d == 0) {
        return "0";
      }
      if (Double.isNaN(d)) {
        return "NaN";
      }
      // Six significant digits without trailing zeros: a width 256 (a DOUBLE column, for width inf)
      // reads 256, not 256.000.
      String digits = String.format(Locale.ROOT, "%.6g", d);
      return digits.contains("e")
          ? digits
          : new java.math.BigDecimal(digits).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d && Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    String text = value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
