package org.rfsweep.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The figures' grouped spectrum ({@link Spectrum#coarsened}) against the full one: the same
 * representable modes, far fewer entries, and estimates that agree far below a figure's pixel
 * (1.5e-2 in log risk) wherever a figure draws them, the ridgeless peak's flanks included.
 */
class CoarsenedSpectrumTest {
  private static final double SPREAD = 0.01;
  private static final double[] RIDGES = {0, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100};

  @Test
  void aPowerLawKeepsItsModesInAFewHundredEntries() {
    Spectrum full = Spectrum.powerLaw(1.5, 1.5, 2000);
    Spectrum coarse = full.coarsened(SPREAD);
    assertEquals(full.representableModes(), coarse.representableModes(), 0.0);
    assertEquals(full.largestEigenvalue(), coarse.largestEigenvalue(), 0.0);
    assertTrue(coarse.entries() < 600, "2,000 modes in " + coarse.entries() + " entries");
    assertTrue(
        Spectrum.powerLaw(1.5, 1.5, 10_000).coarsened(SPREAD).entries() < 800,
        "10,000 modes in a few hundred entries");
    assertThrows(IllegalStateException.class, () -> coarse.coarsened(SPREAD));
  }

  @Test
  void powerLawEstimatesAgreeFarBelowAPixel() {
    Spectrum full = Spectrum.powerLaw(1.5, 1.5, 2000);
    double worst = worstLogError(full, 0.5, new int[] {16, 64, 200, 1024});
    assertTrue(worst < 1e-4, "largest log-risk difference " + worst);
  }

  @Test
  void aMeasuredSpectrumWithZerosAndUnevenPowerAgreesToo() {
    // Eigenvalues spread unevenly over six decades, some exactly 0; target power unrelated to them.
    SplittableRandom random = new SplittableRandom(7);
    int modes = 3000;
    double[] lambda = new double[modes];
    double[] power = new double[modes];
    for (int i = 0; i < modes; i++) {
      lambda[i] = i % 97 == 5 ? 0 : Math.pow(10, -6 * random.nextDouble());
      power[i] = random.nextDouble() < 0.3 ? 0 : Math.pow(10, -4 * random.nextDouble());
    }
    Spectrum full = Spectrum.measured(lambda, power);
    Spectrum coarse = full.coarsened(SPREAD);
    assertEquals(full.representableModes(), coarse.representableModes(), 0.0);
    assertTrue(coarse.entries() < modes / 2, "fewer entries: " + coarse.entries());
    double worst = worstLogError(full, 0.1, new int[] {10, 300, 1000, 2900});
    assertTrue(worst < 1e-4, "largest log-risk difference " + worst);
  }

  /**
   * The largest |ln risk| difference, test and train, over widths and samples from the list (and
   * width inf) at every ridge, where the risk is finite and below 100 times the null predictor's
   * (what a figure's axis reaches).
   */
  private static double worstLogError(Spectrum full, double noise, int[] sizes) {
    Eigenframework exact = new Eigenframework(full, noise);
    // The null predictor's risk: the kernel limit at an infinite ridge's worth of shrinkage.
    double nullRisk = exact.estimate(1, 1, 1e12).testMse();
    Eigenframework coarse = new Eigenframework(full.coarsened(SPREAD), noise);
    double worst = 0;
    int compared = 0;
    double[] widths = new double[sizes.length + 1];
    for (int i = 0; i < sizes.length; i++) {
      widths[i] = sizes[i];
    }
    widths[sizes.length] = Double.POSITIVE_INFINITY;
    for (double width : widths) {
      for (int samples : sizes) {
        // Samples near the width too: the ridgeless peak's flanks, where errors are amplified.
        for (double n : new double[] {samples, samples * 0.97, samples * 1.03}) {
          RiskEstimate[] a = exact.estimate(width, n, RIDGES);
          RiskEstimate[] b = coarse.estimate(width, n, RIDGES);
          for (int r = 0; r < RIDGES.length; r++) {
            double test = a[r].testMse();
            if (!(Double.isFinite(test) && test < 100 * nullRisk)) {
              continue;
            }
            worst = Math.max(worst, Math.abs(Math.log(b[r].testMse() / test)));
            if (a[r].trainMse() > 1e-12) {
              worst = Math.max(worst, Math.abs(Math.log(b[r].trainMse() / a[r].trainMse())));
            }
            compared++;
          }
        }
      }
    }
    assertTrue(compared > 100, "compared " + compared);
    return worst;
  }
}
