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

  /**
   * Draws samples {@code from .. to-1} of {@code stream} and writes g_j(x_i) for j < columns into
   * {@code out[offset + (i - from) + j * ld]}, and their labels into rows {@code from .. to-1} of
   * {@code labels}.
   */
  /** Samples projected per dgemm. */
  int blockRows() {
    return blockRows;
  }

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
      blas.dgemm(
          "T", "N", rows, columns, dimension, 1.0, inputs, 0, dimension, bank, 0, dimension, 0.0,
          out, at, ld);
      for (int j = 0; j < columns; j++) {
        map.activate(j, out, at + j * ld, rows);
      }
    }
  }
}
