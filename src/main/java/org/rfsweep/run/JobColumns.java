package org.rfsweep.run;

import java.io.Serializable;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;

/**
 * The task's columns of every {@code fits} row: what was swept, in readable form. A dataset has no
 * alpha, beta or added noise (null); its {@code modes} is the pool size, the population the theory
 * uses.
 */
public record JobColumns(
    String taskType,
    Double alpha,
    Double beta,
    Double noise,
    Integer modes,
    Integer testSamples,
    String featureMap)
    implements Serializable {

  public static JobColumns of(JobSpec spec) {
    String features = spec.features().kind().word();
    if (spec.task() instanceof PowerLawTaskSpec task) {
      return new JobColumns(
          task.type(),
          task.alpha(),
          task.beta(),
          task.noise(),
          task.modes(),
          task.testSamples(),
          features);
    }
    DatasetTaskSpec task = (DatasetTaskSpec) spec.task();
    return new JobColumns(task.type(), null, null, null, task.pool(), task.testSamples(), features);
  }
}
