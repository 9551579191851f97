package org.rfsweep.theory;

/**
 * The modes i >= start of a power law lambda_i = i^-alpha, v_i^2 = i^-beta, carried to infinity
 * exactly as the continuum integral from {@code start} (docs/THEORY.md section 3). With u = gamma
 * x^alpha, s = 1/alpha, u0 = gamma start^alpha and T(p, c) = integral of u^(p-1) / (1+u)^c from u0
 * to infinity:
 *
 * <pre>
 *   z tail = gamma^-s / alpha * T(s, 1)          q tail = gamma^-s / alpha * T(s, 2)
 *   sum (1-L) v^2 tail = gamma^((beta-1)/alpha) / alpha * T(p, 1),   p = 1 + (1 - beta)/alpha
 *   sum L(1-L) v^2 tail = gamma^((beta-1)/alpha) / alpha * T(p, 2)
 * </pre>
 *
 * T(p, c) = B(p, c-p) (1 - I_{u0/(1+u0)}(p, c-p)), which needs p in (0, 1): 1 < beta < 1 + alpha.
 */
final class PowerLawTail {
  private final double alpha;
  private final double beta;
  private final double start;
  private final double s;
  private final double p;
  private final double logBetaS1;
  private final double logBetaS2;
  private final double logBetaP1;
  private final double logBetaP2;

  PowerLawTail(double alpha, double beta, double start) {
    if (!(beta > 1 && beta < 1 + alpha)) {
      throw new IllegalArgumentException(
          "an analytic power-law tail needs 1 < beta < 1 + alpha, found alpha="
              + alpha
              + ", beta="
              + beta
              + "; use a finite number of modes instead");
    }
    this.alpha = alpha;
    this.beta = beta;
    this.start = start;
    this.s = 1 / alpha;
    this.p = 1 + (1 - beta) / alpha;
    this.logBetaS1 = SpecialFunctions.logBeta(s, 1 - s);
    this.logBetaS2 = SpecialFunctions.logBeta(s, 2 - s);
    this.logBetaP1 = SpecialFunctions.logBeta(p, 1 - p);
    this.logBetaP2 = SpecialFunctions.logBeta(p, 2 - p);
  }

  /** Adds the tail's z, q, sum (1-L) v^2 and sum L(1-L) v^2 at gamma > 0 to {@code sums[0..3]}. */
  void addSums(double gamma, double[] sums) {
    double u0 = gamma * Math.pow(start, alpha);
    double x = u0 / (1 + u0);
    double modeScale = Math.pow(gamma, -s) / alpha;
    sums[0] += modeScale * t(x, s, 1, logBetaS1);
    sums[1] += modeScale * t(x, s, 2, logBetaS2);
    double targetScale = Math.pow(gamma, (beta - 1) / alpha) / alpha;
    sums[2] += targetScale * t(x, p, 1, logBetaP1);
    sums[3] += targetScale * t(x, p, 2, logBetaP2);
  }

  /**
   * Total target power of the tail, sum over i >= start of i^-beta in the continuum:
   * start^(1-beta)/(beta-1).
   */
  double targetPower() {
    return Math.pow(start, 1 - beta) / (beta - 1);
  }

  private static double t(double x, double a, int c, double logBeta) {
    return Math.exp(logBeta) * SpecialFunctions.upperRegularizedBeta(x, a, c - a);
  }
}
