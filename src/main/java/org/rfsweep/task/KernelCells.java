package org.rfsweep.task;

import dev.ludovic.netlib.blas.BLAS;
import org.rfsweep.data.GaussianLinearTask;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.features.Kernels;
import org.rfsweep.grid.ProjectionBlock;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.solver.EigenRidgePath;
import org.rfsweep.solver.PathTimings;
import org.rfsweep.solver.RidgeSolution;

/**
 * One seed's kernel cells (width inf): exact kernel ridge regression with the feature map's
 * limiting kernel, on the same training samples, labels and test points as the seed's finite
 * widths, so the RF to kernel convergence is paired. Samples nest, so the kernel matrix of the
 * largest n serves every n: cell (inf, n) fits its top-left n x n block. Memory: the inputs (d x
 * n), the kernel (n x n) and, for a sampled test risk, the test points' kernel (points x n); the
 * fit adds its eigendecomposition's two n x n matrices.
 */
final class KernelCells {
  private final TaskSource source;
  private final int maxSamples;
  private final double[] inputs; // dimension x maxSamples
  private final double[] kernel; // maxSamples x maxSamples, upper triangle
  private final double[] labels; // maxSamples x outputs
  private final TestRisk testRisk;

  /**
   * Draws the seed's first {@code maxSamples} training samples and builds their kernel matrix and
   * the test risk: exact for the linear kernel on a Gaussian task, else on {@code testPoints} fresh
   * test points.
   */
  KernelCells(
      BLAS blas,
      TaskSource source,
      FeatureMap map,
      long jobSeed,
      int seedIndex,
      int maxSamples,
      int testPoints) {
    this.source = source;
    this.maxSamples = maxSamples;
    int dimension = source.inputDimension();
    int outputs = source.outputs();
    this.inputs = new double[Math.multiplyExact(dimension, maxSamples)];
    this.labels = new double[Math.multiplyExact(maxSamples, outputs)];
    draw(RandomStreams.TRAIN, jobSeed, seedIndex, maxSamples, inputs, labels);
    this.kernel = new double[Math.multiplyExact(maxSamples, maxSamples)];
    Kernels.Kernel k = map.kernel();
    Kernels.symmetric(k, inputs, dimension, maxSamples, kernel, maxSamples);
    if (source instanceof GaussianLinearTask gaussian
        && map.kind() == org.rfsweep.spec.FeatureKind.LINEAR) {
      this.testRisk = new ExactLinearRisk(blas, gaussian, inputs, true);
      return;
    }
    // The test points' kernel, a block of test points at a time so their inputs are never whole.
    double[] squareTrain = Kernels.squaredNorms(inputs, dimension, maxSamples);
    double[] testKernel = new double[Math.multiplyExact(testPoints, maxSamples)];
    double[] testLabels = new double[Math.multiplyExact(testPoints, outputs)];
    int rows = ProjectionBlock.rows(dimension);
    double[] block = new double[Math.multiplyExact(dimension, Math.min(rows, testPoints))];
    for (int from = 0; from < testPoints; from += rows) {
      int count = Math.min(rows, testPoints - from);
      source.draw(
          RandomStreams.TEST, jobSeed, seedIndex, from, count, block, testLabels, testPoints);
      Kernels.cross(
          k,
          block,
          count,
          inputs,
          squareTrain,
          maxSamples,
          dimension,
          testKernel,
          from,
          testPoints);
    }
    this.testRisk = new SampledTestRisk(blas, testKernel, testLabels, testPoints, outputs, true);
  }

  /**
   * Samples {@code 0 .. count-1} of a stream, drawn in the same blocks as the feature cells'
   * projections (so a task's shared draws are found, not drawn again).
   */
  private void draw(
      String stream, long jobSeed, int seedIndex, int count, double[] out, double[] outLabels) {
    int dimension = source.inputDimension();
    int rows = ProjectionBlock.rows(dimension);
    double[] block = new double[Math.multiplyExact(dimension, Math.min(rows, count))];
    for (int from = 0; from < count; from += rows) {
      int n = Math.min(rows, count - from);
      source.draw(stream, jobSeed, seedIndex, from, n, block, outLabels, count);
      System.arraycopy(block, 0, out, from * dimension, n * dimension);
    }
  }

  /** The test risk of a kernel fit (its solution's coefficients are dual). */
  TestRisk testRisk() {
    return testRisk;
  }

  /** Writes the first {@code samples} labels (column-major, leading dimension samples). */
  void labels(int samples, double[] out) {
    for (int o = 0; o < source.outputs(); o++) {
      System.arraycopy(labels, o * maxSamples, out, o * samples, samples);
    }
  }

  /** Fits cell (inf, samples) at every ridge. */
  PathTimings fit(
      EigenRidgePath path, int samples, double[] y, double[] ridges, RidgeSolution out) {
    return path.fitKernel(kernel, maxSamples, samples, y, source.outputs(), ridges, out);
  }
}
