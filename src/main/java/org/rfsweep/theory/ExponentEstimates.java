package org.rfsweep.theory;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.ArrayList;
import java.util.List;
import org.netlib.util.intW;
import org.rfsweep.linalg.NativeLinalg;

/**
 * Power-law exponents of a measured eigenstructure (docs/THEORY.md section 5), each with a 95%
 * interval from the least-squares slope's standard error (points along a curve are correlated, so
 * read the intervals as a lower bound on the uncertainty):
 *
 * <ul>
 *   <li>direct alpha: slope of log lambda_i against log i over an index window;
 *   <li>direct beta: slope 1 - beta of the target power beyond mode i, sum_{j >= i} v_j^2, over the
 *       same window;
 *   <li>proxy alpha (the paper's): slope -alpha of kappa~(n) = 1 / Tr(K_n^-1) against n, K_n the
 *       kernel matrix of the first n pool points;
 *   <li>proxy beta (the paper's): slope 1 - beta of the ridgeless kernel regression test risk
 *       against n, here from the eigenframework on the measured spectrum (exact for
 *       pool-as-population sampling).
 * </ul>
 */
public final class ExponentEstimates {
  /** Log-spaced bins over which single-mode target powers are averaged for the direct beta fit. */
  static final int TARGET_BINS = 20;

  private ExponentEstimates() {}

  /**
   * One estimate: its method, value, interval and the window of indices or sample counts it used.
   */
  public record Estimate(
      String exponent,
      String method,
      double value,
      double low,
      double high,
      double from,
      double to,
      int points) {}

  /**
   * Eigenvalues below this share of the largest are rounding, not spectrum: a kernel of rank r (the
   * linear kernel on r-dimensional inputs) has r modes and then values near 1e-16 of the first.
   */
  static final double NUMERICAL_ZERO = 1e-12;

  /** Eigenvalues (descending) above {@link #NUMERICAL_ZERO} of the first. */
  static int numericalRank(double[] descending) {
    int rank = 0;
    while (rank < descending.length && descending[rank] > NUMERICAL_ZERO * descending[0]) {
      rank++;
    }
    return rank;
  }

  /**
   * Direct fits over indices [from, to] (1-based), the window ending at the numerical rank (the
   * last eigenvalue above {@link #NUMERICAL_ZERO} of the largest).
   */
  public static List<Estimate> direct(MeasuredSpectrum spectrum, int from, int to) {
    List<Estimate> out = new ArrayList<>();
    int last = Math.min(to, numericalRank(spectrum.eigenvalues()));
    List<double[]> lambda = new ArrayList<>();
    for (int i = from; i <= last; i++) {
      if (spectrum.eigenvalues()[i - 1] > 0) {
        lambda.add(new double[] {Math.log(i), Math.log(spectrum.eigenvalues()[i - 1])});
      }
    }
    // Single-mode target powers scatter like chi-squares: average log v_i^2 and log i over equal
    // bins in log i.
    // Means of logs keep a pure power law exactly on its line, and chi-square scatter only shifts
    // every bin by the
    // same E[log chi^2], so the slope is unbiased. (Tail sums would bend down near the end of a
    // finite spectrum.)
    List<double[]> power = new ArrayList<>();
    double logFrom = Math.log(from);
    double width = (Math.log(last + 1.0) - logFrom) / TARGET_BINS;
    for (int bin = 0; bin < TARGET_BINS; bin++) {
      int lo = (int) Math.ceil(Math.exp(logFrom + bin * width));
      int hi = (int) Math.ceil(Math.exp(logFrom + (bin + 1) * width)) - 1;
      double logIndex = 0;
      double logPower = 0;
      int count = 0;
      for (int i = lo; i <= Math.min(hi, last); i++) {
        if (spectrum.targetPower()[i - 1] > 0) {
          logIndex += Math.log(i);
          logPower += Math.log(spectrum.targetPower()[i - 1]);
          count++;
        }
      }
      if (count > 0) {
        power.add(new double[] {logIndex / count, logPower / count});
      }
    }
    double[] a = slope(lambda);
    double[] b = slope(power);
    out.add(
        new Estimate(
            "alpha",
            "direct: log lambda_i against log i",
            -a[0],
            -a[0] - 1.96 * a[1],
            -a[0] + 1.96 * a[1],
            from,
            to,
            lambda.size()));
    out.add(
        new Estimate(
            "beta",
            "direct: log v_i^2 against log i, averaged in log-spaced bins",
            -b[0],
            -b[0] - 1.96 * b[1],
            -b[0] + 1.96 * b[1],
            from,
            to,
            power.size()));
    return out;
  }

  /**
   * The paper's proxies. {@code kernel} is the pool's kernel matrix (not destroyed); sample counts
   * are log-spaced from {@code from} to {@code to}.
   */
  public static List<Estimate> proxies(
      double[] kernel, int points, MeasuredSpectrum spectrum, int from, int to, int count) {
    List<double[]> kappa = new ArrayList<>();
    List<double[]> risk = new ArrayList<>();
    Eigenframework theory = new Eigenframework(spectrum.toSpectrum(), 0.0);
    LAPACK lapack = NativeLinalg.lapack();
    int previous = 0;
    for (int k = 0; k < count; k++) {
      int n =
          (int) Math.round(from * Math.pow((double) to / from, count == 1 ? 0 : k / (count - 1.0)));
      if (n <= previous || n > points) {
        continue;
      }
      previous = n;
      double[] block = new double[n * n];
      for (int j = 0; j < n; j++) {
        System.arraycopy(kernel, j * points, block, j * n, n);
      }
      intW info = new intW(0);
      lapack.dpotrf("U", n, block, n, info);
      if (info.val == 0) {
        lapack.dpotri("U", n, block, n, info);
      }
      if (info.val == 0) {
        double trace = 0;
        for (int i = 0; i < n; i++) {
          trace += block[i * n + i];
        }
        kappa.add(new double[] {Math.log(n), Math.log(1 / trace)});
      }
      // The pool is the population: as n nears its size the ridgeless risk collapses, which is no
      // power law.
      double e =
          n <= points / 4
              ? theory.estimate(Double.POSITIVE_INFINITY, n, 0.0).testMse()
              : Double.NaN;
      if (e > 0 && Double.isFinite(e)) {
        risk.add(new double[] {Math.log(n), Math.log(e)});
      }
    }
    List<Estimate> out = new ArrayList<>();
    if (kappa.size() >= 3) {
      double[] a = slope(kappa);
      out.add(
          new Estimate(
              "alpha",
              "proxy: log 1/Tr(K_n^-1) against log n",
              -a[0],
              -a[0] - 1.96 * a[1],
              -a[0] + 1.96 * a[1],
              from,
              to,
              kappa.size()));
    }
    if (risk.size() >= 3) {
      double[] b = slope(risk);
      out.add(
          new Estimate(
              "beta",
              "proxy: log ridgeless KRR test risk against log n",
              1 - b[0],
              1 - b[0] - 1.96 * b[1],
              1 - b[0] + 1.96 * b[1],
              from,
              points / 4,
              risk.size()));
    }
    return out;
  }

  /** Least-squares slope of y on x and its standard error: {slope, se}. */
  static double[] slope(List<double[]> xy) {
    int n = xy.size();
    if (n < 3) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double mx = 0;
    double my = 0;
    for (double[] p : xy) {
      mx += p[0] / n;
      my += p[1] / n;
    }
    double sxx = 0;
    double sxy = 0;
    for (double[] p : xy) {
      sxx += (p[0] - mx) * (p[0] - mx);
      sxy += (p[0] - mx) * (p[1] - my);
    }
    double slope = sxy / sxx;
    double residual = 0;
    for (double[] p : xy) {
      double r = p[1] - my - slope * (p[0] - mx);
      residual += r * r;
    }
    return new double[] {slope, Math.sqrt(residual / (n - 2) / sxx)};
  }
}
