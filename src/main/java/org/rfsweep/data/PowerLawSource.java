package org.rfsweep.data;

import org.rfsweep.grid.NormalDraws;
import org.rfsweep.spec.PowerLawTaskSpec;

/**
 * The synthetic power-law Gaussian task: lambda_i = i^-alpha, v_i = i^(-beta/2) for i = 1..M,
 * inputs z = Lambda^{1/2} x with x ~ N(0, I_M), labels y = v . x + sqrt(noise) * eps.
 */
public final class PowerLawSource implements GaussianLinearTask {
  /**
   * Samples shaped side by side: each label still sums its terms in mode order (the bits of one
   * sample at a time), but four chains of additions overlap instead of each waiting on its own
   * previous sum, which is what one sample at a time is bound by.
   */
  private static final int SAMPLES_TOGETHER = 4;

  private final double[] sqrtEigenvalues;
  private final double[] target;
  private final double noiseVariance;
  private final double traceLambda;

  /** Shared draws of a Spark task's task points, or null. */
  private final NormalDraws draws;

  public PowerLawSource(PowerLawTaskSpec spec) {
    this(spec, null);
  }

  /**
   * @param draws standard normals shared with the other task points of a Spark task (points that
   *     differ in alpha, beta or noise draw the same x and noise), or null to draw here
   */
  public PowerLawSource(PowerLawTaskSpec spec, NormalDraws draws) {
    this.draws = draws;
    int modes = spec.modes();
    sqrtEigenvalues = new double[modes];
    target = new double[modes];
    double trace = 0;
    for (int i = 0; i < modes; i++) {
      double index = i + 1.0;
      sqrtEigenvalues[i] = Math.pow(index, -spec.alpha() / 2);
      target[i] = Math.pow(index, -spec.beta() / 2);
      trace += sqrtEigenvalues[i] * sqrtEigenvalues[i];
    }
    traceLambda = trace;
    noiseVariance = spec.noise();
  }

  @Override
  public int inputDimension() {
    return sqrtEigenvalues.length;
  }

  @Override
  public int outputs() {
    return 1;
  }

  @Override
  public double meanSquaredNorm() {
    return traceLambda;
  }

  @Override
  public double[] sqrtEigenvalues() {
    return sqrtEigenvalues.clone();
  }

  @Override
  public double[] targetCoefficients() {
    return target.clone();
  }

  @Override
  public double noiseVariance() {
    return noiseVariance;
  }

  @Override
  public void draw(
      String stream,
      long jobSeed,
      int seedIndex,
      int from,
      int count,
      double[] inputs,
      double[] labels,
      int labelRows) {
    int stride = sqrtEigenvalues.length + 1;
    // Item j's generator yields its M input normals, then its noise normal: shared by the task
    // points of a Spark task when they draw the same (draws), drawn here otherwise.
    double[] shared =
        draws == null ? null : draws.block(jobSeed, seedIndex, stream, from, count, stride);
    double[] own = shared == null ? new double[SAMPLES_TOGETHER * stride] : null;
    for (int first = 0; first < count; first += SAMPLES_TOGETHER) {
      int together = Math.min(SAMPLES_TOGETHER, count - first);
      double[] normals = shared;
      int at = first * stride;
      if (shared == null) {
        for (int j = 0; j < together; j++) {
          NormalDraws.fill(jobSeed, seedIndex, stream, from + first + j, stride, own, j * stride);
        }
        normals = own;
        at = 0;
      }
      if (together == SAMPLES_TOGETHER) {
        shapeFour(normals, at, stride, inputs, first, labels, from + first);
      } else {
        for (int j = 0; j < together; j++) {
          shapeOne(normals, at + j * stride, inputs, first + j, labels, from + first + j);
        }
      }
    }
  }

  /**
   * Sample {@code row} of the block from its normals at {@code normals[at ..]}: inputs z =
   * Lambda^{1/2} x into column {@code row} of {@code inputs}, the label into {@code labels[label]}.
   */
  private void shapeOne(
      double[] normals, int at, double[] inputs, int row, double[] labels, int label) {
    int modes = sqrtEigenvalues.length;
    int column = row * modes;
    double signal = 0;
    for (int i = 0; i < modes; i++) {
      double x = normals[at + i];
      inputs[column + i] = sqrtEigenvalues[i] * x;
      signal += target[i] * x;
    }
    labels[label] = signal + Math.sqrt(noiseVariance) * normals[at + modes];
  }

  /**
   * {@link #shapeOne} for samples {@code row .. row + 3}, whose normals are {@code stride} apart.
   */
  private void shapeFour(
      double[] normals, int at, int stride, double[] inputs, int row, double[] labels, int label) {
    int modes = sqrtEigenvalues.length;
    int c0 = row * modes;
    int c1 = c0 + modes;
    int c2 = c1 + modes;
    int c3 = c2 + modes;
    int a0 = at;
    int a1 = a0 + stride;
    int a2 = a1 + stride;
    int a3 = a2 + stride;
    double signal0 = 0;
    double signal1 = 0;
    double signal2 = 0;
    double signal3 = 0;
    for (int i = 0; i < modes; i++) {
      double scale = sqrtEigenvalues[i];
      double v = target[i];
      double x0 = normals[a0 + i];
      double x1 = normals[a1 + i];
      double x2 = normals[a2 + i];
      double x3 = normals[a3 + i];
      inputs[c0 + i] = scale * x0;
      inputs[c1 + i] = scale * x1;
      inputs[c2 + i] = scale * x2;
      inputs[c3 + i] = scale * x3;
      signal0 += v * x0;
      signal1 += v * x1;
      signal2 += v * x2;
      signal3 += v * x3;
    }
    double noiseStd = Math.sqrt(noiseVariance);
    labels[label] = signal0 + noiseStd * normals[a0 + modes];
    labels[label + 1] = signal1 + noiseStd * normals[a1 + modes];
    labels[label + 2] = signal2 + noiseStd * normals[a2 + modes];
    labels[label + 3] = signal3 + noiseStd * normals[a3 + modes];
  }
}
