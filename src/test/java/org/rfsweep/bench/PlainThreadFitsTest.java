package org.rfsweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;

/** The benchmark's plain-thread baseline fits every unit of the plan, task axes included. */
class PlainThreadFitsTest {
  @Test
  void everyRowOfThePlanIsFitted() {
    for (List<String> overrides :
        List.of(
            List.<String>of(),
            List.of("task.alpha=[1.3,1.6]"))) { // two task points: a runner for each
      List<String> small = new java.util.ArrayList<>(overrides);
      small.addAll(
          List.of("task.modes=60", "grid.widths=[8,16]", "grid.samples=[8,16]", "grid.seeds=3"));
      JobSpec spec = SpecLoader.load(Path.of("jobs/quickstart.yaml"), small);
      assertEquals(overrides.isEmpty() ? 1 : 2, spec.points().size());
      double[] result = PlainThreadFits.run(spec, 2);
      assertEquals(GridPlan.of(spec).rows(), (long) result[1], overrides.toString());
      assertTrue(result[0] > 0, "a wall time");
    }
  }
}
