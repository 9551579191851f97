package org.rfsweep.report;

import java.util.Optional;
import org.rfsweep.run.RunContext;
import org.rfsweep.theory.OptimalRidge;
import org.rfsweep.theory.RiskEstimate;
import org.rfsweep.theory.Spectrum;
import org.rfsweep.theory.TheorySweep;

/**
 * The eigenframework evaluated densely along a sweep (hundreds of points, not only the measured
 * cells), for the figures' theory lines: at a ridge, and at the theory-optimal ridge.
 */
final class TheoryCurves {
  /** Points per dense curve. */
  static final int POINTS = 200;

  private final Spectrum spectrum;
  private final double noise;

  private TheoryCurves(Spectrum spectrum, double noise) {
    this.spectrum = spectrum;
    this.noise = noise;
  }

  /** The curves of a task point whose spectrum is known. */
  static Optional<TheoryCurves> of(RunContext context) {
    return context.theorySpectrum().map(s -> new TheoryCurves(s, context.theoryNoise()));
  }

  /** {@link #POINTS} values from lo to hi, equally spaced in log. */
  static double[] logGrid(double lo, double hi) {
    double[] out = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      out[i] = lo * Math.pow(hi / lo, i / (POINTS - 1.0));
    }
    return out;
  }

  /**
   * Test risk at each of {@code ridges} (ascending) along {@code xs} of {@code axis} ({@code width}
   * or {@code samples}) at the other axis's {@code fixed} value; infinite where the theory is (the
   * ridgeless peak). One call for all ridges: each point's gamma_min is solved once, not once per
   * ridge, and each solve starts from the point before (a third fewer passes over the spectrum).
   *
   * @return risks[ridge][point]
   */
  double[][] risks(String axis, double fixed, double[] ridges, double[] xs) {
    double[][] cells = cells(axis, fixed, xs);
    RiskEstimate[][] estimates =
        TheorySweep.estimatesAlongLine(spectrum, noise, cells[0], cells[1], ridges);
    double[][] out = new double[ridges.length][xs.length];
    for (int i = 0; i < xs.length; i++) {
      for (int r = 0; r < ridges.length; r++) {
        out[r][i] = estimates[i][r].testMse();
      }
    }
    return out;
  }

  /** Test risk at the theory-optimal ridge along {@code xs}. */
  double[] optimal(String axis, double fixed, double[] xs) {
    double[][] cells = cells(axis, fixed, xs);
    OptimalRidge.Result[] results =
        TheorySweep.optimalForCurves(spectrum, noise, cells[0], cells[1]);
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = results[i].testMse();
    }
    return out;
  }

  /**
   * The ridge path of one cell: test risk and fitting ratio R = train / test at {@link #POINTS}
   * ridges log-spaced from lo to hi, and at ridge 0 first.
   *
   * @return {test risks, fitting ratios}
   */
  double[][] ridgePath(double width, int samples, double lo, double hi) {
    double[] ridges = new double[POINTS + 1];
    double[] grid = logGrid(lo, hi);
    System.arraycopy(grid, 0, ridges, 1, POINTS);
    RiskEstimate[][] estimates =
        TheorySweep.estimatesAscending(
            spectrum, noise, new double[] {width}, new double[] {samples}, ridges);
    double[][] out = new double[2][ridges.length];
    for (int r = 0; r < ridges.length; r++) {
      RiskEstimate e = estimates[0][r];
      out[0][r] = e.testMse();
      out[1][r] = e.trainMse() / e.testMse();
    }
    return out;
  }

  private static double[][] cells(String axis, double fixed, double[] xs) {
    double[] widths = new double[xs.length];
    double[] samples = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      widths[i] = axis.equals("width") ? xs[i] : fixed;
      samples[i] = axis.equals("width") ? fixed : xs[i];
    }
    return new double[][] {widths, samples};
  }
}
