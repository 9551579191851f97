package org.rfsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;

/**
 * Sub-units: every cell lands in exactly one, the kernel cells stay together, and a plan cuts only
 * large jobs, for the slots they run on.
 */
class UnitSplitTest {
  /** A unit's cost: its cells' N n min(N, n), the shape of the Gram matrix's cost. */
  private static final ToDoubleFunction<WorkUnit> COST =
      u ->
          u.cells().stream()
              .mapToDouble(
                  c -> {
                    double w = c.isKernel() ? 100 : c.width();
                    return w * c.samples() * Math.min(w, c.samples());
                  })
              .sum();

  @Test
  void fewSeedsAreCutIntoSubUnitsThatCoverEveryCellOnce() {
    List<Cell> cells = new ArrayList<>();
    for (int width : new int[] {64, 128, 256, 512}) {
      for (int samples : new int[] {64, 128, 256}) {
        cells.add(new Cell(width, samples));
      }
    }
    cells.add(new Cell(Cell.INFINITE, 64));
    cells.add(new Cell(Cell.INFINITE, 256));
    List<WorkUnit> units = List.of(new WorkUnit(0, cells), new WorkUnit(1, cells));
    List<WorkUnit> split = UnitSplit.toShare(units, share(units, 8), COST);
    assertTrue(split.size() >= 8, "each at most an eighth of the whole: " + split.size());
    for (int seed = 0; seed < 2; seed++) {
      int s = seed;
      List<Cell> covered =
          split.stream()
              .filter(u -> u.seedIndex() == s)
              .flatMap(u -> u.cells().stream())
              .sorted()
              .toList();
      assertEquals(cells.stream().sorted().toList(), covered, "seed " + seed);
      assertEquals(
          1,
          split.stream().filter(u -> u.seedIndex() == s && !u.kernelCells().isEmpty()).count(),
          "the kernel cells share one sub-unit");
    }
    // Already enough units: nothing is cut.
    assertEquals(units, UnitSplit.toShare(units, share(units, 2), COST));
  }

  /** Each of {@code parts} parts' share of the units' cost. */
  private static double share(List<WorkUnit> units, int parts) {
    return units.stream().mapToDouble(COST).sum() / parts;
  }

  @Test
  void aLargeCellMayBeCutOutAlone() {
    // Alone, 4096 x 4096 streams its test points, with the bits of the held ones (UnitRunnerTest).
    WorkUnit unit = new WorkUnit(0, List.of(new Cell(4096, 4096), new Cell(16, 16)));
    List<WorkUnit> halves = UnitSplit.halves(unit, COST);
    assertEquals(
        List.of(List.of(new Cell(16, 16)), List.of(new Cell(4096, 4096))),
        halves.stream().map(WorkUnit::cells).toList());
    assertTrue(halves.get(1).streamsTestPoints());
    assertNull(UnitSplit.halves(new WorkUnit(0, List.of(new Cell(64, 64))), COST));
  }

  @Test
  void largeJobsAreCutForTheSlotsTheyRunOn() throws Exception {
    JobSpec quickstart = SpecLoader.load(Path.of("jobs/quickstart.yaml"));
    assertEquals(16, GridPlan.of(quickstart).units().size(), "one unit per seed");
    assertEquals(
        16, GridPlan.of(quickstart).cutFor(1000).units().size(), "units under a minute stay whole");

    JobSpec nightly = SpecLoader.load(Path.of("jobs/nightly-large-grid.yaml"));
    assertEquals(256, GridPlan.of(nightly).units().size());
    assertEquals(
        256,
        GridPlan.of(nightly).cutFor(32).units().size(),
        "32 slots: whole units, no setup twice");
    GridPlan plan = GridPlan.of(nightly).cutFor(1000);
    assertTrue(plan.isCut());
    assertTrue(plan.units().size() >= 1000, "sub-units: " + plan.units().size());
    assertEquals(
        plan.units(), GridPlan.of(nightly).cutFor(1000).units(), "the same cut every time");
    // Each (seed, cell) in exactly one sub-unit.
    Set<String> seen = new HashSet<>();
    for (WorkUnit unit : plan.units()) {
      for (Cell cell : unit.cells()) {
        assertTrue(seen.add(unit.seedIndex() + "|" + cell), "twice: " + cell);
      }
    }
    assertEquals(plan.fits(), seen.size());
  }

  @Test
  void theUnitsLeftOverPastAMultipleOfTheSlotsAreCutToShareThem() throws Exception {
    JobSpec fig1 = SpecLoader.load(Path.of("jobs/more-is-better-fig1.yaml"));
    GridPlan whole = GridPlan.of(fig1);
    assertEquals(45, whole.units().size());
    assertEquals(whole.units(), whole.cutFor(3).units(), "45 on 3 slots: none left over");
    assertEquals(whole.units(), whole.cutFor(1000).units(), "fewer units than slots");
    for (int slots : new int[] {2, 4}) {
      GridPlan plan = whole.cutFor(slots);
      // 44 whole units and the last seed's in parts, at least one a slot.
      assertTrue(plan.units().size() >= 44 + slots, slots + " slots: " + plan.units().size());
      assertTrue(
          plan.units().subList(44, plan.units().size()).stream()
              .allMatch(u -> u.seedIndex() == 44));
      assertEquals(whole.units().subList(0, 44), plan.units().subList(0, 44), slots + " slots");
      Set<String> seen = new HashSet<>();
      for (WorkUnit unit : plan.units()) {
        for (Cell cell : unit.cells()) {
          assertTrue(seen.add(unit.seedIndex() + "|" + cell), "twice: " + cell);
        }
      }
      assertEquals(plan.fits(), seen.size(), slots + " slots");
    }
  }
}
