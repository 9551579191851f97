package org.rfsweep.grid;

import java.util.List;
import java.util.TreeMap;

/**
 * Which part of a seed's samples x features matrix a set of cells touches: strip k covers samples
 * {@code start(k) .. end(k)-1} (between consecutive distinct sample counts) and the first {@code
 * columns(k)} features, the widest width of any cell with at least {@code end(k)} samples. The
 * widths at small n and the samples at small N of the paper's Fig. 1 then cost two thin strips
 * instead of the full square. Kernel cells (width inf) have no features and take no part.
 */
public final class Staircase {
  private final int[] ends;
  private final int[] columns;

  public Staircase(List<Cell> cells) {
    TreeMap<Integer, Integer> widestAt = new TreeMap<>();
    for (Cell cell : cells) {
      if (cell.isKernel()) {
        continue; // no features: its kernel matrix is built from the inputs
      }
      widestAt.merge(cell.samples(), cell.width(), Math::max);
    }
    ends = new int[widestAt.size()];
    columns = new int[widestAt.size()];
    int k = ends.length - 1;
    int widest = 0;
    for (var entry : widestAt.descendingMap().entrySet()) {
      widest = Math.max(widest, entry.getValue());
      ends[k] = entry.getKey();
      columns[k] = widest;
      k--;
    }
  }

  public int strips() {
    return ends.length;
  }

  public int start(int strip) {
    return strip == 0 ? 0 : ends[strip - 1];
  }

  public int end(int strip) {
    return ends[strip];
  }

  public int columns(int strip) {
    return columns[strip];
  }

  public int rows(int strip) {
    return end(strip) - start(strip);
  }

  /** The largest sample count: rows of the whole staircase. */
  public int maxSamples() {
    return ends.length == 0 ? 0 : ends[ends.length - 1];
  }

  /** Entries in all strips together. */
  public long entries() {
    long total = 0;
    for (int k = 0; k < ends.length; k++) {
      total += (long) rows(k) * columns[k];
    }
    return total;
  }
}
