package org.rfsweep.task;

import dev.ludovic.netlib.blas.BLAS;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.grid.ProjectionBlock;
import org.rfsweep.linalg.Workspace;

/**
 * Turns samples of a stream into activated raw features g_j(x) for the first {@code columns}
 * features of a bank, a block of samples at a time so the inputs never need to be held whole.
 */
final class Projector {
  private final BLAS blas;
  private final TaskSource source;
  private final FeatureMap map;
  private final double[] bank;
  private final long jobSeed;
  private final int seedIndex;
  private final double[] inputs;
  private final int blockRows;

  /** A feature's weights beside a zero column, and their product: see {@link #project}. */
  private double[] pairWeights;

  private double[] pairColumns;

  /**
   * @param bank the feature bank, column-major {@code inputDimension x bankWidth}, feature j in
   *     column j
   */
  Projector(
      BLAS blas, TaskSource source, FeatureMap map, double[] bank, long jobSeed, int seedIndex) {
    this(blas, source, map, bank, jobSeed, seedIndex, new Workspace());
  }

  /**
   * @param inputSpace where a block's drawn inputs are kept (its contents are overwritten)
   */
  Projector(
      BLAS blas,
      TaskSource source,
      FeatureMap map,
      double[] bank,
      long jobSeed,
      int seedIndex,
      Workspace inputSpace) {
    this.blas = blas;
    this.source = source;
    this.map = map;
    this.bank = bank;
    this.jobSeed = jobSeed;
    this.seedIndex = seedIndex;
    this.blockRows = ProjectionBlock.rows(source.inputDimension());
    this.inputs = inputSpace.get((long) source.inputDimension() * blockRows);
  }

  /** Samples projected per dgemm. */
  int blockRows() {
    return blockRows;
  }

  /**
   * Draws samples {@code from .. to-1} of {@code stream} and writes g_j(x_i) for j < columns into
   * {@code out[offset + (i - from) + j * ld]}, and their labels into rows {@code from .. to-1} of
   * {@code labels}. Every entry has the same bits whatever {@code from}, {@code to} and {@code
   * columns} are, so a cell's features do not depend on the other cells of its unit: OpenBLAS
   * rounds a product's entries alike in any row and any column (measured on its Haswell kernels,
   * rows 1 to 300 at any offset, columns 2 to 300), except the last column of an odd column count,
   * which a one-column kernel computes with other rounding. That column is computed here as the
   * first of a pair instead.
   */
  void project(
      String stream,
      int from,
      int to,
      int columns,
      double[] out,
      int offset,
      int ld,
      double[] labels,
      int labelRows) {
    int dimension = source.inputDimension();
    for (int start = from; start < to; start += blockRows) {
      int rows = Math.min(blockRows, to - start);
      source.draw(stream, jobSeed, seedIndex, start, rows, inputs, labels, labelRows);
      int at = offset + (start - from);
      int paired = columns & ~1;
      if (paired > 0) {
        blas.dgemm(
            "T", "N", rows, paired, dimension, 1.0, inputs, 0, dimension, bank, 0, dimension, 0.0,
            out, at, ld);
      }
      if (paired < columns) {
        projectLastOfOdd(rows, columns - 1, out, at + paired * ld);
      }
      for (int j = 0; j < columns; j++) {
        map.activate(j, out, at + j * ld, rows);
      }
    }
  }

  /**
   * Feature {@code feature}'s column for the drawn block, as the first column of a two-column
   * product (its neighbour zero), into {@code out[at .. at + rows - 1]}.
   */
  private void projectLastOfOdd(int rows, int feature, double[] out, int at) {
    int dimension = source.inputDimension();
    if (pairWeights == null) {
      pairWeights = new double[2 * dimension];
      pairColumns = new double[2 * blockRows];
    }
    System.arraycopy(bank, feature * dimension, pairWeights, 0, dimension);
    blas.dgemm(
        "T",
        "N",
        rows,
        2,
        dimension,
        1.0,
        inputs,
        0,
        dimension,
        pairWeights,
        0,
        dimension,
        0.0,
        pairColumns,
        0,
        rows);
    System.arraycopy(pairColumns, 0, out, at, rows);
  }
}
