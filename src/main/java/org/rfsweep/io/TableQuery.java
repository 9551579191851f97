package org.rfsweep.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code show} prints of a table: some columns, the rows that meet every condition, in an
 * order. Conditions are {@code column OP value} with OP one of {@code = != < <= > >=}; a value
 * compares as a number with numeric cells and as text otherwise, and {@code null} matches missing
 * cells.
 *
 * @param columns columns to print, in this order; empty for all
 * @param where conditions every printed row meets
 * @param sort columns to sort by, each optionally prefixed by {@code -} for descending
 */
public record TableQuery(List<String> columns, List<String> where, List<String> sort) {
  private static final Pattern CONDITION =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|<=|>=|=|<|>)\\s*(.*?)\\s*");

  public TableQuery {
    columns = List.copyOf(columns);
    where = List.copyOf(where);
    sort = List.copyOf(sort);
  }

  /** The selected columns and rows. */
  public record Result(List<String> columns, List<Object[]> rows) {}

  /**
   * @throws IllegalArgumentException naming the option, the bad value and the table's columns
   */
  public Result apply(List<String> tableColumns, List<Object[]> rows) {
    List<Object[]> kept = new ArrayList<>();
    List<java.util.function.Predicate<Object[]>> tests = new ArrayList<>();
    for (String condition : where) {
      tests.add(predicate(condition, tableColumns));
    }
    for (Object[] row : rows) {
      if (tests.stream().allMatch(t -> t.test(row))) {
        kept.add(row);
      }
    }
    Comparator<Object[]> order = null;
    for (String key : sort) {
      boolean descending = key.startsWith("-");
      int c = index(descending ? key.substring(1) : key, tableColumns, "--sort");
      Comparator<Object[]> by = Comparator.comparing(r -> r[c], TableQuery::compare);
      by = descending ? by.reversed() : by;
      order = order == null ? by : order.thenComparing(by);
    }
    if (order != null) {
      kept.sort(order);
    }
    if (columns.isEmpty()) {
      return new Result(tableColumns, kept);
    }
    int[] picked = columns.stream().mapToInt(c -> index(c, tableColumns, "--columns")).toArray();
    List<Object[]> projected = new ArrayList<>(kept.size());
    for (Object[] row : kept) {
      Object[] out = new Object[picked.length];
      for (int i = 0; i < picked.length; i++) {
        out[i] = row[picked[i]];
      }
      projected.add(out);
    }
    return new Result(columns, projected);
  }

  private static java.util.function.Predicate<Object[]> predicate(
      String condition, List<String> tableColumns) {
    Matcher m = CONDITION.matcher(condition);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--where '" + condition + "': expected column OP value, OP one of = != < <= > >=");
    }
    int c = index(m.group(1), tableColumns, "--where");
    String op = m.group(2);
    String text = m.group(3);
    return row -> {
      Object cell = row[c];
      if (text.equals("null")) {
        return op.equals("=") ? cell == null : op.equals("!=") && cell != null;
      }
      if (cell == null) {
        return op.equals("!=");
      }
      int cmp;
      if (cell instanceof Number number) {
        double value = value(text, condition);
        cmp = Double.compare(number.doubleValue(), value);
      } else {
        cmp = cell.toString().compareTo(text);
      }
      return switch (op) {
        case "=" -> cmp == 0;
        case "!=" -> cmp != 0;
        case "<" -> cmp < 0;
        case "<=" -> cmp <= 0;
        case ">" -> cmp > 0;
        default -> cmp >= 0;
      };
    };
  }

  private static double value(String text, String condition) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    if (t.equals("inf") || t.equals("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--where '" + condition + "': the column is numeric, found '" + text + "'");
    }
  }

  private static int index(String column, List<String> tableColumns, String option) {
    int i = tableColumns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(
          option + ": no column '" + column + "'; the table has " + tableColumns);
    }
    return i;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1; // missing first
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return ((Comparable) a).compareTo(b);
  }
}
