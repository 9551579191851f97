package org.rfsweep.data;

import java.util.SplittableRandom;
import org.rfsweep.grid.RandomStreams;

/**
 * Training and test points drawn uniformly, with replacement, from a dataset's pool: the pool is
 * the population, so the theory with the pool's measured spectrum describes the sweep exactly.
 * Sample i of a stream is the pool point its own derived generator picks, so samples nest like
 * those of the synthetic task.
 */
public final class DatasetSource implements TaskSource {
  /** The stream of the label noise's standard normals, indexed by training sample. */
  static final String LABEL_NOISE = "label_noise";

  private final DatasetPool pool;
  private final double noiseStd;
  private final double noiseVariance;

  public DatasetSource(DatasetPool pool) {
    this(pool, 0);
  }

  /**
   * @param labelNoise relative label noise sigma_rel^2: training labels get Gaussian noise of total
   *     variance sigma_rel^2 times the pool targets' mean power (summed over outputs, shared
   *     equally between them)
   */
  public DatasetSource(DatasetPool pool, double labelNoise) {
    this.pool = pool;
    this.noiseVariance = labelNoise * meanPower(pool);
    this.noiseStd = Math.sqrt(noiseVariance / pool.outputs());
  }

  /** The targets' mean squared norm over the pool, summed over outputs. */
  public static double meanPower(DatasetPool pool) {
    double sum = 0;
    for (double t : pool.targets()) {
      sum += t * t;
    }
    return sum / pool.size();
  }

  /** The label noise's total variance, which the test risk includes without drawing it. */
  @Override
  public double testNoise() {
    return noiseVariance;
  }

  @Override
  public int inputDimension() {
    return pool.dimension();
  }

  @Override
  public int outputs() {
    return pool.outputs();
  }

  /** The pool is standardised to mean squared norm equal to the dimension. */
  @Override
  public double meanSquaredNorm() {
    return pool.dimension();
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
    int dimension = pool.dimension();
    int size = pool.size();
    for (int j = 0; j < count; j++) {
      SplittableRandom random = RandomStreams.generator(jobSeed, seedIndex, stream, from + j);
      int point = random.nextInt(size);
      System.arraycopy(pool.inputs(), point * dimension, inputs, j * dimension, dimension);
      for (int o = 0; o < pool.outputs(); o++) {
        labels[o * labelRows + from + j] = pool.targets()[o * size + point];
      }
      if (noiseStd > 0 && stream.equals(RandomStreams.TRAIN)) {
        // Its own stream: the same standard normals at every noise level, so noise levels pair.
        SplittableRandom noise = RandomStreams.generator(jobSeed, seedIndex, LABEL_NOISE, from + j);
        for (int o = 0; o < pool.outputs(); o++) {
          labels[o * labelRows + from + j] += noiseStd * noise.nextGaussian();
        }
      }
    }
  }
}
