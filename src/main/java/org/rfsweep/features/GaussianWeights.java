package org.rfsweep.features;

import org.rfsweep.grid.NormalDraws;
import org.rfsweep.grid.RandomStreams;

/**
 * Gaussian weight vectors, one derived stream per feature, so feature j is the same in every bank.
 */
final class GaussianWeights {
  private GaussianWeights() {}

  /**
   * @param draws shared draws of a Spark task's task points, or null to draw here
   */
  static void fill(
      long jobSeed,
      int seedIndex,
      int from,
      int count,
      int dimension,
      double std,
      double[] out,
      NormalDraws draws) {
    if (draws != null) {
      double[] normals =
          draws.block(jobSeed, seedIndex, RandomStreams.FEATURES, from, count, dimension);
      System.arraycopy(normals, 0, out, 0, count * dimension);
    } else {
      for (int j = 0; j < count; j++) {
        NormalDraws.fill(
            jobSeed, seedIndex, RandomStreams.FEATURES, from + j, dimension, out, j * dimension);
      }
    }
    if (std != 1.0) {
      for (int k = 0; k < count * dimension; k++) {
        out[k] *= std; // std * x: the same product, the same bits, cached or not
      }
    }
  }
}
