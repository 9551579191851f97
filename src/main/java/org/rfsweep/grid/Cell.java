package org.rfsweep.grid;

import java.io.Serializable;
import org.rfsweep.spec.Sweep;

/**
 * One (width N, samples n) point of the grid; fitted at every ridge for every seed. Width {@link
 * #INFINITE} is the kernel limit: exact kernel ridge regression with the feature map's kernel.
 */
public record Cell(int width, int samples) implements Serializable, Comparable<Cell> {
  /**
   * The width of a kernel cell (N = inf). The largest int, so kernel cells sort after every finite
   * width; never a number of features: code that sizes arrays by width skips kernel cells.
   */
  public static final int INFINITE = Sweep.INFINITE_WIDTH;

  public Cell {
    if (width < 1 || samples < 1) {
      throw new IllegalArgumentException(
          "a cell needs width and samples >= 1, found (" + width + ", " + samples + ")");
    }
  }

  /** Whether this is a kernel cell (width = inf). */
  public boolean isKernel() {
    return width == INFINITE;
  }

  /** The width as the tables store it: the number of features, or +Infinity for a kernel cell. */
  public double widthValue() {
    return widthValue(width);
  }

  /** A width as the tables hold it, back as a grid width: {@link #INFINITE} for +Infinity. */
  public static int gridWidth(double width) {
    return Double.isInfinite(width) ? INFINITE : (int) width;
  }

  /** A grid width as a double: +Infinity for {@link #INFINITE}. */
  public static double widthValue(int width) {
    return width == INFINITE ? Double.POSITIVE_INFINITY : width;
  }

  @Override
  public String toString() {
    return "(" + Sweep.widthText(widthValue()) + ", " + samples + ")";
  }

  @Override
  public int compareTo(Cell other) {
    int byWidth = Integer.compare(width, other.width);
    return byWidth != 0 ? byWidth : Integer.compare(samples, other.samples);
  }
}
