package org.rfsweep.theory;

import java.util.stream.IntStream;

/**
 * Theory for many points at once, parallel over (width, samples) pairs on all cores; each pair
 * shares gamma_min across its ridges.
 */
public final class TheorySweep {
  private TheorySweep() {}

  /**
   * @param widths width of each pair (Double.POSITIVE_INFINITY for kernel regression)
   * @param samples samples of each pair, same length as widths
   * @return estimates[pair][ridge]
   */
  public static RiskEstimate[][] estimates(
      Spectrum spectrum, double noise, double[] widths, double[] samples, double[] ridges) {
    return perPair(
        spectrum,
        noise,
        widths,
        samples,
        new RiskEstimate[widths.length][],
        (theory, width, n) -> theory.estimate(width, n, ridges));
  }

  /**
   * As {@link #estimates} for ascending ridges, each solve warm-started from the ridge before
   * ({@link Eigenframework#estimateAscending}): for dense theory lines, not for tables.
   */
  public static RiskEstimate[][] estimatesAscending(
      Spectrum spectrum, double noise, double[] widths, double[] samples, double[] ridges) {
    return perPair(
        spectrum,
        noise,
        widths,
        samples,
        new RiskEstimate[widths.length][],
        (theory, width, n) -> theory.estimateAscending(width, n, ridges));
  }

  /** The theory-optimal ridge of each (width, samples) pair. */
  public static OptimalRidge.Result[] optimal(
      Spectrum spectrum, double noise, double[] widths, double[] samples) {
    return perPair(
        spectrum,
        noise,
        widths,
        samples,
        new OptimalRidge.Result[widths.length],
        OptimalRidge::find);
  }

  /** What is computed for one (width, samples) pair. */
  private interface Pair<T> {
    T of(Eigenframework theory, double width, double samples);
  }

  /**
   * Fills {@code out[i]} for every pair i in parallel, with one {@link Eigenframework} per thread:
   * it holds a pass's scratch of two doubles per mode, which a fresh one per pair would allocate
   * again, and no state from one pair to the next.
   */
  private static <T> T[] perPair(
      Spectrum spectrum,
      double noise,
      double[] widths,
      double[] samples,
      T[] out,
      Pair<T> compute) {
    ThreadLocal<Eigenframework> theory =
        ThreadLocal.withInitial(() -> new Eigenframework(spectrum, noise));
    IntStream.range(0, out.length)
        .parallel()
        .forEach(i -> out[i] = compute.of(theory.get(), widths[i], samples[i]));
    return out;
  }
}
