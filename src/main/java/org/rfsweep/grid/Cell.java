package org.rfsweep.grid;

import java.io.Serializable;

/** One (width N, samples n) point of the grid; fitted at every ridge for every seed. */
public record Cell(int width, int samples) implements Serializable, Comparable<Cell> {
  public Cell {
    if (width < 1 || samples < 1) {
      throw new IllegalArgumentException(
          "a cell needs width and samples >= 1, found (" + width + ", " + samples + ")");
    }
  }

  @Override
  public int compareTo(Cell other) {
    int byWidth = Integer.compare(width, other.width);
    return byWidth != 0 ? byWidth : Integer.compare(samples, other.samples);
  }
}
