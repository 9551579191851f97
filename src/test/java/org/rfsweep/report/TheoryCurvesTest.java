package org.rfsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rfsweep.run.RunContext;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.Specs;
import org.rfsweep.theory.Eigenframework;
import org.rfsweep.theory.OptimalRidge;
import org.rfsweep.theory.Spectrum;

/**
 * The figures' theory lines, placed where they bend, drawn as chords between their points: checked
 * against the theory evaluated on a grid ten times denser than the old evenly spaced lines.
 */
class TheoryCurvesTest {
  private static final double[] RIDGES = {0, 1e-3, 1e-2, 0.1, 1, 10, 100};
  private static final double NOISE = 0.5;
  private static final double CEILING = 50;

  /** The quickstart's task: alpha = beta = 1.5, 2,000 modes, noise 0.5. */
  private static TheoryCurves quickstartTheory() {
    String spec =
        Specs.smallWith("beta", "beta: 1.5")
            .replace("noise: 0.25", "noise: " + NOISE)
            .replace("modes: 300", "modes: 2000");
    return TheoryCurves.of(RunContext.of(SpecLoader.parse(spec, "t.yaml"), "test", "test"))
        .orElseThrow();
  }

  @Test
  void chordsBetweenThePointsStayWithinAFractionOfAPixelOfTheTheory() {
    TheoryCurves theory = quickstartTheory();
    Eigenframework exact = new Eigenframework(Spectrum.powerLaw(1.5, 1.5, 2000), NOISE);
    for (String axis : new String[] {"width", "samples"}) {
      TheoryCurves.Line line = theory.line(axis, 64, 16, 1024, RIDGES, CEILING);
      double[] xs = line.xs();
      assertTrue(
          xs.length < TheoryCurves.POINTS,
          axis + ": fewer points than the evenly spaced line had: " + xs.length);
      int checked = 0;
      for (int k = 0; k < 2000; k++) {
        double x = 16 * Math.pow(64, k / 1999.0);
        int right = 1;
        while (right < xs.length - 1 && xs[right] < x) {
          right++;
        }
        int left = right - 1;
        double width = axis.equals("width") ? x : 64;
        double samples = axis.equals("width") ? 64 : x;
        double[] truth = new double[RIDGES.length + 1];
        var estimates = exact.estimate(width, samples, RIDGES);
        for (int r = 0; r < RIDGES.length; r++) {
          truth[r] = estimates[r].testMse();
        }
        truth[RIDGES.length] = OptimalRidge.find(exact, width, samples).testMse();
        for (int r = 0; r <= RIDGES.length; r++) {
          double[] ys = r < RIDGES.length ? line.risks()[r] : line.optimal();
          if (!(drawn(ys[left]) && drawn(ys[right]) && drawn(truth[r]))) {
            continue; // a gap in the figure (the ridgeless peak, above the axis)
          }
          double w = Math.log(x / xs[left]) / Math.log(xs[right] / xs[left]);
          double chord = (1 - w) * Math.log(ys[left]) + w * Math.log(ys[right]);
          assertEquals(
              Math.log(truth[r]),
              chord,
              0.004,
              axis + " " + x + ", series " + r + ": the chord is a quarter of a pixel off");
          checked++;
        }
      }
      assertTrue(checked > 12_000, axis + ": most of the dense grid is drawn: " + checked);
    }
  }

  @Test
  void theRidgelessPeakIsDrawnCloseToItsAsymptote() {
    TheoryCurves.Line line = quickstartTheory().line("width", 64, 16, 1024, RIDGES, CEILING);
    double highest = 0;
    double[] zero = line.risks()[0];
    for (int i = 0; i < zero.length; i++) {
      if (drawn(zero[i])) {
        highest = Math.max(highest, zero[i]);
      }
    }
    // Evenly spaced points stopped where their spacing happened to leave them below the ceiling.
    assertTrue(highest > CEILING / 2, "the last drawn ridgeless point reaches up: " + highest);
    for (int i = 1; i < line.xs().length; i++) {
      assertTrue(line.xs()[i] > line.xs()[i - 1], "ascending points");
    }
  }

  private static boolean drawn(double risk) {
    return risk > 0 && Double.isFinite(risk) && risk <= CEILING;
  }
}
