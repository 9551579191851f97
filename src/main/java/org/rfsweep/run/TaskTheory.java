package org.rfsweep.run;

import java.util.Optional;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.theory.MeasuredSpectrum;
import org.rfsweep.theory.Spectrum;

/** Which spectrum and noise the eigenframework uses for a job's task. */
public final class TaskTheory {
  private TaskTheory() {}

  /**
   * The spectrum the theory needs, when it is known: the power-law task with linear features has
   * the task's own eigenvalues over the same M modes it simulates; a dataset task has its pool's
   * measured spectrum.
   *
   * @param measured the pool's measured spectrum, or null when none was measured
   */
  public static Optional<Spectrum> spectrum(JobSpec spec, MeasuredSpectrum measured) {
    if (spec.task() instanceof PowerLawTaskSpec task
        && spec.features().kind() == FeatureKind.LINEAR) {
      return Optional.of(Spectrum.powerLaw(task.alpha(), task.beta(), task.modes()));
    }
    return Optional.ofNullable(measured).map(MeasuredSpectrum::toSpectrum);
  }

  /**
   * Label noise the theory adds: the synthetic task's sigma^2; 0 for datasets, whose noise is in
   * the targets.
   */
  public static double noise(JobSpec spec) {
    return spec.task() instanceof PowerLawTaskSpec task ? task.noise() : 0.0;
  }
}
