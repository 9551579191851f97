package org.rfsweep.task;

import dev.ludovic.netlib.blas.BLAS;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;

/**
 * Turns samples of a stream into activated raw features g_j(x) for the first {@code columns} features of a bank,
 * a block of samples at a time so the inputs never need to be held whole.
 */
final class Projector {
  /** Samples drawn and projected per block: big enough for dgemm's efficiency, small enough to stay cheap. */
  static final int BLOCK_ROWS = 256;

  private final BLAS blas;
  private final TaskSource source;
  private final FeatureMap map;
  private final double[] bank;
  private final long jobSeed;
  private final int seedIndex;
  private final double[] inputs;

  /**
   * @param bank the feature bank, column-major {@code inputDimension x bankWidth}, feature j in column j
   */
  Projector(BLAS blas, TaskSource source, FeatureMap map, double[] bank, long jobSeed, int seedIndex) {
    this.blas = blas;
    this.source = source;
    this.map = map;
    this.bank = bank;
    this.jobSeed = jobSeed;
    this.seedIndex = seedIndex;
    this.inputs = new double[source.inputDimension() * BLOCK_ROWS];
  }

  /**
   * Draws samples {@code from .. to-1} of {@code stream} and writes g_j(x_i) for j < columns into
   * {@code out[offset + (i - from) + j * ld]}, and their labels into rows {@code from .. to-1} of {@code labels}.
   */
  void project(String stream, int from, int to, int columns, double[] out, int offset, int ld, double[] labels,
      int labelRows) {
    int dimension = source.inputDimension();
    for (int start = from; start < to; start += BLOCK_ROWS) {
      int rows = Math.min(BLOCK_ROWS, to - start);
      source.draw(stream, jobSeed, seedIndex, start, rows, inputs, labels, labelRows);
      int at = offset + (start - from);
      blas.dgemm("T", "N", rows, columns, dimension, 1.0, inputs, 0, dimension, bank, 0, dimension, 0.0, out, at,
          ld);
      for (int j = 0; j < columns; j++) {
        map.activate(j, out, at + j * ld, rows);
      }
    }
  }
}
