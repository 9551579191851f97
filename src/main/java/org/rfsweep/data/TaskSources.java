package org.rfsweep.data;

import org.rfsweep.grid.NormalDraws;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.TaskSpec;

/** The task source a spec names. */
public final class TaskSources {
  private TaskSources() {}

  public static TaskSource create(TaskSpec spec, long jobSeed) {
    return create(spec, jobSeed, null);
  }

  /**
   * @param draws standard normals shared with the other task points of a Spark task, or null
   */
  public static TaskSource create(TaskSpec spec, long jobSeed, NormalDraws draws) {
    if (spec instanceof PowerLawTaskSpec powerLaw) {
      return new PowerLawSource(powerLaw, draws);
    }
    DatasetTaskSpec dataset = (DatasetTaskSpec) spec;
    return new DatasetSource(DatasetPool.of(dataset, jobSeed), dataset.labelNoise());
  }

  /** Fresh test points per seed the spec asks for. */
  public static int testSamples(TaskSpec spec) {
    return spec instanceof PowerLawTaskSpec p
        ? p.testSamples()
        : ((DatasetTaskSpec) spec).testSamples();
  }
}
