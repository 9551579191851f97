package org.rfsweep.spec;

import java.util.List;

/**
 * A task drawn from a real dataset, pool-as-population (THEORY.md section 4): a seeded pool of {@code pool} points
 * is taken from the dataset and standardised (mean input subtracted, one global standard deviation divided out);
 * training and test points are drawn uniformly from the pool, so a sweep is exactly described by the pool's
 * kernel eigenstructure.
 *
 * @param images      IDX file of the inputs (gzipped or not), one item per point
 * @param labels      IDX file of the integer class labels, same count
 * @param target      {@code onehot} (one output per class) or {@code binary} (+1 for the positive classes, -1 else)
 * @param positive    the positive classes of a binary target (empty for onehot)
 * @param pool        points in the pool, at most the dataset's size
 * @param testSamples fresh test points drawn from the pool per seed
 */
public record DatasetTaskSpec(String images, String labels, String target, List<Integer> positive, int pool,
    int testSamples) implements TaskSpec {
  public static final String ONEHOT = "onehot";
  public static final String BINARY = "binary";

  public DatasetTaskSpec {
    positive = List.copyOf(positive);
  }

  @Override
  public String type() {
    return "dataset";
  }
}
