package org.rfsweep.theory;

/**
 * The omniscient risk estimate of random-feature ridge regression (docs/THEORY.md section 2). For
 * width N, samples n and ridge delta, the effective ridges gamma, kappa solve
 *
 * <pre>
 *   n = z(gamma) + delta / kappa,     N = z(gamma) + N kappa / gamma,     z = sum L_i, L_i = lambda_i/(lambda_i+gamma)
 * </pre>
 *
 * Eliminating kappa leaves one monotone equation, h(gamma) = gamma (1 - z/N)(n - z) = delta on
 * (gamma_min, inf), where z(gamma_min) = min(n, N). Both equations are solved by Newton's method in
 * log gamma, safeguarded by a bracket: d z / d ln(gamma) = -(z - q) comes for free with the sums,
 * so a point costs about a dozen passes over the spectrum. Width {@link Double#POSITIVE_INFINITY}
 * is kernel ridge regression.
 *
 * <p>Not thread-safe (it keeps a scratch array); one instance per thread.
 */
public final class Eigenframework {
  private static final int MAX_ITERATIONS = 400;
  private static final double LOG_TOLERANCE = 1e-14;

  /**
   * The solver's tolerance on ln gamma (relative, as {@link #LOG_TOLERANCE}) for a figure's theory
   * lines ({@link #estimateNear}). From a neighbouring point's gamma, Newton's method usually stops
   * far closer to the root than this; the risks agree with the tables' solves to 1e-8 or better (a
   * pixel is about 1.5e-2 in log risk), for a quarter fewer passes over the spectrum along a line.
   */
  private static final double FIGURE_LOG_TOLERANCE = 1e-8;

  /**
   * Largest change of ln(gamma) in one Newton step: keeps gamma inside double range on wild first
   * steps.
   */
  private static final double MAX_LOG_STEP = 8;

  private final Spectrum spectrum;
  private final double noise;
  private final double[] sums = new double[4];
  private final double[][] scratch;

  /**
   * @param noise label-noise variance sigma^2
   */
  public Eigenframework(Spectrum spectrum, double noise) {
    this.spectrum = spectrum;
    this.noise = noise;
    this.scratch = spectrum.scratch();
  }

  public Spectrum spectrum() {
    return spectrum;
  }

  /** The estimate at one ridge. */
  public RiskEstimate estimate(double width, double samples, double ridge) {
    return estimate(width, samples, new double[] {ridge})[0];
  }

  /** Estimates at several ridges, sharing gamma_min. */
  public RiskEstimate[] estimate(double width, double samples, double[] ridges) {
    check(width, samples);
    double gammaMin = gammaMin(width, samples);
    RiskEstimate[] out = new RiskEstimate[ridges.length];
    for (int r = 0; r < ridges.length; r++) {
      requireRidge(ridges[r]);
      double gamma =
          ridges[r] == 0
              ? gammaMin
              : solveRidge(LOG_TOLERANCE, width, samples, ridges[r], gammaMin);
      out[r] = atGamma(width, samples, gamma, ridges[r]);
    }
    return out;
  }

  /**
   * Estimates at ascending ridges, each ridge's solve starting from the one before: the same
   * effective ridges to the solver's tolerance (1e-14 in log gamma) in a third of the passes, but
   * not bit for bit the values of {@link #estimate(double, double, double[])}, which the tables
   * use. For dense theory lines.
   */
  public RiskEstimate[] estimateAscending(double width, double samples, double[] ridges) {
    check(width, samples);
    double gammaMin = gammaMin(width, samples);
    RiskEstimate[] out = new RiskEstimate[ridges.length];
    double previousRidge = 0;
    double previousGamma = gammaMin;
    for (int r = 0; r < ridges.length; r++) {
      if (!(ridges[r] >= previousRidge) || Double.isInfinite(ridges[r])) {
        throw new IllegalArgumentException(
            "ridges must be finite, >= 0 and ascending, found " + ridges[r]);
      }
      double gamma;
      if (ridges[r] == 0) {
        gamma = gammaMin;
      } else if (previousRidge > 0) {
        // h(gamma) increases, so the previous gamma brackets this one from below; h grows about
        // linearly in gamma, so the ridges' ratio is a good first step.
        double from = Math.log(previousGamma);
        gamma =
            ridges[r] == previousRidge
                ? previousGamma
                : solveRidgeFrom(
                    LOG_TOLERANCE,
                    width,
                    samples,
                    ridges[r],
                    from,
                    from + Math.log(ridges[r] / previousRidge));
      } else {
        gamma = solveRidge(LOG_TOLERANCE, width, samples, ridges[r], gammaMin);
      }
      out[r] = atGamma(width, samples, gamma, ridges[r]);
      previousRidge = ridges[r];
      previousGamma = gamma;
    }
    return out;
  }

  /**
   * As {@link #estimateAscending}, at the next point of a dense theory line: each solve starts from
   * the effective ridge the same ridge had at the point before ({@code previous}, this method's or
   * {@link #estimateAscending}'s answer for the same ridges at a nearby width and samples), a few
   * passes from the answer where the ridge before is several. The same effective ridges to {@link
   * #FIGURE_LOG_TOLERANCE}; for figures, not tables.
   */
  public RiskEstimate[] estimateNear(
      double width, double samples, double[] ridges, RiskEstimate[] previous) {
    check(width, samples);
    if (previous.length != ridges.length) {
      throw new IllegalArgumentException(
          previous.length + " previous estimates for " + ridges.length + " ridges");
    }
    // The previous point's gamma_min (its ridge 0's gamma, if it has one) starts this one's search.
    double previousMin = ridges.length > 0 && ridges[0] == 0 ? previous[0].gamma() : 0;
    double gammaMin =
        gammaMin(
            width,
            samples,
            previousMin > 0 ? Math.log(previousMin) : Math.log(spectrum.largestEigenvalue()));
    double lo = gammaMin > 0 ? Math.log(gammaMin) : Double.NEGATIVE_INFINITY;
    RiskEstimate[] out = new RiskEstimate[ridges.length];
    for (int r = 0; r < ridges.length; r++) {
      requireRidge(ridges[r]);
      double gamma;
      double near = previous[r].gamma();
      if (ridges[r] == 0) {
        gamma = gammaMin;
      } else if (near > gammaMin && Double.isFinite(near)) {
        gamma = solveRidgeFrom(FIGURE_LOG_TOLERANCE, width, samples, ridges[r], lo, Math.log(near));
      } else {
        gamma = solveRidge(FIGURE_LOG_TOLERANCE, width, samples, ridges[r], gammaMin);
      }
      out[r] = atGamma(width, samples, gamma, ridges[r]);
    }
    return out;
  }

  /**
   * The estimate at a given effective ridge gamma >= gamma_min. {@code ridge} is the ridge that has
   * this gamma when known (0 for ridgeless), NaN otherwise (the optimal-ridge search walks gamma
   * directly; the matching ridge is {@link #ridgeAt}).
   */
  RiskEstimate atGamma(double width, double samples, double gamma, double ridge) {
    boolean ridgeless = ridge == 0;
    spectrum.sums(gamma, sums, scratch);
    double z = sums[0];
    double q = sums[1];
    if (ridgeless && gamma > 0) {
      z = Math.min(samples, width); // exact at gamma_min; keeps E_tr exactly 0 when interpolating
    }
    boolean infiniteWidth = Double.isInfinite(width);
    double r = infiniteWidth ? 1.0 : (width - z) / (width - q);
    double df2 = infiniteWidth ? q : (q * (width - 2 * z) + z * z) / (width - q);
    double overfitting = samples / (samples - df2);
    if (ridgeless && samples == width) {
      overfitting = Double.POSITIVE_INFINITY; // the double-descent peak: diverges, never NaN
    }
    double bias = sums[2] - r * sums[3];
    double test = overfitting * (Math.max(bias, 0.0) + noise);
    double shrink = (samples - z) / samples;
    double train = shrink == 0 ? 0.0 : shrink * shrink * test;
    // kappa = gamma (1 - z/N) = ridge / (n - z): take the form without cancellation (z near N, or z
    // near n).
    double kappa = infiniteWidth ? gamma : gamma * (1 - z / width);
    if (ridge > 0 && (samples - z) / samples > (width - z) / width) {
      kappa = ridge / (samples - z);
    }
    return new RiskEstimate(test, train, gamma, kappa, df2, overfitting);
  }

  /** h(gamma) = gamma (1 - z/N)(n - z): the ridge that has effective ridge gamma. */
  double ridgeAt(double width, double samples, double gamma) {
    spectrum.sums(gamma, sums, scratch);
    double z = sums[0];
    double widthFactor = Double.isInfinite(width) ? 1.0 : 1 - z / width;
    return Math.max(0.0, gamma * widthFactor * (samples - z));
  }

  /**
   * gamma_min: where z(gamma) = min(n, N); 0 when the spectrum has no more representable modes than
   * that.
   */
  double gammaMin(double width, double samples) {
    return gammaMin(width, samples, Math.log(spectrum.largestEigenvalue()));
  }

  /** gamma_min, its search started at ln gamma = {@code t}. */
  private double gammaMin(double width, double samples, double t) {
    double target = Math.min(width, samples);
    if (target >= spectrum.representableModes()) {
      return 0.0;
    }
    // g(t) = ln z(e^t) - ln target is decreasing in t, dg/dt = -(z - q)/z, and nearly linear for
    // power laws.
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      spectrum.sums(Math.exp(t), sums, scratch);
      double z = sums[0];
      double g = Math.log(z) - Math.log(target);
      if (g > 0) {
        lo = t;
      } else {
        hi = t;
      }
      if (g == 0) {
        return Math.exp(t);
      }
      double slope = -(z - sums[1]) / z;
      double next = safeguard(slope < 0 ? t - g / slope : Double.NaN, lo, hi, t);
      if (Math.abs(next - t) < LOG_TOLERANCE * Math.max(1, Math.abs(t))) {
        return Math.exp(next);
      }
      t = next;
    }
    throw new ArithmeticException(
        "gamma_min did not converge for width=" + width + ", samples=" + samples);
  }

  /**
   * gamma > gamma_min with h(gamma) = ridge, to {@code tolerance} ({@link #solveRidgeFrom}), from a
   * first guess of its own.
   */
  private double solveRidge(
      double tolerance, double width, double samples, double ridge, double gammaMin) {
    double lo = gammaMin > 0 ? Math.log(gammaMin) : Double.NEGATIVE_INFINITY;
    // At large gamma, h ~ gamma n: start from there, or just above gamma_min if that is larger.
    double t =
        Math.max(Math.log(ridge / samples), gammaMin > 0 ? lo + 1e-3 : Double.NEGATIVE_INFINITY);
    return solveRidgeFrom(tolerance, width, samples, ridge, lo, t);
  }

  /**
   * gamma with h(gamma) = ridge, known to exceed e^lo, from the first guess e^t; done once a step
   * moves ln gamma by less than {@code tolerance} (relative).
   */
  private double solveRidgeFrom(
      double tolerance, double width, double samples, double ridge, double lo, double t) {
    double logRidge = Math.log(ridge);
    double hi = Double.POSITIVE_INFINITY;
    boolean infiniteWidth = Double.isInfinite(width);
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double gamma = Math.exp(t);
      spectrum.sums(gamma, sums, scratch);
      double z = sums[0];
      double q = sums[1];
      double widthGap = infiniteWidth ? 1.0 : 1 - z / width;
      double sampleGap = samples - z;
      if (!(widthGap > 0 && sampleGap > 0)) {
        lo = Math.max(lo, t); // round-off put us at or below gamma_min
        t = safeguard(Double.NaN, lo, hi, t);
        continue;
      }
      double f = t + Math.log(widthGap) + Math.log(sampleGap) - logRidge;
      if (f < 0) {
        lo = t;
      } else {
        hi = t;
      }
      if (f == 0) {
        return gamma;
      }
      double slope = 1 + (z - q) / sampleGap + (infiniteWidth ? 0.0 : (z - q) / (width - z));
      double next = safeguard(t - f / slope, lo, hi, t);
      if (Math.abs(next - t) < tolerance * Math.max(1, Math.abs(t))) {
        return Math.exp(next);
      }
      t = next;
    }
    throw new ArithmeticException(
        "effective ridge did not converge for width="
            + width
            + ", samples="
            + samples
            + ", ridge="
            + ridge);
  }

  /**
   * The Newton step if it stays inside the bracket and moves gamma by at most a factor
   * e^MAX_LOG_STEP, else bisection (or a bounded step when the bracket is open on that side).
   */
  private static double safeguard(double next, double lo, double hi, double t) {
    if (Double.isFinite(next) && next > lo && next < hi) {
      return Math.max(t - MAX_LOG_STEP, Math.min(t + MAX_LOG_STEP, next));
    }
    if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
      return t; // cannot happen: each evaluation closes one side
    }
    if (Double.isInfinite(lo)) {
      return hi - Math.max(1.0, 2 * Math.abs(hi - t));
    }
    if (Double.isInfinite(hi)) {
      return lo + Math.max(1.0, 2 * Math.abs(t - lo));
    }
    return 0.5 * (lo + hi);
  }

  private static void requireRidge(double ridge) {
    if (!(ridge >= 0) || Double.isInfinite(ridge)) {
      throw new IllegalArgumentException("ridge must be finite and >= 0, found " + ridge);
    }
  }

  private static void check(double width, double samples) {
    if (!(width >= 1) || !(samples >= 1) || Double.isInfinite(samples)) {
      throw new IllegalArgumentException(
          "width must be >= 1 (or infinite) and samples finite >= 1, found width="
              + width
              + ", samples="
              + samples);
    }
  }
}
