package org.rfsweep.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EigenframeworkTest {
  /** The solver converges to ~1e-14 in log gamma; identities are checked a little above that. */
  private static final double SOLVER_TOLERANCE = 1e-10;

  private static final Spectrum POWER_LAW = Spectrum.powerLaw(1.5, 1.3, 5000);
  private static final double NOISE = 0.2;

  private static double[] sums(Spectrum spectrum, double gamma) {
    double[] s = new double[4];
    spectrum.sums(gamma, s, spectrum.scratch());
    return s;
  }

  /**
   * The sums are formed in two loops (ratios, then sums) so the ratios vectorise: they must be the
   * bits one loop over the modes gives, zero eigenvalues and gamma = 0 included.
   */
  @Test
  void sumsAreTheBitsOfOneLoopOverTheModes() {
    Random random = new Random(5);
    double[] lambda = new double[777];
    double[] power = new double[lambda.length];
    for (int i = 0; i < lambda.length; i++) {
      lambda[i] = i % 7 == 3 ? 0 : Math.pow(i + 1, -1.5) * Math.exp(0.1 * random.nextGaussian());
      power[i] = Math.pow(i + 1, -1.2);
    }
    Spectrum spectrum = Spectrum.measured(lambda, power);
    for (double gamma : new double[] {0, 1e-9, 3.7e-4, 0.02, 1, 1e3}) {
      double z = 0;
      double q = 0;
      double outside = 0;
      double between = 0;
      for (int i = 0; i < lambda.length; i++) {
        double l = lambda[i] > 0 ? lambda[i] / (lambda[i] + gamma) : 0;
        double c = lambda[i] > 0 ? gamma / (lambda[i] + gamma) : 1;
        z += l;
        q += l * l;
        outside += c * power[i];
        between += l * c * power[i];
      }
      assertTrue(
          java.util.Arrays.equals(new double[] {z, q, outside, between}, sums(spectrum, gamma)),
          "gamma " + gamma);
    }
  }

  /**
   * Theory lines solve each ridge from the one before: the same estimates as solving each alone, to
   * far below what a figure shows (the solver stops at 1e-14 in log gamma).
   */
  @ParameterizedTest(name = "width={0} samples={1}")
  @CsvSource({"100,300", "300,100", "200,200", "50,2000", "2000,50", "Infinity,400"})
  void ascendingRidgesGiveTheEstimatesOfSeparateSolves(double width, double samples) {
    double[] ridges = new double[42];
    for (int r = 1; r < ridges.length; r++) {
      ridges[r] = 1e-6 * Math.pow(10, r / 5.0);
    }
    Eigenframework theory = new Eigenframework(POWER_LAW, NOISE);
    RiskEstimate[] separate = theory.estimate(width, samples, ridges);
    RiskEstimate[] ascending = theory.estimateAscending(width, samples, ridges);
    for (int r = 0; r < ridges.length; r++) {
      double test = separate[r].testMse();
      assertEquals(test, ascending[r].testMse(), 1e-12 * test, "test risk at ridge " + ridges[r]);
      double gamma = separate[r].gamma();
      assertEquals(gamma, ascending[r].gamma(), 1e-12 * gamma, "gamma at ridge " + ridges[r]);
    }
  }

  /**
   * A dense line solves each point from the point before: along widths through the interpolation
   * threshold N = n, and along samples up to and beyond the spectrum's modes (where gamma_min
   * becomes 0), the estimates of solving each point alone; infinite where those are.
   */
  @ParameterizedTest(name = "along {0} at {1}")
  @CsvSource({"width,128", "samples,64", "samples,Infinity"})
  void aLineSolvedPointAfterPointGivesTheEstimatesOfSeparateSolves(String axis, double fixed) {
    double[] ridges = {0, 1e-4, 1e-3, 1e-2, 0.1, 1, 10};
    int points = 150;
    double[] widths = new double[points];
    double[] samples = new double[points];
    for (int i = 0; i < points; i++) {
      double x = 8 * Math.pow(4000 / 8.0, i / (points - 1.0));
      widths[i] = axis.equals("width") ? x : fixed;
      samples[i] = axis.equals("width") ? fixed : x;
    }
    Spectrum finite = Spectrum.powerLaw(1.5, 1.2, 2000);
    Eigenframework theory = new Eigenframework(finite, NOISE);
    RiskEstimate[][] line = new RiskEstimate[points][];
    line[0] = theory.estimateAscending(widths[0], samples[0], ridges);
    for (int i = 1; i < points; i++) {
      line[i] = theory.estimateNear(widths[i], samples[i], ridges, line[i - 1]);
    }
    for (int i = 0; i < points; i++) {
      RiskEstimate[] separate = theory.estimate(widths[i], samples[i], ridges);
      for (int r = 0; r < ridges.length; r++) {
        String where = "N=" + widths[i] + " n=" + samples[i] + " ridge " + ridges[r];
        double test = separate[r].testMse();
        if (Double.isInfinite(test)) {
          assertEquals(test, line[i][r].testMse(), where);
          continue;
        }
        // Figures solve to 1e-8 in ln gamma: far below a pixel (1e-3), not to the last bits.
        assertEquals(test, line[i][r].testMse(), 1e-7 * test, "test risk at " + where);
        double gamma = separate[r].gamma();
        assertEquals(gamma, line[i][r].gamma(), 1e-7 * gamma, "gamma at " + where);
      }
    }
  }

  @ParameterizedTest(name = "width={0} samples={1} ridge={2}")
  @CsvSource({
    "100,300,0.01",
    "300,100,0.01",
    "200,200,1.0",
    "50,2000,1e-5",
    "2000,50,3",
    "Infinity,400,0.1"
  })
  void effectiveRidgesSolveTheTwoDefiningEquations(double width, double samples, double ridge) {
    RiskEstimate e = new Eigenframework(POWER_LAW, NOISE).estimate(width, samples, ridge);
    double z = sums(POWER_LAW, e.gamma())[0];
    assertEquals(samples, z + ridge / e.kappa(), SOLVER_TOLERANCE * samples);
    if (Double.isFinite(width)) {
      assertEquals(width, z + width * e.kappa() / e.gamma(), SOLVER_TOLERANCE * width);
    } else {
      assertEquals(e.gamma(), e.kappa());
    }
  }

  @ParameterizedTest(name = "samples={0} ridge={1}")
  @CsvSource({"100,0", "100,0.01", "1000,0.001", "1000,1"})
  void kernelLimitIsReachedAsWidthGrowsAndMatchesTheKrrFormula(double samples, double ridge) {
    Eigenframework theory = new Eigenframework(POWER_LAW, NOISE);
    RiskEstimate krr = theory.estimate(Double.POSITIVE_INFINITY, samples, ridge);
    // KRR: kappa = gamma solves n = z + ridge/gamma; E_te = n/(n - q) (sum (1 - L)^2 v^2 +
    // sigma^2).
    double[] s = sums(POWER_LAW, krr.gamma());
    double z = ridge == 0 ? samples : s[0];
    assertEquals(samples, z + (ridge == 0 ? 0 : ridge / krr.gamma()), SOLVER_TOLERANCE * samples);
    double bias = s[2] - s[3]; // sum (1-L) v^2 - sum L(1-L) v^2 = sum (1-L)^2 v^2
    assertEquals(samples / (samples - s[1]) * (bias + NOISE), krr.testMse(), 1e-12 * krr.testMse());
    double previousGap = Double.POSITIVE_INFINITY;
    for (double width : new double[] {1e4, 1e6, 1e8}) {
      double gap = Math.abs(theory.estimate(width, samples, ridge).testMse() / krr.testMse() - 1);
      assertTrue(gap < previousGap, "not converging at width " + width);
      previousGap = gap;
    }
    assertTrue(previousGap < 1e-5, "width 1e8 still " + previousGap + " from the kernel limit");
  }

  @ParameterizedTest(name = "width={0} samples={1}")
  @CsvSource({"400,100", "120,100", "5000,30"})
  void ridgelessUnderparameterisedInSamplesInterpolates(double width, double samples) {
    RiskEstimate e = new Eigenframework(POWER_LAW, NOISE).estimate(width, samples, 0.0);
    double[] s = sums(POWER_LAW, e.gamma());
    assertEquals(samples, s[0], SOLVER_TOLERANCE * samples);
    assertEquals(0.0, e.trainMse());
    double q = s[1];
    assertEquals(
        samples * (width - q) / ((width - samples) * (samples - q)),
        e.overfitting(),
        1e-9 * e.overfitting());
  }

  @ParameterizedTest(name = "width={0} samples={1}")
  @CsvSource({"100,400", "100,120", "30,5000"})
  void ridgelessWithMoreSamplesThanFeatures(double width, double samples) {
    RiskEstimate e = new Eigenframework(POWER_LAW, NOISE).estimate(width, samples, 0.0);
    assertEquals(samples / (samples - width), e.overfitting(), 1e-9 * e.overfitting());
    double shrink = (samples - width) / samples;
    assertEquals(shrink * shrink * e.testMse(), e.trainMse(), 1e-12 * e.trainMse());
    assertTrue(e.trainMse() > 0);
  }

  @Test
  void ridgelessPeakAtWidthEqualsSamplesIsInfiniteNeverNaN() {
    Eigenframework theory = new Eigenframework(POWER_LAW, NOISE);
    RiskEstimate peak = theory.estimate(200, 200, 0.0);
    assertEquals(Double.POSITIVE_INFINITY, peak.testMse());
    assertEquals(0.0, peak.trainMse());
    assertFalse(Double.isNaN(peak.fittingRatio()));
    // Approaching it from either side or with a vanishing ridge, the risk grows without bound.
    assertTrue(
        theory.estimate(199, 200, 0.0).testMse() > 20 * theory.estimate(150, 200, 0.0).testMse());
    assertTrue(theory.estimate(200, 200, 1e-9).testMse() > 1e3);
  }

  @Test
  void smallRidgeApproachesRidgeless() {
    Eigenframework theory = new Eigenframework(POWER_LAW, NOISE);
    for (double[] shape : new double[][] {{300, 100}, {100, 300}}) {
      double ridgeless = theory.estimate(shape[0], shape[1], 0.0).testMse();
      double tiny = theory.estimate(shape[0], shape[1], 1e-12).testMse();
      assertEquals(ridgeless, tiny, 1e-6 * ridgeless);
    }
  }

  @Test
  void targetPowerOnUnrepresentableDirectionsEntersTheBiasInFull() {
    double[] lambda = new double[400];
    double[] power = new double[400];
    for (int i = 0; i < 400; i++) {
      lambda[i] = Math.pow(i + 1, -1.4);
      power[i] = Math.pow(i + 1, -1.2);
    }
    double extra = 0.37;
    double[] lambdaWithZeros = java.util.Arrays.copyOf(lambda, 403);
    double[] powerWithZeros = java.util.Arrays.copyOf(power, 403);
    powerWithZeros[400] = 0.2;
    powerWithZeros[401] = 0.17;
    Eigenframework base = new Eigenframework(Spectrum.measured(lambda, power), NOISE);
    Eigenframework withZeros =
        new Eigenframework(Spectrum.measured(lambdaWithZeros, powerWithZeros), NOISE);
    for (double[] point :
        new double[][] {{100, 50, 0}, {50, 100, 0.01}, {Double.POSITIVE_INFINITY, 80, 0.1}}) {
      RiskEstimate a = base.estimate(point[0], point[1], point[2]);
      RiskEstimate b = withZeros.estimate(point[0], point[1], point[2]);
      assertEquals(a.gamma(), b.gamma(), 1e-12 * a.gamma());
      assertEquals(a.testMse() + a.overfitting() * extra, b.testMse(), 1e-12 * b.testMse());
    }
  }

  @Test
  void moreSamplesThanModesGivesGammaMinZeroAndAFiniteRisk() {
    Spectrum few = Spectrum.powerLaw(1.5, 1.5, 50);
    RiskEstimate e = new Eigenframework(few, NOISE).estimate(200, 400, 0.0);
    assertEquals(0.0, e.gamma());
    assertEquals(400.0 / (400 - 50), e.overfitting(), 1e-12);
    assertEquals(400.0 / 350 * NOISE, e.testMse(), 1e-12);
  }

  @Test
  void theorem1OptimalRiskNeverIncreasesWithWidthOrSamples() {
    Random random = new Random(2024);
    double[] sizes = {5, 10, 20, 40, 80, 160, 320, 640, Double.POSITIVE_INFINITY};
    for (int trial = 0; trial < 12; trial++) {
      int modes = 300 + random.nextInt(500);
      double[] lambda = new double[modes];
      double[] power = new double[modes];
      double alpha = 1.05 + random.nextDouble();
      for (int i = 0; i < modes; i++) {
        // A power law with random multiplicative wiggles, and a random, non-monotone target.
        lambda[i] = Math.pow(i + 1, -alpha) * Math.exp(0.5 * random.nextGaussian());
        power[i] = Math.pow(i + 1, -(1.0 + random.nextDouble())) * random.nextDouble();
      }
      double noise = random.nextDouble();
      Eigenframework theory = new Eigenframework(Spectrum.measured(lambda, power), noise);
      for (double fixed : new double[] {30, 200}) {
        double previousInWidth = Double.POSITIVE_INFINITY;
        double previousInSamples = Double.POSITIVE_INFINITY;
        for (double size : sizes) {
          double inWidth = OptimalRidge.find(theory, size, fixed).testMse();
          assertTrue(
              inWidth <= previousInWidth * (1 + 1e-9),
              "trial "
                  + trial
                  + ": optimal risk rose with width "
                  + size
                  + " at samples "
                  + fixed
                  + ": "
                  + previousInWidth
                  + " -> "
                  + inWidth);
          previousInWidth = inWidth;
          if (Double.isFinite(size)) {
            double inSamples = OptimalRidge.find(theory, fixed, size).testMse();
            assertTrue(
                inSamples <= previousInSamples * (1 + 1e-9),
                "trial "
                    + trial
                    + ": optimal risk rose with "
                    + "samples "
                    + size
                    + " at width "
                    + fixed
                    + ": "
                    + previousInSamples
                    + " -> "
                    + inSamples);
            previousInSamples = inSamples;
          }
        }
      }
    }
  }

  @Test
  void optimalRidgeBeatsEveryRidgeOnAFineGrid() {
    Eigenframework theory = new Eigenframework(POWER_LAW, 0.5);
    OptimalRidge.Result best = OptimalRidge.find(theory, 300, 200);
    assertTrue(best.ridge() > 0);
    for (double logRidge = -6; logRidge <= 3; logRidge += 0.05) {
      double risk = theory.estimate(300, 200, Math.pow(10, logRidge)).testMse();
      assertTrue(
          best.testMse() <= risk * (1 + 1e-10), "ridge 1e" + logRidge + " beats the optimum");
    }
    assertEquals(best.trainMse() / best.testMse(), best.fittingRatio(), 1e-15);
    assertEquals(
        best.testMse(), theory.estimate(300, 200, best.ridge()).testMse(), 1e-9 * best.testMse());
  }

  /**
   * The dense lines' search (16-point scan, Brent) finds the tables' optimum (64-point scan, golden
   * section) on 288 cells of four tasks, noise 0 and width inf included: the same risk to 1e-12
   * (measured 3e-14) and the same ridge to 1e-4 (measured 1.4e-5: the risk is flat there), or both
   * ridgeless.
   */
  @Test
  void theCurvesSearchFindsTheTablesOptimum() {
    double[][] tasks = {
      {1.5, 1.5, 0.5, 2000}, {1.5, 1.3, 0.2, 8192}, {1.2, 1.8, 0, 10000}, {2, 1.2, 1, 500}
    };
    double[] widths = {8, 16, 50, 100, 300, 1000, 1500, 3000, Double.POSITIVE_INFINITY};
    double[] samples = {8, 20, 64, 128, 500, 1024, 2000, 5000};
    int ridgeless = 0;
    for (double[] task : tasks) {
      Eigenframework theory =
          new Eigenframework(Spectrum.powerLaw(task[0], task[1], (int) task[3]), task[2]);
      for (double width : widths) {
        for (double n : samples) {
          OptimalRidge.Result table = OptimalRidge.find(theory, width, n);
          OptimalRidge.Result curve = OptimalRidge.findForCurve(theory, width, n, Double.NaN);
          String cell = java.util.Arrays.toString(task) + " N=" + width + " n=" + n;
          assertEquals(table.testMse(), curve.testMse(), 1e-12 * table.testMse(), cell);
          assertEquals(table.ridge(), curve.ridge(), 1e-4 * table.ridge(), cell);
          ridgeless += table.ridge() == 0 ? 1 : 0;
        }
      }
    }
    assertTrue(
        ridgeless > 0 && ridgeless < 288, "both kinds of optimum are compared: " + ridgeless);
  }
}
