package org.rfsweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.Specs;

/**
 * The small cells measured side by side: the sweep's own fit of each cell and LAPACK alone on its
 * shapes, both timed here with the native library.
 */
class SmallCellCostTest {

  @Test
  void eachCellIsFittedAndTimedBesideLapackAlone() {
    NativeLinalg.initialise(1);
    JobSpec spec = SpecLoader.parse(Specs.small(), "small.yaml");
    List<List<Integer>> shapes = List.of(List.of(8, 16), List.of(24, 16), List.of(48, 40));
    SmallCellCost.Cost cost = SmallCellCost.sideBySide(spec, shapes);
    assertEquals(shapes, cost.shapes());
    assertEquals(3, cost.cells());
    assertTrue(cost.lapackSeconds() > 0, "LAPACK timed: " + cost);
    assertTrue(cost.fitSeconds() > 0, "fits timed: " + cost);
    // The exact test risk is part of the fit's seconds, never more.
    assertTrue(
        cost.testRiskSeconds() > 0 && cost.testRiskSeconds() < cost.fitSeconds(),
        "the risk inside the fit: " + cost);
    // A fit does LAPACK's work and more; well under a second for cells this small.
    assertTrue(cost.fitSeconds() < 1.0, "small cells stay small: " + cost);
  }
}
