package org.rfsweep.spec;

import java.io.Serializable;

/**
 * A validated job: what to fit ({@code task}, {@code features}) over which grid, from which master
 * seed.
 *
 * @param name job name, recorded in every result row
 * @param seed master seed; every random stream derives from it, the seed index and the stream's
 *     name
 * @param task where inputs and labels come from
 * @param features the random feature map
 * @param grid widths, sample counts, ridges and the number of seeds
 * @param fit what each fit computes besides train and test risk
 */
public record JobSpec(
    String name, long seed, TaskSpec task, FeatureSpec features, GridSpec grid, FitSpec fit)
    implements Serializable {
  public JobSpec {
    if (name == null || name.isBlank()) {
      throw new SpecException("name: must not be empty");
    }
    if (task == null || features == null || grid == null || fit == null) {
      throw new SpecException("job " + name + ": task, features, grid and fit are all required");
    }
  }

  /** A job with the default fit options. */
  public JobSpec(String name, long seed, TaskSpec task, FeatureSpec features, GridSpec grid) {
    this(name, seed, task, features, grid, FitSpec.DEFAULT);
  }
}
