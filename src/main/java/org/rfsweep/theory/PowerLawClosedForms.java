package org.rfsweep.theory;

/**
 * Closed forms for power-law tasks in the kernel limit with the continuum approximation
 * (docs/THEORY.md section 3): lambda_i = i^-alpha, v_i^2 = i^-beta, noise sigma^2 = sigma2Rel *
 * E_te(ridge 0, no noise) at the same n.
 */
public final class PowerLawClosedForms {
  private PowerLawClosedForms() {}

  /** C_alpha = pi / (alpha sin(pi / alpha)). */
  public static double cAlpha(double alpha) {
    return Math.PI / (alpha * Math.sin(Math.PI / alpha));
  }

  /** E_te0: the noiseless ridgeless test risk at n samples. */
  public static double noiselessRidgelessRisk(double alpha, double beta, double samples) {
    check(alpha, beta);
    return Math.pow(samples, -(beta - 1))
        * alpha
        * Math.pow(cAlpha(alpha), beta - 1)
        * (alpha - beta + 1)
        * Math.PI
        / (alpha * alpha * Math.sin(Math.PI * (beta - 1) / alpha));
  }

  /**
   * E_te at fitting ratio R: E_te0 [(1 - sqrt R)^(1-beta) + alpha sigma2Rel] / (1 + (alpha - 1)
   * sqrt R).
   */
  public static double testRiskAtFittingRatio(
      double alpha, double beta, double sigma2Rel, double ratio, double samples) {
    double s = Math.sqrt(ratio);
    return noiselessRidgelessRisk(alpha, beta, samples)
        * (Math.pow(1 - s, 1 - beta) + alpha * sigma2Rel)
        / (1 + (alpha - 1) * s);
  }

  /**
   * Zero ridge is optimal (R* = 0) exactly when sigma2Rel <= (beta - alpha) / (alpha (alpha - 1)).
   */
  public static boolean zeroRidgeOptimal(double alpha, double beta, double sigma2Rel) {
    check(alpha, beta);
    return sigma2Rel <= (beta - alpha) / (alpha * (alpha - 1));
  }

  /**
   * The optimal fitting ratio R*, independent of n: 0 when zero ridge is optimal, otherwise s^2
   * with s the root in (0, 1) of (beta-1)(1 + (alpha-1) s) - (alpha-1)[(1-s) + alpha sigma2Rel
   * (1-s)^beta].
   */
  public static double optimalFittingRatio(double alpha, double beta, double sigma2Rel) {
    if (zeroRidgeOptimal(alpha, beta, sigma2Rel)) {
      return 0.0;
    }
    if (sigma2Rel == 0) {
      double s = (alpha - beta) / (beta * (alpha - 1));
      return s * s;
    }
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      double f =
          (beta - 1) * (1 + (alpha - 1) * mid)
              - (alpha - 1) * ((1 - mid) + alpha * sigma2Rel * Math.pow(1 - mid, beta));
      if (f < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double s = 0.5 * (lo + hi);
    return s * s;
  }

  private static void check(double alpha, double beta) {
    if (!(alpha > 1) || !(beta > 1) || !(beta < 2 * alpha + 1)) {
      throw new IllegalArgumentException(
          "power-law closed forms need alpha > 1 and 1 < beta < 2 alpha + 1, found "
              + "alpha="
              + alpha
              + ", beta="
              + beta);
    }
  }
}
