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
  private final DatasetPool pool;

  public DatasetSource(DatasetPool pool) {
    this.pool = pool;
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
    }
  }
}
