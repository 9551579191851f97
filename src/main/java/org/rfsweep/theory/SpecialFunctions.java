package org.rfsweep.theory;

/**
 * Log-gamma and the regularised incomplete beta function, to near double precision, for the
 * analytic tail of a power-law spectrum.
 */
final class SpecialFunctions {
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double TINY = 1e-300;
  private static final double EPS = 1e-16;

  private SpecialFunctions() {}

  /** ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). */
  static double logGamma(double x) {
    if (x < 0.5) {
      // Reflection keeps the Lanczos sum in its accurate range.
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double sum = LANCZOS[0];
    double t = x + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** ln B(a, b) for a, b > 0. */
  static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  /**
   * The upper tail of the incomplete beta integral, 1 - I_x(a, b), for a, b > 0 and 0 <= x <= 1.
   * Computed by the continued fraction on whichever side converges fast, so it keeps full relative
   * precision when it is small.
   */
  static double upperRegularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 1.0;
    }
    if (x >= 1) {
      return 0.0;
    }
    double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
    if (x < (a + 1) / (a + b + 2)) {
      return 1.0 - front * continuedFraction(x, a, b) / a;
    }
    return front * continuedFraction(1 - x, b, a) / b;
  }

  /** Modified Lentz evaluation of the incomplete beta continued fraction. */
  private static double continuedFraction(double x, double a, double b) {
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < TINY ? TINY : d);
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double numerator = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < TINY ? TINY : d);
      c = 1 + numerator / c;
      c = Math.abs(c) < TINY ? TINY : c;
      h *= d * c;
      numerator = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < TINY ? TINY : d);
      c = 1 + numerator / c;
      c = Math.abs(c) < TINY ? TINY : c;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) {
        return h;
      }
    }
    throw new ArithmeticException(
        "incomplete beta continued fraction did not converge for x=" + x + ", a=" + a + ", b=" + b);
  }
}
