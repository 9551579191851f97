package org.rfsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.Specs;

class CostModelTest {

  @Test
  void aSlotOfUnitsOfOneShapeHoldsWhatOneUnitHolds() {
    JobSpec spec = SpecLoader.parse(Specs.small(), "t");
    List<CostModel.UnitCost> costs =
        GridPlan.of(spec).units().stream().map(u -> CostModel.of(spec, u)).toList();
    assertEquals(costs.get(0).peakBytes(), CostModel.slotPeakBytes(costs));
    CostModel.Kept kept = costs.get(0).kept();
    assertTrue(kept.total() > 0 && kept.total() <= costs.get(0).peakBytes(), kept.toString());
  }

  @Test
  void aSlotKeepsEachKindOfArrayAtTheLargestItsUnitsMadeIt() {
    JobSpec spec = SpecLoader.parse(Specs.small(), "t");
    // A wide bank over few samples, then many samples over a narrow bank: the thread ends up
    // holding the first's bank and the second's strips, more than either unit alone.
    CostModel.UnitCost wide = CostModel.of(spec, new WorkUnit(0, List.of(new Cell(3000, 16))));
    CostModel.UnitCost tall = CostModel.of(spec, new WorkUnit(0, List.of(new Cell(8, 20000))));
    long slot = CostModel.slotPeakBytes(List.of(wide, tall));
    assertTrue(slot > Math.max(wide.peakBytes(), tall.peakBytes()), slot + " bytes");
    long besides =
        Math.max(wide.peakBytes() - wide.kept().total(), tall.peakBytes() - tall.kept().total());
    assertEquals(besides + wide.kept().max(tall.kept()).total(), slot);
    assertEquals(wide.kept().bank(), wide.kept().max(tall.kept()).bank());
    assertEquals(tall.kept().strips(), wide.kept().max(tall.kept()).strips());
  }

  @Test
  void theNightlyGridsSubUnitsNeedALittleMoreThanTheLargest() {
    JobSpec spec = SpecLoader.load(Path.of("jobs/nightly-large-grid.yaml"));
    List<CostModel.UnitCost> costs =
        GridPlan.of(spec).cutFor(1000).units().stream()
            .filter(u -> u.seedIndex() == 0)
            .map(u -> CostModel.of(spec, u))
            .toList();
    long largest = costs.stream().mapToLong(CostModel.UnitCost::peakBytes).max().orElseThrow();
    long slot = CostModel.slotPeakBytes(costs);
    // Its largest sub-unit copies no Phi; another one's copy stays with the thread.
    assertTrue(slot > largest && slot < largest * 1.2, slot + " against " + largest);
  }
}
