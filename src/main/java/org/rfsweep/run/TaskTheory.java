package org.rfsweep.run;

import java.util.Optional;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.theory.Eigenframework;
import org.rfsweep.theory.MeasuredSpectrum;
import org.rfsweep.theory.PowerLawClosedForms;
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

  /**
   * The power-law closed form's R* at n samples (docs/THEORY.md section 4), with the noise relative
   * to the noiseless ridgeless risk at that n; NaN where the closed form does not apply: it needs
   * the power-law task with linear features (whose kernel spectrum is the task's power law) and 1 <
   * beta < 2 alpha + 1.
   */
  public static double closedFormRStar(JobSpec spec, double samples) {
    double relative = closedFormNoise(spec, samples);
    if (Double.isNaN(relative)) {
      return Double.NaN;
    }
    PowerLawTaskSpec task = (PowerLawTaskSpec) spec.task();
    return PowerLawClosedForms.optimalFittingRatio(task.alpha(), task.beta(), relative);
  }

  /**
   * The closed form's R* at n samples for any task: a power-law task's as {@link
   * #closedFormRStar(JobSpec, double)}; a dataset's from its pool's measured proxy exponents, with
   * its label noise relative to the eigenframework's noiseless ridgeless kernel risk at n (on the
   * measured spectrum), the same relative noise the closed form takes for the power-law task. NaN
   * without a measured pool or outside the closed forms' range (1 < beta < 2 alpha + 1).
   *
   * @param pool the dataset's measured pool, or null
   */
  public static double closedFormRStar(JobSpec spec, PoolSpectrum pool, double samples) {
    if (spec.task() instanceof PowerLawTaskSpec) {
      return closedFormRStar(spec, samples);
    }
    if (pool == null) {
      return Double.NaN;
    }
    double alpha = pool.proxy("alpha");
    double beta = pool.proxy("beta");
    if (!(alpha > 1 && beta > 1 && beta < 2 * alpha + 1)) {
      return Double.NaN;
    }
    double noise = noise(spec, pool.spectrum());
    double relative = 0;
    if (noise > 0) {
      double noiseless =
          new Eigenframework(pool.spectrum().toSpectrum(), 0)
              .estimate(Double.POSITIVE_INFINITY, samples, 0)
              .testMse();
      relative = noise / noiseless;
    }
    return PowerLawClosedForms.optimalFittingRatio(alpha, beta, relative);
  }

  /** Where {@link #closedFormRStar(JobSpec, PoolSpectrum, double)} takes its exponents from. */
  public static String closedFormSource(JobSpec spec) {
    if (spec.task() instanceof PowerLawTaskSpec) {
      return "from the task's alpha and beta";
    }
    return ((DatasetTaskSpec) spec.task()).labelNoise() > 0
        ? "from the pool's proxy exponents, label noise relative to the noiseless kernel risk at n"
        : "from the pool's proxy exponents, no noise";
  }

  /** The closed form's relative noise at n samples (see {@link #closedFormRStar}), else NaN. */
  public static double closedFormNoise(JobSpec spec, double samples) {
    if (spec.task() instanceof PowerLawTaskSpec task
        && spec.features().kind() == FeatureKind.LINEAR
        && task.beta() > 1
        && task.beta() < 2 * task.alpha() + 1) {
      return task.noise()
          / PowerLawClosedForms.noiselessRidgelessRisk(task.alpha(), task.beta(), samples);
    }
    return Double.NaN;
  }
}
