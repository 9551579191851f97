package org.rfsweep.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Recovery of known exponents from synthetic curves, exact and with multiplicative noise and an
 * outlier.
 */
class PowerLawFitTest {
  private static double[] logspace(double from, double to, int count) {
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = Math.round(from * Math.pow(to / from, i / (count - 1.0)));
    }
    return x;
  }

  @Test
  void pureLawIsRecoveredExactly() {
    double[] x = logspace(10, 1e4, 20);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 3.0 * Math.pow(x[i], -0.7);
    }
    PowerLawFit.Fit fit = PowerLawFit.pure(x, y);
    assertEquals(0.7, fit.exponent(), 1e-10);
    assertEquals(3.0, fit.amplitude(), 1e-9);
  }

  @Test
  void offsetLawIsRecoveredDespiteNoiseAndAnOutlier() {
    double[] x = logspace(10, 1e4, 25);
    double[] y = new double[x.length];
    Random random = new Random(3);
    for (int i = 0; i < x.length; i++) {
      y[i] = (0.4 + 5.0 * Math.pow(x[i], -0.55)) * Math.exp(0.01 * random.nextGaussian());
    }
    y[7] *= 1.6; // one bad cell
    PowerLawFit.Fit fit = PowerLawFit.offset(x, y);
    assertEquals(0.55, fit.exponent(), 0.05);
    assertEquals(0.4, fit.offset(), 0.03);
    assertEquals(5.0, fit.amplitude(), 0.6);
  }

  @Test
  void jointLawSeparatesWidthAndSampleExponents() {
    // The paper's Fig. 1 layout: a width sweep at n = 256 and a sample sweep at N = 256.
    double[] sweep = logspace(10, 1e4, 20);
    int points = 2 * sweep.length;
    double[] widths = new double[points];
    double[] samples = new double[points];
    double[] y = new double[points];
    for (int i = 0; i < sweep.length; i++) {
      widths[i] = sweep[i];
      samples[i] = 256;
      widths[sweep.length + i] = 256;
      samples[sweep.length + i] = sweep[i];
    }
    for (int i = 0; i < points; i++) {
      y[i] = 0.2 + 2.0 * Math.pow(widths[i], -0.8) + 6.0 * Math.pow(samples[i], -0.4);
    }
    PowerLawFit.JointFit fit = PowerLawFit.joint(widths, samples, y);
    assertEquals(0.8, fit.exponentWidth(), 1e-3);
    assertEquals(0.4, fit.exponentSamples(), 1e-3);
    assertEquals(0.2, fit.offset(), 1e-3);
  }
}
