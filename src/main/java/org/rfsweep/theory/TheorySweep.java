package org.rfsweep.theory;

import java.util.function.IntFunction;
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
        widths.length,
        i -> new Eigenframework(spectrum, noise).estimate(widths[i], samples[i], ridges));
  }

  /**
   * As {@link #estimates} for ascending ridges, each solve warm-started from the ridge before
   * ({@link Eigenframework#estimateAscending}): for dense theory lines, not for tables.
   */
  public static RiskEstimate[][] estimatesAscending(
      Spectrum spectrum, double noise, double[] widths, double[] samples, double[] ridges) {
    return perPair(
        widths.length,
        i -> new Eigenframework(spectrum, noise).estimateAscending(widths[i], samples[i], ridges));
  }

  private static RiskEstimate[][] perPair(int pairs, IntFunction<RiskEstimate[]> pair) {
    RiskEstimate[][] out = new RiskEstimate[pairs][];
    IntStream.range(0, pairs).parallel().forEach(i -> out[i] = pair.apply(i));
    return out;
  }

  /** The theory-optimal ridge of each (width, samples) pair. */
  public static OptimalRidge.Result[] optimal(
      Spectrum spectrum, double noise, double[] widths, double[] samples) {
    OptimalRidge.Result[] out = new OptimalRidge.Result[widths.length];
    IntStream.range(0, widths.length)
        .parallel()
        .forEach(
            i ->
                out[i] =
                    OptimalRidge.find(new Eigenframework(spectrum, noise), widths[i], samples[i]));
    return out;
  }
}
