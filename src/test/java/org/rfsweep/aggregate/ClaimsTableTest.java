package org.rfsweep.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each claim on fixtures where it must hold and where it must fail, at its boundary. */
class ClaimsTableTest {

  /**
   * A cell's optimum with mean test risk {@code test} +- {@code se}, fitting ratio {@code ratio}.
   */
  private static OptimalPoint cell(int width, int samples, double test, double se, double ratio) {
    return new OptimalPoint(
        width,
        samples,
        0.1,
        false,
        test,
        se,
        test * ratio,
        ratio,
        Double.NaN,
        test,
        ratio,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  private static Claim claim(List<Claim> claims, String name) {
    return claims.stream().filter(c -> c.claim().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Two widths at one sample count, the wider one's risk higher by {@code riseInSe} SE of the
   * difference.
   */
  private static List<OptimalPoint> widthStep(double riseInSe) {
    double se = 0.01;
    double rise = riseInSe * Math.hypot(se, se);
    return List.of(cell(64, 100, 1.0, se, 0.5), cell(128, 100, 1.0 + rise, se, 0.5));
  }

  @Test
  void moreFeaturesBetterToleratesARiseUpToTwoStandardErrors() {
    assertEquals(
        Claim.HOLDS,
        claim(ClaimsTable.compute(widthStep(1.99), List.of(), Double.NaN), "more_features_better")
            .verdict());
    Claim fails =
        claim(ClaimsTable.compute(widthStep(2.01), List.of(), Double.NaN), "more_features_better");
    assertEquals(Claim.FAILS, fails.verdict());
    assertEquals(1, fails.violations());
    assertEquals(2.01, fails.worst(), 1e-9);
    assertEquals(
        Claim.NOT_TESTED,
        claim(ClaimsTable.compute(widthStep(5), List.of(), Double.NaN), "more_data_better")
            .verdict(),
        "one sample count per width: nothing to compare along samples");
  }

  @Test
  void overfittingIsObligatoryOnlyWhereEveryOptimalFittingRatioIsBelowOne() {
    List<OptimalPoint> below = List.of(cell(64, 100, 1, 0.01, 0.2), cell(128, 100, 1, 0.01, 0.999));
    assertEquals(
        Claim.HOLDS,
        claim(ClaimsTable.compute(below, List.of(), Double.NaN), "overfitting_obligatory")
            .verdict());
    List<OptimalPoint> atOne = List.of(cell(64, 100, 1, 0.01, 0.2), cell(128, 100, 1, 0.01, 1.0));
    Claim fails =
        claim(ClaimsTable.compute(atOne, List.of(), Double.NaN), "overfitting_obligatory");
    assertEquals(Claim.FAILS, fails.verdict());
    assertEquals(1, fails.violations());
  }

  /** 20 curve points at N = 4n, each off the theory by {@code relative} and with SE {@code se}. */
  private static List<CurvePoint> curves(double relative, double se) {
    List<CurvePoint> points = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      double theory = 1.0 + i;
      double mean = theory * (1 + relative);
      points.add(
          new CurvePoint(
              400, 100, 0.01 * (i + 1), 8, 0, mean, se * mean, 0, 0, 0, 0, 0, 0, theory, 0));
    }
    return points;
  }

  @Test
  void theoryMatchesNeedsASmallMedianErrorAndMostPointsWithinThreeStandardErrors() {
    // 4% off with a 2% standard error: within 3 SE, median 0.04 <= 0.05.
    assertEquals(
        Claim.HOLDS,
        claim(
                ClaimsTable.compute(List.of(), curves(0.04, 0.02), Double.NaN),
                "theory_matches_experiment")
            .verdict());
    // 6% off: the median bound fails whatever the standard error.
    assertEquals(
        Claim.FAILS,
        claim(
                ClaimsTable.compute(List.of(), curves(0.06, 0.05), Double.NaN),
                "theory_matches_experiment")
            .verdict());
    // 4% off with a 1% standard error: outside 3 SE everywhere.
    assertEquals(
        Claim.FAILS,
        claim(
                ClaimsTable.compute(List.of(), curves(0.04, 0.01), Double.NaN),
                "theory_matches_experiment")
            .verdict());
  }
}
