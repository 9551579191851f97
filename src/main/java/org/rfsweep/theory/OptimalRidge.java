package org.rfsweep.theory;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The theory-optimal ridge: min over ridge >= 0 of E_te(width, samples, ridge). Since ridge =
 * h(gamma) increases with the effective ridge gamma on (gamma_min, inf), the search runs over log
 * gamma, where each step is one pass over the spectrum and needs no inner solve: a coarse scan
 * brackets the minimum, golden-section search refines it, and ridge 0 (gamma_min) is always a
 * candidate.
 */
public final class OptimalRidge {
  private static final int SCAN_POINTS = 64;

  /**
   * Scan range above the top eigenvalue: beyond it the predictor is ~0 and E_te is flat at sum v^2
   * + sigma^2.
   */
  private static final double DECADES_ABOVE_TOP = 6;

  /**
   * Scan range below gamma_min when gamma_min = 0 (more samples and width than representable
   * modes).
   */
  private static final double DECADES_BELOW_TOP_WHEN_UNBOUNDED = 16;

  private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

  /**
   * @param ridge the optimal ridge delta (0 when ridgeless is optimal)
   * @param testMse E_te there
   * @param trainMse E_tr there
   * @param fittingRatio E_tr / E_te there (R*)
   * @param estimate the full estimate there
   */
  public record Result(
      double ridge, double testMse, double trainMse, double fittingRatio, RiskEstimate estimate) {}

  private OptimalRidge() {}

  /** The optimum the tables report: a 64-point scan, then golden-section search to 1e-12. */
  public static Result find(Eigenframework theory, double width, double samples) {
    return find(
        theory, width, samples, theory.gammaMin(width, samples), SCAN_POINTS, OptimalRidge::golden);
  }

  /**
   * The same optimum for a dense theory line, in about a quarter of the passes: a 16-point scan,
   * then Brent's parabolic search to 1e-7 in log gamma. E_te is flat at its minimum, so the risk
   * agrees with {@link #find}'s to about 1e-12 relative (the ridge to about 1e-5), which no figure
   * can show; the tables keep {@link #find} and its bits.
   *
   * @param gammaMin gamma_min at (width, samples) when the caller has it (a line's ridge 0), else
   *     NaN
   */
  public static Result findForCurve(
      Eigenframework theory, double width, double samples, double gammaMin) {
    return find(
        theory,
        width,
        samples,
        Double.isNaN(gammaMin) ? theory.gammaMin(width, samples) : gammaMin,
        CURVE_SCAN_POINTS,
        OptimalRidge::brent);
  }

  private static final int CURVE_SCAN_POINTS = 16;

  /** A local minimiser of E_te over log gamma on [lo, hi]. */
  private interface Refine {
    double argmin(Eigenframework theory, double width, double samples, double lo, double hi);
  }

  private static Result find(
      Eigenframework theory,
      double width,
      double samples,
      double gammaMin,
      int scanPoints,
      Refine refine) {
    double top = Math.log(theory.spectrum().largestEigenvalue()) + DECADES_ABOVE_TOP * Math.log(10);
    double bottom =
        gammaMin > 0
            ? Math.log(gammaMin)
            : top - (DECADES_ABOVE_TOP + DECADES_BELOW_TOP_WHEN_UNBOUNDED) * Math.log(10);

    RiskEstimate ridgeless = theory.atGamma(width, samples, gammaMin, 0.0);
    double bestT = Double.NaN;
    double bestRisk = Double.POSITIVE_INFINITY;
    int bestIndex = -1;
    double step = (top - bottom) / scanPoints;
    for (int i = 1; i <= scanPoints; i++) {
      double t = bottom + i * step;
      double risk = theory.atGamma(width, samples, Math.exp(t), Double.NaN).testMse();
      if (risk < bestRisk) {
        bestRisk = risk;
        bestT = t;
        bestIndex = i;
      }
    }
    double lo = bottom + (bestIndex - 1) * step;
    double hi = Math.min(top, bottom + (bestIndex + 1) * step);
    double t = refine.argmin(theory, width, samples, lo, hi);
    RiskEstimate refined = theory.atGamma(width, samples, Math.exp(t), Double.NaN);
    if (refined.testMse() > bestRisk) {
      refined = theory.atGamma(width, samples, Math.exp(bestT), Double.NaN);
      t = bestT;
    }
    if (ridgeless.testMse() <= refined.testMse()) {
      return new Result(
          0.0, ridgeless.testMse(), ridgeless.trainMse(), ridgeless.fittingRatio(), ridgeless);
    }
    double ridge = theory.ridgeAt(width, samples, Math.exp(t));
    return new Result(
        ridge, refined.testMse(), refined.trainMse(), refined.fittingRatio(), refined);
  }

  private static double brent(
      Eigenframework theory, double width, double samples, double lo, double hi) {
    UnivariatePointValuePair best =
        new BrentOptimizer(1e-7, 1e-10)
            .optimize(
                new MaxEval(500),
                new UnivariateObjectiveFunction(t -> risk(theory, width, samples, t)),
                GoalType.MINIMIZE,
                new SearchInterval(lo, hi));
    return best.getPoint();
  }

  private static double golden(
      Eigenframework theory, double width, double samples, double lo, double hi) {
    double a = lo;
    double b = hi;
    double c = b - GOLDEN * (b - a);
    double d = a + GOLDEN * (b - a);
    double fc = risk(theory, width, samples, c);
    double fd = risk(theory, width, samples, d);
    for (int i = 0; i < 200 && b - a > 1e-12 * Math.max(1, Math.abs(a)); i++) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - GOLDEN * (b - a);
        fc = risk(theory, width, samples, c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + GOLDEN * (b - a);
        fd = risk(theory, width, samples, d);
      }
    }
    return 0.5 * (a + b);
  }

  private static double risk(Eigenframework theory, double width, double samples, double t) {
    return theory.atGamma(width, samples, Math.exp(t), Double.NaN).testMse();
  }
}
