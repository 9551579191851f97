package org.rfsweep.data;

import java.util.SplittableRandom;
import org.rfsweep.grid.RandomStreams;
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

  public PowerLawSource(PowerLawTaskSpec spec) {
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
    for (int j = 0; j < count; j++) {
      SplittableRandom random = RandomStreams.generator(jobSeed, seedIndex, stream, from + j);
      int column = j * modes;
      double signal = 0;
      for (int i = 0; i < modes; i++) {
        double x = random.nextGaussian();
        inputs[column + i] = sqrtEigenvalues[i] * x;
        signal += target[i] * x;
      }
      labels[from + j] = signal + noiseStd * random.nextGaussian();
    }
  }
}
