package org.rfsweep.run;

import java.util.Optional;
import org.rfsweep.spec.DatasetTaskSpec;
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
   * Label noise the theory adds: the synthetic task's sigma^2; for a dataset, its relative label
   * noise times the targets' mean power (the sum of the measured target power over modes), 0
   * without label noise (the dataset's own noise is in its targets).
   *
   * @param measured the pool's measured spectrum, or null
   */
  public static double noise(JobSpec spec, MeasuredSpectrum measured) {
    if (spec.task() instanceof PowerLawTaskSpec task) {
      return task.noise();
    }
    double relative = ((DatasetTaskSpec) spec.task()).labelNoise();
    if (relative == 0 || measured == null) {
      return 0.0;
    }
    double power = 0;
    for (double p : measured.targetPower()) {
      power += p;
    }
    return relative * power;
  }
}
