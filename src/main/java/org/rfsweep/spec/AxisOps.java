package org.rfsweep.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grid axes as a spec writes them: one value, a list, or {@code {logspace: {from, to, count}}}; a
 * list may mix values and logspace entries ({@code [0, {logspace: ...}]}). Axes come back sorted
 * and without duplicates.
 */
public final class AxisOps {
  /**
   * The most values one axis may hold (a list, a logspace, or both): far beyond any sweep that
   * runs, small enough that a typo cannot make the loader build billions of values.
   */
  public static final int MAX_AXIS_VALUES = 10_000;

  private AxisOps() {}

  /**
   * {@code count} points from {@code from} to {@code to}, equally spaced in log10, both ends
   * included.
   */
  public static double[] logspace(double from, double to, int count) {
    double[] values = new double[count];
    double lo = Math.log10(from);
    double step = count == 1 ? 0 : (Math.log10(to) - lo) / (count - 1);
    for (int i = 0; i < count; i++) {
      values[i] = Math.pow(10, lo + i * step);
    }
    values[0] = from;
    values[count - 1] = count == 1 ? from : to;
    return values;
  }

  /**
   * A width or sample-count axis: positive integers; logspace points are rounded to the nearest
   * integer.
   */
  static List<Integer> integerAxis(YamlNode axis) {
    TreeSet<Integer> values = new TreeSet<>();
    for (YamlNode item : items(axis)) {
      if (item.isMapping()) {
        for (double value : logspace(item)) {
          values.add((int) Math.max(1, Math.round(value)));
        }
      } else if (item.asDoubleOrNaN() == Double.POSITIVE_INFINITY) {
        throw item.error("must be a positive integer, found inf (only a width can be inf)");
      } else {
        values.add(item.positiveInt());
      }
    }
    return List.copyOf(values);
  }

  /**
   * A width axis: positive integers as {@link #integerAxis}, and {@code inf} (or {@code .inf}) for
   * the kernel limit, held as {@link Sweep#INFINITE_WIDTH}.
   */
  static List<Integer> widthAxis(YamlNode axis) {
    TreeSet<Integer> values = new TreeSet<>();
    for (YamlNode item : items(axis)) {
      if (item.isMapping()) {
        values.addAll(integerAxis(item));
      } else if (!item.isSequence() && item.asDoubleOrNaN() == Double.POSITIVE_INFINITY) {
        values.add(Sweep.INFINITE_WIDTH);
      } else {
        double value = item.asDoubleOrNaN();
        if (!(value >= 1) || value != Math.rint(value)) {
          throw item.error(
              "must be a positive integer or inf (the kernel limit), found " + item.text().trim());
        }
        int width = item.positiveInt();
        if (width == Sweep.INFINITE_WIDTH) {
          throw item.error("must be below " + width + ", or inf for the kernel limit");
        }
        values.add(width);
      }
    }
    return List.copyOf(values);
  }

  /** A ridge axis: finite numbers >= 0; 0 is the minimum-norm solution. */
  static List<Double> ridgeAxis(YamlNode axis) {
    TreeSet<Double> values = new TreeSet<>();
    for (YamlNode item : items(axis)) {
      if (item.isMapping()) {
        for (double value : logspace(item)) {
          values.add(value);
        }
      } else {
        double value = item.asDouble();
        if (!Double.isFinite(value) || value < 0) {
          throw item.error(
              "must be a finite number >= 0 (0 = minimum-norm), found " + item.text().trim());
        }
        values.add(value == 0 ? 0.0 : value); // folds -0.0 into 0.0
      }
    }
    return List.copyOf(values);
  }

  /** A task axis of numbers: finite values, sorted and distinct; logspace entries expanded. */
  static List<Double> numberAxis(YamlNode axis) {
    TreeSet<Double> values = new TreeSet<>();
    for (YamlNode item : items(axis)) {
      if (item.isMapping()) {
        for (double value : logspace(item)) {
          values.add(value);
        }
      } else {
        double value = item.finiteDouble();
        values.add(value == 0 ? 0.0 : value);
      }
    }
    return List.copyOf(values);
  }

  private static List<YamlNode> items(YamlNode axis) {
    if (!axis.isSequence()) {
      return List.of(axis);
    }
    List<YamlNode> items = axis.sequence();
    if (items.isEmpty()) {
      throw axis.error("must not be empty");
    }
    if (items.size() > MAX_AXIS_VALUES) {
      throw axis.error("at most " + MAX_AXIS_VALUES + " values on one axis, found " + items.size());
    }
    return new ArrayList<>(items);
  }

  private static double[] logspace(YamlNode item) {
    YamlNode spec = item.required(item.mapping(Set.of("logspace")), "logspace");
    Map<String, YamlNode> fields = spec.mapping(Set.of("from", "to", "count"));
    YamlNode fromNode = spec.required(fields, "from");
    YamlNode toNode = spec.required(fields, "to");
    double from = fromNode.finiteDouble();
    double to = toNode.finiteDouble();
    YamlNode countNode = spec.required(fields, "count");
    int count = countNode.positiveInt();
    if (count > MAX_AXIS_VALUES) {
      throw countNode.error("at most " + MAX_AXIS_VALUES + " values on one axis, found " + count);
    }
    if (from <= 0) {
      throw fromNode.error("must be > 0 for a logspace, found " + fromNode.text().trim());
    }
    if (to < from) {
      throw toNode.error(
          "must be >= from (" + fromNode.text().trim() + "), found " + toNode.text().trim());
    }
    return logspace(from, to, count);
  }
}
