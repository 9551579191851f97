package org.rfsweep.theory;

import java.util.function.ObjIntConsumer;
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
    return estimates(spectrum, noise, widths, samples, ridges, Eigenframework::estimate);
  }

  /**
   * As {@link #estimates} for ascending ridges, each solve warm-started from the ridge before
   * ({@link Eigenframework#estimateAscending}): for dense theory lines, not for tables.
   */
  public static RiskEstimate[][] estimatesAscending(
      Spectrum spectrum, double noise, double[] widths, double[] samples, double[] ridges) {
    return estimates(spectrum, noise, widths, samples, ridges, Eigenframework::estimateAscending);
  }

  /** One pair's estimates at every ridge. */
  private interface PairEstimates {
    RiskEstimate[] of(Eigenframework theory, double width, double samples, double[] ridges);
  }

  private static RiskEstimate[][] estimates(
      Spectrum spectrum,
      double noise,
      double[] widths,
      double[] samples,
      double[] ridges,
      PairEstimates solve) {
    RiskEstimate[][] out = new RiskEstimate[widths.length][];
    forEachPair(
        spectrum,
        noise,
        widths.length,
        (theory, i) -> out[i] = solve.of(theory, widths[i], samples[i], ridges));
    return out;
  }

  /** The theory-optimal ridge of each (width, samples) pair. */
  public static OptimalRidge.Result[] optimal(
      Spectrum spectrum, double noise, double[] widths, double[] samples) {
    return optimal(spectrum, noise, widths, samples, OptimalRidge::find);
  }

  /**
   * As {@link #optimal}, searched as for a dense theory line ({@link OptimalRidge#findForCurve}):
   * for figures, not for tables.
   */
  public static OptimalRidge.Result[] optimalForCurves(
      Spectrum spectrum, double noise, double[] widths, double[] samples) {
    return optimal(spectrum, noise, widths, samples, OptimalRidge::findForCurve);
  }

  /** One pair's optimal ridge. */
  private interface PairOptimum {
    OptimalRidge.Result of(Eigenframework theory, double width, double samples);
  }

  private static OptimalRidge.Result[] optimal(
      Spectrum spectrum, double noise, double[] widths, double[] samples, PairOptimum search) {
    OptimalRidge.Result[] out = new OptimalRidge.Result[widths.length];
    forEachPair(
        spectrum,
        noise,
        widths.length,
        (theory, i) -> out[i] = search.of(theory, widths[i], samples[i]));
    return out;
  }

  /**
   * Runs {@code body} for every pair in parallel, with one {@link Eigenframework} per thread: it
   * holds a pass's scratch of two doubles per mode, which a fresh one per pair would allocate
   * again, and no state from one pair to the next.
   */
  private static void forEachPair(
      Spectrum spectrum, double noise, int pairs, ObjIntConsumer<Eigenframework> body) {
    ThreadLocal<Eigenframework> theory =
        ThreadLocal.withInitial(() -> new Eigenframework(spectrum, noise));
    IntStream.range(0, pairs).parallel().forEach(i -> body.accept(theory.get(), i));
  }
}
