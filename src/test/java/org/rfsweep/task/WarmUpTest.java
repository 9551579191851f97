package org.rfsweep.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;

class WarmUpTest {
  private static final String SPEC =
      """
      name: warm-up-test
      seed: 7
      task: {type: powerlaw, alpha: 1.5, beta: 1.3, noise: 0.2, modes: 300}
      features: relu
      grid: {widths: [16, 64, 100], samples: [32, 100], ridges: [0, 0.01, 1], seeds: 2}
      """;

  /** The fits a warm-up makes beside a run share nothing with it: the run's bits are the same. */
  @Test
  void aUnitFittedBesideTheWarmUpHasTheBitsOfOneFittedAlone() throws InterruptedException {
    JobSpec spec = SpecLoader.parse(SPEC, "warm-up-test.yaml");
    WorkUnit unit = GridPlan.of(spec).units().get(1);
    List<FitResult> alone = SparkUnitTask.runner(spec).run(unit);

    List<FitResult> beside;
    try (WarmUp warmUp = WarmUp.start(spec)) {
      beside = SparkUnitTask.runner(spec).run(unit);
      for (int wait = 0; wait < 600 && warmUp.cellsFitted() < 6; wait++) {
        Thread.sleep(50);
      }
      assertEquals(6, warmUp.cellsFitted(), "the warm-up fits the spec's six cells up to 128");
    }
    assertEquals(alone.size(), beside.size());
    for (int i = 0; i < alone.size(); i++) {
      FitResult a = alone.get(i);
      FitResult b = beside.get(i);
      assertTrue(
          a.width() == b.width() && a.samples() == b.samples() && a.ridge() == b.ridge(),
          "row " + i + " in the same order");
      assertEquals(Double.doubleToLongBits(a.testMse()), Double.doubleToLongBits(b.testMse()));
      assertEquals(Double.doubleToLongBits(a.trainMse()), Double.doubleToLongBits(b.trainMse()));
      assertEquals(Double.doubleToLongBits(a.looMse()), Double.doubleToLongBits(b.looMse()));
    }
  }

  /**
   * Closing it stops the warm-up after the cell in progress: a large grid is not warmed through.
   */
  @Test
  void closingStopsItBetweenCells() throws InterruptedException {
    JobSpec spec = SpecLoader.parse(SPEC.replace("seeds: 2", "seeds: 1"), "warm-up-test.yaml");
    WarmUp warmUp = WarmUp.start(spec);
    warmUp.close();
    int atClose = warmUp.cellsFitted();
    Thread.sleep(500);
    assertTrue(warmUp.cellsFitted() <= atClose + 1, "at most the cell in progress after close");
  }
}
