package org.rfsweep.task;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rfsweep.grid.Cell;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.theory.MeasuredSpectrum;
import org.rfsweep.theory.RiskEstimate;
import org.rfsweep.theory.Spectrum;
import org.rfsweep.theory.TheorySweep;

/**
 * The theory values of every (cell, ridge) of a sweep, computed once on the driver (they do not depend on the
 * seed) and looked up as result rows are written. Small: four doubles per (cell, ridge).
 */
public final class TheoryColumns implements Serializable {
  private static final long serialVersionUID = 1L;
  private final double[] ridges;
  private final Map<Long, double[]> values; // (width, samples) -> [test, train, gamma, kappa] per ridge

  private TheoryColumns(double[] ridges, Map<Long, double[]> values) {
    this.ridges = ridges;
    this.values = values;
  }

  /**
   * The spectrum the theory needs for a spec, when it is known: the power-law task with linear features has the
   * task's own eigenvalues over the same M modes it simulates; a dataset task has its pool's measured spectrum
   * once {@link SpectrumMeasurement} has measured or loaded it in this JVM.
   */
  public static Optional<Spectrum> spectrumOf(JobSpec spec) {
    if (spec.task() instanceof PowerLawTaskSpec task && spec.features().kind() == FeatureKind.LINEAR) {
      return Optional.of(Spectrum.powerLaw(task.alpha(), task.beta(), task.modes()));
    }
    return SpectrumMeasurement.known(spec).map(MeasuredSpectrum::toSpectrum);
  }

  /** Label noise the theory adds: the synthetic task's sigma^2; 0 for datasets, whose noise is in the targets. */
  public static double noiseOf(JobSpec spec) {
    return spec.task() instanceof PowerLawTaskSpec task ? task.noise() : 0.0;
  }

  /** Theory for every cell and ridge of the spec, or none when its spectrum is not known. */
  public static Optional<TheoryColumns> of(JobSpec spec, List<Cell> cells) {
    return spectrumOf(spec).map(spectrum -> compute(spectrum, noiseOf(spec), cells, spec.grid().ridgeArray()));
  }

  static TheoryColumns compute(Spectrum spectrum, double noise, List<Cell> cells, double[] ridges) {
    double[] widths = cells.stream().mapToDouble(Cell::width).toArray();
    double[] samples = cells.stream().mapToDouble(Cell::samples).toArray();
    RiskEstimate[][] estimates = TheorySweep.estimates(spectrum, noise, widths, samples, ridges);
    Map<Long, double[]> values = new HashMap<>();
    for (int c = 0; c < cells.size(); c++) {
      double[] row = new double[4 * ridges.length];
      for (int r = 0; r < ridges.length; r++) {
        RiskEstimate e = estimates[c][r];
        row[4 * r] = e.testMse();
        row[4 * r + 1] = e.trainMse();
        row[4 * r + 2] = e.gamma();
        row[4 * r + 3] = e.kappa();
      }
      values.put(key(cells.get(c).width(), cells.get(c).samples()), row);
    }
    return new TheoryColumns(ridges.clone(), values);
  }

  /** [theory_test_mse, theory_train_mse, theory_gamma, theory_kappa] of a fit, or null if not in the sweep. */
  public double[] lookup(int width, int samples, double ridge) {
    double[] row = values.get(key(width, samples));
    int r = Arrays.binarySearch(ridges, ridge);
    return row == null || r < 0 ? null : Arrays.copyOfRange(row, 4 * r, 4 * r + 4);
  }

  private static long key(int width, int samples) {
    return ((long) width << 32) | samples;
  }
}
