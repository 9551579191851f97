package org.rfsweep.theory;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A task's eigenstructure as the theory needs it: kernel eigenvalues lambda_i >= 0 (one entry per
 * mode), the target power v_i^2 on each (summed over outputs for multi-output targets), and
 * optionally a power-law tail carried to infinity analytically. Eigenvalues of 0 are directions the
 * kernel cannot represent: their target power enters the bias in full.
 */
public final class Spectrum implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Explicit modes kept before the analytic tail; the midpoint error beyond is far below 1e-9
   * relative.
   */
  static final int EXPLICIT_MODES_BEFORE_TAIL = 10_000;

  private final double[] eigenvalues;
  private final double[] targetPower;
  private final transient PowerLawTail tail;
  private final double[]
      tailParameters; // alpha, beta, start; null without a tail (the tail itself is rebuilt)
  private final double representableModes;
  private final double largestEigenvalue;

  /**
   * Null, or a {@link #coarsened} spectrum's groups: entry k stands for {@code modeCounts[k]} modes
   * at eigenvalue {@code eigenvalues[k]} in z and q, and for target power {@code targetPower[k]} at
   * eigenvalue {@code powerEigenvalues[k]} in the bias sums.
   */
  private final double[] modeCounts;

  private final double[] powerEigenvalues;

  private Spectrum(double[] eigenvalues, double[] targetPower, double[] tailParameters) {
    this(eigenvalues, targetPower, tailParameters, null, null);
  }

  private Spectrum(
      double[] eigenvalues,
      double[] targetPower,
      double[] tailParameters,
      double[] modeCounts,
      double[] powerEigenvalues) {
    this.eigenvalues = eigenvalues;
    this.targetPower = targetPower;
    this.tailParameters = tailParameters;
    this.modeCounts = modeCounts;
    this.powerEigenvalues = powerEigenvalues;
    this.tail =
        tailParameters == null
            ? null
            : new PowerLawTail(tailParameters[0], tailParameters[1], tailParameters[2]);
    double count = 0;
    double largest = 0;
    for (int i = 0; i < eigenvalues.length; i++) {
      if (eigenvalues[i] > 0) {
        count += modeCounts == null ? 1 : modeCounts[i];
        largest = Math.max(largest, eigenvalues[i]);
      }
    }
    this.representableModes = tail != null ? Double.POSITIVE_INFINITY : count;
    this.largestEigenvalue = largest;
  }

  /** lambda_i = i^-alpha, v_i^2 = i^-beta for i = 1..modes: what the synthetic task simulates. */
  public static Spectrum powerLaw(double alpha, double beta, int modes) {
    double[] lambda = new double[modes];
    double[] power = new double[modes];
    for (int i = 0; i < modes; i++) {
      lambda[i] = Math.pow(i + 1.0, -alpha);
      power[i] = Math.pow(i + 1.0, -beta);
    }
    return new Spectrum(lambda, power, null);
  }

  /**
   * lambda_i = i^-alpha, v_i^2 = i^-beta for every i >= 1: modes 1..10^4 explicit, the rest as the
   * exact continuum integral from 10^4 + 1/2 to infinity. Needs 1 < beta < 1 + alpha.
   */
  public static Spectrum powerLawWithTail(double alpha, double beta) {
    Spectrum head = powerLaw(alpha, beta, EXPLICIT_MODES_BEFORE_TAIL);
    return new Spectrum(
        head.eigenvalues,
        head.targetPower,
        new double[] {alpha, beta, EXPLICIT_MODES_BEFORE_TAIL + 0.5});
  }

  /**
   * A measured spectrum: eigenvalues (>= 0; negative round-off is clamped to 0) and the target
   * power on each.
   */
  public static Spectrum measured(double[] eigenvalues, double[] targetPower) {
    if (eigenvalues.length != targetPower.length) {
      throw new IllegalArgumentException(
          "spectrum: "
              + eigenvalues.length
              + " eigenvalues but "
              + targetPower.length
              + " target powers");
    }
    double[] lambda = new double[eigenvalues.length];
    for (int i = 0; i < lambda.length; i++) {
      if (!Double.isFinite(eigenvalues[i])
          || !Double.isFinite(targetPower[i])
          || targetPower[i] < 0) {
        throw new IllegalArgumentException(
            "spectrum entry "
                + i
                + ": eigenvalue "
                + eigenvalues[i]
                + ", target power "
                + targetPower[i]
                + " (must be finite, power >= 0)");
      }
      lambda[i] = Math.max(0.0, eigenvalues[i]);
    }
    return new Spectrum(lambda, targetPower.clone(), null);
  }

  private Object readResolve() {
    return new Spectrum(eigenvalues, targetPower, tailParameters, modeCounts, powerEigenvalues);
  }

  /**
   * This spectrum with neighbouring modes grouped, for a figure's theory lines: modes whose
   * eigenvalues lie within a factor {@code exp(maxLogSpread)} of the group's largest become one
   * entry, at their mean log eigenvalue in z and q (weighted by count) and at their target-power
   * weighted mean log eigenvalue in the bias sums. Each sum's summands g are smooth in t =
   * ln(lambda), |g''| <= 4 |g|, and a group's members lie within maxLogSpread of their mean in t,
   * so a group's error, about |g''| / 2 times the members' variance in t, is at most maxLogSpread^2
   * / 2 of its share: 5e-5 at 0.01 (measured: within 1e-5 of the risks), against the 1.5e-2 of a
   * figure's pixel. A power law's first modes, spread wider apart, stay single and exact; its tail
   * shrinks to a few hundred entries (2,000 modes at alpha 1.5 to 480, 10,000 to 717). The analytic
   * tail, if any, is kept. Not for tables.
   */
  public Spectrum coarsened(double maxLogSpread) {
    if (modeCounts != null) {
      throw new IllegalStateException("spectrum is already coarsened");
    }
    Integer[] order = new Integer[eigenvalues.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(eigenvalues[b], eigenvalues[a]));
    double[] lambda = new double[order.length];
    double[] power = new double[order.length];
    double[] counts = new double[order.length];
    double[] powerLambda = new double[order.length];
    int groups = 0;
    for (int start = 0; start < order.length; ) {
      double first = eigenvalues[order[start]];
      int end = start + 1;
      if (first > 0) {
        double floor = first * Math.exp(-maxLogSpread);
        while (end < order.length && eigenvalues[order[end]] >= floor) {
          end++;
        }
      } else {
        end = order.length; // eigenvalue 0 (descending order): all the rest, exactly
      }
      double logSum = 0;
      double powerSum = 0;
      double powerLogSum = 0;
      for (int j = start; j < end; j++) {
        double l = eigenvalues[order[j]];
        double v = targetPower[order[j]];
        double log = l > 0 ? Math.log(l) : 0;
        logSum += log;
        powerSum += v;
        powerLogSum += v * log;
      }
      int size = end - start;
      if (size == 1 || first == 0) {
        lambda[groups] = first;
        powerLambda[groups] = first;
      } else {
        lambda[groups] = Math.exp(logSum / size);
        powerLambda[groups] = powerSum > 0 ? Math.exp(powerLogSum / powerSum) : lambda[groups];
      }
      power[groups] = powerSum;
      counts[groups] = size;
      groups++;
      start = end;
    }
    return new Spectrum(
        Arrays.copyOf(lambda, groups),
        Arrays.copyOf(power, groups),
        tailParameters,
        Arrays.copyOf(counts, groups),
        Arrays.copyOf(powerLambda, groups));
  }

  /** Number of modes with lambda > 0 (infinite with a tail). */
  public double representableModes() {
    return representableModes;
  }

  public double largestEigenvalue() {
    return largestEigenvalue;
  }

  /** Entries held explicitly. */
  public int entries() {
    return eigenvalues.length;
  }

  /** Room for {@link #sums}'s per-mode ratios: one per thread (the spectrum itself is shared). */
  double[][] scratch() {
    return new double[2][eigenvalues.length];
  }

  /**
   * Writes, at effective ridge gamma >= 0 and with L_i = lambda_i / (lambda_i + gamma): {@code
   * sums[0] = z = sum L}, {@code sums[1] = q = sum L^2}, {@code sums[2] = sum (1-L) v^2}, {@code
   * sums[3] = sum L (1-L) v^2}; {@code scratch} comes from {@link #scratch()}. At gamma > 0 the
   * ratios are formed in a loop of their own, which the JIT compiles to vector divisions, and
   * summed in a second one in the same order as one loop would: twice as fast, the same bits (at
   * lambda = 0, 0 / gamma and gamma / gamma are exactly the 0 and 1 the general case takes).
   */
  void sums(double gamma, double[] sums, double[][] scratch) {
    if (modeCounts != null) {
      groupedSums(gamma, sums);
      return;
    }
    double[] ratio = scratch[0];
    double[] complement = scratch[1];
    int modes = eigenvalues.length;
    if (gamma > 0) {
      for (int i = 0; i < modes; i++) {
        double denominator = eigenvalues[i] + gamma;
        ratio[i] = eigenvalues[i] / denominator;
        complement[i] = gamma / denominator; // 1 - L without cancellation when L is near 1
      }
    } else {
      for (int i = 0; i < modes; i++) {
        boolean representable = eigenvalues[i] > 0;
        ratio[i] = representable ? 1 : 0;
        complement[i] = representable ? 0 : 1;
      }
    }
    double z = 0;
    double q = 0;
    double outside = 0;
    double between = 0;
    for (int i = 0; i < modes; i++) {
      double l = ratio[i];
      double c = complement[i];
      z += l;
      q += l * l;
      outside += c * targetPower[i];
      between += l * c * targetPower[i];
    }
    store(gamma, sums, z, q, outside, between);
  }

  /**
   * {@link #sums} over a {@link #coarsened} spectrum's groups, in one loop with one division per
   * eigenvalue (the JIT's first tier, which a short report runs on, does not vectorise the two-loop
   * form).
   */
  private void groupedSums(double gamma, double[] sums) {
    double z = 0;
    double q = 0;
    double outside = 0;
    double between = 0;
    for (int k = 0; k < eigenvalues.length; k++) {
      double lambda = eigenvalues[k];
      double l;
      if (gamma > 0) {
        l = lambda / (lambda + gamma);
      } else {
        l = lambda > 0 ? 1 : 0;
      }
      z += modeCounts[k] * l;
      q += modeCounts[k] * l * l;
      double powerLambda = powerEigenvalues[k];
      double lp;
      double cp;
      if (gamma > 0) {
        double reciprocal = 1 / (powerLambda + gamma);
        lp = powerLambda * reciprocal;
        cp = gamma * reciprocal;
      } else {
        lp = powerLambda > 0 ? 1 : 0;
        cp = 1 - lp;
      }
      outside += cp * targetPower[k];
      between += lp * cp * targetPower[k];
    }
    store(gamma, sums, z, q, outside, between);
  }

  /** The four sums into {@code sums}, with the analytic tail's share added at gamma > 0. */
  private void store(
      double gamma, double[] sums, double z, double q, double outside, double between) {
    sums[0] = z;
    sums[1] = q;
    sums[2] = outside;
    sums[3] = between;
    if (tail != null && gamma > 0) {
      tail.addSums(gamma, sums);
    }
  }
}
