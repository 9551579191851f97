package org.rfsweep.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.run.JobColumns;

/** Corollary 1's claim across task points, on hand-made phase rows. */
class PhasesTableTest {

  private static JobColumns point(double alpha, double beta, double noise) {
    return new JobColumns(
        "k" + alpha + "/" + beta + "/" + noise,
        "powerlaw",
        alpha,
        beta,
        noise,
        100,
        10,
        "linear",
        null,
        null,
        null);
  }

  private static PhaseRow phase(String measured, String theory) {
    return new PhaseRow(256, 16, 0, 0, 0, 0, 0, theory, "n/a", measured, 0.1, 0.01, 1, 1, 1, 1);
  }

  @Test
  void holdsWhenZeroRidgeIsOptimalExactlyWhereBetaReachesAlpha() {
    List<JobColumns> columns =
        List.of(point(1.5, 2.0, 0), point(1.5, 1.2, 0), point(2.0, 1.5, 0.1));
    List<PhaseRow> phases = List.of(phase("yes", "yes"), phase("no", "no"), phase("no", "no"));
    Claim claim = PhasesTable.corollaryOne(columns, phases);
    assertEquals(Claim.HOLDS, claim.verdict());
    assertEquals(Claim.HOLDS, claim.theoryVerdict());
    assertEquals(3, claim.checked());
  }

  @Test
  void failsWhereEitherSideGoesAgainstIt() {
    List<JobColumns> columns = List.of(point(1.5, 2.0, 0), point(1.5, 1.2, 0));
    Claim above = PhasesTable.corollaryOne(columns, List.of(phase("no", "yes"), phase("no", "no")));
    assertEquals(Claim.FAILS, above.verdict());
    assertEquals(1, above.violations());
    Claim below =
        PhasesTable.corollaryOne(columns, List.of(phase("yes", "yes"), phase("yes", "no")));
    assertEquals(Claim.FAILS, below.verdict());
    Claim theory =
        PhasesTable.corollaryOne(columns, List.of(phase("yes", "no"), phase("no", "no")));
    assertEquals(Claim.HOLDS, theory.verdict());
    assertEquals(Claim.FAILS, theory.theoryVerdict());
  }

  @Test
  void notTestedWithoutPointsOnBothSidesOrWithNoisyPointsAboveTheLine() {
    Claim oneSide =
        PhasesTable.corollaryOne(
            List.of(point(1.5, 2.0, 0), point(2.0, 2.5, 0)),
            List.of(phase("yes", "yes"), phase("yes", "yes")));
    assertEquals(Claim.NOT_TESTED, oneSide.verdict());
    // With noise the boundary moves: a noisy point above the line is not evidence either way.
    Claim noisy =
        PhasesTable.corollaryOne(
            List.of(point(1.5, 2.0, 0.5), point(1.5, 1.2, 0)),
            List.of(phase("no", "no"), phase("no", "no")));
    assertEquals(Claim.NOT_TESTED, noisy.verdict());
  }

  @Test
  void zeroRidgeExcessIsPairedOverSeeds() {
    List<SeedRisk> seeds = new ArrayList<>();
    double[] atZero = {1.0, 2.0, 3.0};
    double[] atBest = {0.9, 1.8, 2.9};
    for (int s = 0; s < 3; s++) {
      seeds.add(new SeedRisk(64, 8, 0.0, s, atZero[s], 0));
      seeds.add(new SeedRisk(64, 8, 0.1, s, atBest[s], 0));
      seeds.add(new SeedRisk(64, 16, 0.0, s, 99, 0)); // another cell
    }
    OptimalPoint cell =
        new OptimalPoint(
            64,
            8,
            0.1,
            false,
            1.87,
            0.6,
            0,
            0,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN);
    double[] excess = PhasesTable.zeroExcess(seeds, 64, 8, cell);
    // differences 0.1, 0.2, 0.1: mean 0.1333, sd 0.0577, se 0.0333; unpaired se would be ~0.6
    assertEquals(0.4 / 3, excess[0], 1e-12);
    assertEquals(
        Math.sqrt((2 * Math.pow(0.1 - 0.4 / 3, 2) + Math.pow(0.2 - 0.4 / 3, 2)) / 2 / 3),
        excess[1],
        1e-12);
  }
}
