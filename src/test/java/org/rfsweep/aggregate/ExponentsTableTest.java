package org.rfsweep.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Exponent fits on synthetic sweeps with known exponents and seed noise: the true exponent must lie
 * inside the bootstrap interval, and the interval must be informative (narrow).
 */
class ExponentsTableTest {
  private static final double WIDTH_EXPONENT = 0.7;
  private static final double SAMPLE_EXPONENT = 0.35;
  private static final double OFFSET = 0.1;

  /**
   * Fig. 1 layout: widths swept at n = 256, samples swept at N = 256; two ridges, the better one is
   * the law.
   */
  private static List<SeedRisk> sweep(int seeds, double noise, long seed) {
    Random random = new Random(seed);
    List<SeedRisk> fits = new ArrayList<>();
    int[] axis = new int[16];
    for (int i = 0; i < axis.length; i++) {
      axis[i] = (int) Math.round(10 * Math.pow(1000, i / 15.0));
    }
    for (int s = 0; s < seeds; s++) {
      double seedEffect =
          1 + noise * random.nextGaussian(); // paired across cells, as a shared stream makes it
      for (int x : axis) {
        for (int[] cell : new int[][] {{x, 256}, {256, x}}) {
          double law =
              OFFSET
                  + 2.0 * Math.pow(cell[0], -WIDTH_EXPONENT)
                  + 3.0 * Math.pow(cell[1], -SAMPLE_EXPONENT);
          double value = law * seedEffect * (1 + noise * random.nextGaussian());
          fits.add(new SeedRisk(cell[0], cell[1], 0.1, s, value, 0.5 * value));
          fits.add(new SeedRisk(cell[0], cell[1], 1.0, s, 1.5 * value, 0.8 * value));
        }
      }
    }
    return fits;
  }

  @Test
  void knownExponentsLieInsideTheirBootstrapIntervals() {
    List<ExponentRow> rows = ExponentsTable.compute(sweep(30, 0.03, 5), Map.of(), 200, 11);
    ExponentRow joint =
        rows.stream().filter(r -> r.sweep().equals("joint")).findFirst().orElseThrow();
    assertTrue(
        joint.exponentLow() <= WIDTH_EXPONENT && WIDTH_EXPONENT <= joint.exponentHigh(),
        "width exponent "
            + WIDTH_EXPONENT
            + " outside ["
            + joint.exponentLow()
            + ", "
            + joint.exponentHigh()
            + "]");
    assertTrue(
        joint.exponent2Low() <= SAMPLE_EXPONENT && SAMPLE_EXPONENT <= joint.exponent2High(),
        "samples exponent outside [" + joint.exponent2Low() + ", " + joint.exponent2High() + "]");
    // At 3% noise over 30 seeds the interval is 0.036-0.061 wide (measured over ten draws).
    assertTrue(joint.exponentHigh() - joint.exponentLow() < 0.1, "interval uninformative");
    assertEquals(200, joint.bootstrapCount());
    assertEquals(11, joint.bootstrapSeed());
    // Along widths at n = 256 the law is E' + 2 N^-0.7 with E' = 0.1 + 3 * 256^-0.35.
    ExponentRow width =
        rows.stream()
            .filter(
                r ->
                    r.sweep().equals("width")
                        && r.model().equals("offset")
                        && r.fixedValue() == 256)
            .findFirst()
            .orElseThrow();
    assertTrue(
        width.exponentLow() <= WIDTH_EXPONENT && WIDTH_EXPONENT <= width.exponentHigh(),
        "[" + width.exponentLow() + ", " + width.exponentHigh() + "]");
    assertEquals(OFFSET + 3.0 * Math.pow(256, -SAMPLE_EXPONENT), width.offset(), 0.02);
  }

  @Test
  void intervalsDependOnTheBootstrapSeedAndNotOnTheRowOrder() {
    List<SeedRisk> fits = sweep(10, 0.05, 6);
    ExponentRow a = ExponentsTable.compute(fits, Map.of(), 50, 3).get(0);
    List<SeedRisk> shuffled = new java.util.ArrayList<>(fits);
    java.util.Collections.shuffle(shuffled, new Random(8)); // as Spark may collect them
    ExponentRow b = ExponentsTable.compute(shuffled, Map.of(), 50, 3).get(0);
    assertEquals(a.exponent(), b.exponent(), 1e-12, "the point estimate");
    assertEquals(a.exponentLow(), b.exponentLow(), 1e-12, "the interval");
    assertEquals(a.exponentHigh(), b.exponentHigh(), 1e-12, "the interval");
    ExponentRow c = ExponentsTable.compute(fits, Map.of(), 50, 4).get(0);
    assertTrue(
        a.exponentLow() != c.exponentLow() || a.exponentHigh() != c.exponentHigh(),
        "another bootstrap seed resamples other seeds");
  }

  @Test
  void theRowsAreTheSameBitsHoweverManyThreadsFitThem() throws Exception {
    // Each fit is a task of its own taken by whichever thread is free: the rows must not depend on
    // which, or on how many. Theory values too, so the theory's fits run among the others.
    List<SeedRisk> fits = sweep(12, 0.04, 9);
    Map<Long, OptimalTable.TheoryOptimum> theory = new java.util.HashMap<>();
    for (SeedRisk f : fits) {
      double law =
          OFFSET
              + 2.0 * Math.pow(f.width(), -WIDTH_EXPONENT)
              + 3.0 * Math.pow(f.samples(), -SAMPLE_EXPONENT);
      theory.put(
          OptimalTable.key(f.width(), f.samples()), new OptimalTable.TheoryOptimum(0.1, law, 1.0));
    }
    List<ExponentRow> common = ExponentsTable.compute(fits, theory, 60, 5);
    assertTrue(common.stream().anyMatch(r -> r.sweep().equals("joint")), "a joint row");
    assertTrue(common.stream().allMatch(r -> !Double.isNaN(r.theoryExponent())), "theory fits");
    for (int threads : new int[] {1, 3}) {
      java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
      try {
        assertEquals(
            common,
            pool.submit(() -> ExponentsTable.compute(fits, theory, 60, 5)).get(),
            threads + " threads");
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void ninetyFivePercentIntervalsCoverTheTrueExponentAboutThatOften() {
    // Ten independent sweeps; a 95% interval misses with probability 0.05, so 8 or more hits out
    // of 10 happen with probability 0.99. (A percentile bootstrap over 30 seeds is a little
    // narrow.)
    int covered = 0;
    for (long draw = 20; draw < 30; draw++) {
      ExponentRow joint =
          ExponentsTable.compute(sweep(30, 0.03, draw), Map.of(), 200, 11).stream()
              .filter(r -> r.sweep().equals("joint"))
              .findFirst()
              .orElseThrow();
      if (joint.exponentLow() <= WIDTH_EXPONENT && WIDTH_EXPONENT <= joint.exponentHigh()) {
        covered++;
      }
    }
    assertTrue(covered >= 8, "covered " + covered + " of 10");
  }
}
