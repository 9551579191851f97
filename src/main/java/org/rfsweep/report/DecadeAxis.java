package org.rfsweep.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis whose ticks are readable numbers: the decades (10, 100, 1000) when the range spans
 * several, else 1-2-5 steps within them; labels written out ({@code 0.01}, {@code 2000}) between
 * 1e-3 and 1e5, as {@code 1e-5} beyond.
 */
final class DecadeAxis extends LogAxis {
  private static final long serialVersionUID = 1L;

  DecadeAxis(String label) {
    super(label);
  }

  /** The tick values for a range: decades, or 1-2-5 steps when it spans fewer than two. */
  static List<Double> ticks(double lo, double hi) {
    List<Double> out = new ArrayList<>();
    if (!(lo > 0) || !(hi > lo)) {
      return out;
    }
    boolean fine = Math.log10(hi / lo) < 2;
    int first = (int) Math.floor(Math.log10(lo));
    int last = (int) Math.ceil(Math.log10(hi));
    for (int decade = first; decade <= last; decade++) {
      for (int mantissa : fine ? new int[] {1, 2, 5} : new int[] {1}) {
        double value = mantissa * Math.pow(10, decade);
        if (value >= lo * (1 - 1e-12) && value <= hi * (1 + 1e-12)) {
          out.add(value);
        }
      }
    }
    return out;
  }

  /** A tick's label: plain between 1e-3 and 1e5, else 1e-5 style. */
  static String label(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "" : value > 0 ? "\u221e" : "-\u221e";
    }
    double exponent = Math.floor(Math.log10(value) + 1e-9);
    if (exponent >= -3 && exponent < 5) {
      return new BigDecimal(String.format("%.6g", value)).stripTrailingZeros().toPlainString();
    }
    double mantissa = value / Math.pow(10, exponent);
    String digits =
        new BigDecimal(String.format("%.3g", mantissa)).stripTrailingZeros().toPlainString();
    return digits + "e" + (long) exponent;
  }

  /** No tick above this: the part of the axis beyond it shows a limit, not values. */
  private double lastTick = Double.POSITIVE_INFINITY;

  void setLastTick(double value) {
    this.lastTick = value;
  }

  double lastTick() {
    return lastTick;
  }

  @Override
  public List<ValueTick> refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    List<ValueTick> out = new ArrayList<>();
    boolean vertical = RectangleEdge.isLeftOrRight(edge);
    for (double value : ticks(getLowerBound(), getUpperBound())) {
      if (value > lastTick) {
        continue;
      }
      out.add(
          new NumberTick(
              value,
              label(value),
              vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER,
              TextAnchor.CENTER,
              0.0));
    }
    return out;
  }
}
