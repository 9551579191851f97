package org.rfsweep.data;

import org.rfsweep.grid.NormalDraws;
import org.rfsweep.spec.PowerLawTaskSpec;

/**
 * The synthetic power-law Gaussian task: lambda_i = i^-alpha, v_i = i^(-beta/2) for i = 1..M,
 * inputs z = Lambda^{1/2} x with x ~ N(0, I_M), labels y = v . x + sqrt(noise) * eps.
 */
public final class PowerLawSource implements GaussianLinearTask {
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
    int modes = sqrtEigenvalues.length;
    double noiseStd = Math.sqrt(noiseVariance);
    // Item j's generator yields its M input normals, then its noise normal: shared by the task
    // points of a Spark task when they draw the same (draws), drawn here otherwise.
    double[] shared =
        draws == null ? null : draws.block(jobSeed, seedIndex, stream, from, count, modes + 1);
    double[] own = shared == null ? new double[modes + 1] : null;
    for (int j = 0; j < count; j++) {
      double[] normals = shared;
      int at = j * (modes + 1);
      if (shared == null) {
        NormalDraws.fill(jobSeed, seedIndex, stream, from + j, modes + 1, own, 0);
        normals = own;
        at = 0;
      }
      int column = j * modes;
      double signal = 0;
      for (int i = 0; i < modes; i++) {
        double x = normals[at + i];
        inputs[column + i] = sqrtEigenvalues[i] * x;
        signal += target[i] * x;
      }
      labels[from + j] = signal + noiseStd * normals[at + modes];
    }
  }
}
