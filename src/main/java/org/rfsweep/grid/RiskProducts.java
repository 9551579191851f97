package org.rfsweep.grid;

import java.util.List;

/**
 * How the exact test risk's products are cut (task/BankBlocks, task/ExactLinearRisk), here so that
 * the memory plan counts what the fits hold: the bank's columns in blocks, the products' output
 * rows (modes) in chunks, the cells of a unit in groups that share their products. All fixed, none
 * depending on which cells a unit holds, so a cell's bits do not either.
 */
public final class RiskProducts {
  /** Bank columns per block: 64 and 128 ran alike, 256 slower (Fig. 1's width sweep). */
  public static final int BANK_BLOCK = 128;

  /** Modes per chunk of the products' output. */
  public static final int MODE_CHUNK = 2048;

  /**
   * Columns a group of cells shares at most: its output is {@link #MODE_CHUNK} rows of them (64 MiB
   * at 4,096), and its coefficients are held until its last cell is fitted.
   */
  public static final int MAX_COLUMNS = 4096;

  private RiskProducts() {}

  /** A cell's columns: one per ridge and output, an odd count padded with a zero column. */
  public static int stride(int columns) {
    return columns + (columns & 1);
  }

  /** Consecutive cells of a unit that share their products, at most (at least one). */
  public static int cellsPerGroup(int columns) {
    return Math.max(1, MAX_COLUMNS / stride(columns));
  }

  /**
   * The end of the group of cells from {@code from} that share their products: finite-width cells
   * in the unit's order, at most {@link #cellsPerGroup} of them; a kernel cell is a group of one.
   *
   * @param columns each cell's columns (ridges times outputs)
   */
  public static int groupEnd(List<Cell> cells, int from, int columns) {
    if (cells.get(from).isKernel()) {
      return from + 1;
    }
    int end = Math.min(cells.size(), from + cellsPerGroup(columns));
    int to = from + 1;
    while (to < end && !cells.get(to).isKernel()) {
      to++;
    }
    return to;
  }
}
