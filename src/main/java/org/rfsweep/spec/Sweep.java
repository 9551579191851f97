package org.rfsweep.spec;

import java.io.Serializable;
import java.util.List;

/**
 * One product of widths and sample counts; a grid is the union of its sweeps.
 *
 * @param widths distinct positive widths N, ascending; {@link #INFINITE_WIDTH} for N = inf
 * @param samples distinct positive sample counts n, ascending
 */
public record Sweep(List<Integer> widths, List<Integer> samples) implements Serializable {
  /**
   * Width {@code inf} as a grid holds it: the kernel limit, exact kernel ridge regression. The
   * largest int, so it sorts after every finite width.
   */
  public static final int INFINITE_WIDTH = Integer.MAX_VALUE;

  public Sweep {
    widths = List.copyOf(widths);
    samples = List.copyOf(samples);
    Invariants.ascendingPositive("grid.widths", widths);
    Invariants.ascendingPositive("grid.samples", samples);
  }

  /** A width as a spec writes it: the integer, or {@code inf}. */
  public static Object widthForSpec(int width) {
    return width == INFINITE_WIDTH ? "inf" : width;
  }

  /** A width as the tables hold it (+Infinity for the kernel limit) written as in a spec. */
  public static String widthText(double width) {
    return Double.isInfinite(width) ? "inf" : Long.toString((long) width);
  }
}
