package org.rfsweep.data;

import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.TaskSpec;

/** The task source a spec names. */
public final class TaskSources {
  private TaskSources() {}

  public static TaskSource create(TaskSpec spec, long jobSeed) {
    if (spec instanceof PowerLawTaskSpec powerLaw) {
      return new PowerLawSource(powerLaw);
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
