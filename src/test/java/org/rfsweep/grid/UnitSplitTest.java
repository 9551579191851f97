package org.rfsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.rfsweep.data.PowerLawSource;
import org.rfsweep.features.ReluFeatureMap;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.task.FitResult;
import org.rfsweep.task.UnitRunner;

/**
 * Sub-units: every cell lands in exactly one, the kernel cells stay together, a large cell is never
 * cut out alone, and each cell's numbers are bit for bit those of the uncut unit.
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
    List<WorkUnit> split = UnitSplit.forSlots(units, 8, COST);
    assertTrue(split.size() >= 8, "enough to fill 8 slots: " + split.size());
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
    assertEquals(units, UnitSplit.forSlots(units, 1, COST));
  }

  @Test
  void aLargeCellIsNeverCutOutAlone() {
    WorkUnit unit = new WorkUnit(0, List.of(new Cell(4096, 4096), new Cell(16, 16)));
    assertNull(UnitSplit.halves(unit, COST), "alone, 4096 x 4096 would stream its test points");
    WorkUnit three =
        new WorkUnit(0, List.of(new Cell(4096, 4096), new Cell(16, 16), new Cell(32, 32)));
    List<WorkUnit> halves = UnitSplit.halves(three, COST);
    assertEquals(2, halves.size());
    halves.forEach(h -> assertTrue(!h.streamsTestPoints(), h.toString()));
  }

  @Test
  void subUnitsGiveEveryCellTheNumbersOfTheUncutUnit() {
    PowerLawSource source = new PowerLawSource(new PowerLawTaskSpec(1.5, 1.3, 0.2, 120, 200));
    UnitRunner runner =
        new UnitRunner(
            source,
            new ReluFeatureMap(source.inputDimension(), source.meanSquaredNorm()),
            9,
            new double[] {0, 0.01, 1},
            200);
    List<Cell> cells =
        List.of(
            new Cell(16, 48),
            new Cell(48, 16),
            new Cell(64, 64),
            new Cell(96, 32),
            new Cell(Cell.INFINITE, 32),
            new Cell(Cell.INFINITE, 64));
    WorkUnit whole = new WorkUnit(3, cells);
    List<FitResult> expected = runner.run(whole);
    List<FitResult> cut = new ArrayList<>();
    List<WorkUnit> parts = UnitSplit.forSlots(List.of(whole), 3, COST);
    assertTrue(parts.size() >= 3, parts.toString());
    for (WorkUnit part : parts) {
      cut.addAll(runner.run(part));
    }
    Comparator<FitResult> order =
        Comparator.comparingDouble(FitResult::width)
            .thenComparingInt(FitResult::samples)
            .thenComparingDouble(FitResult::ridge);
    List<FitResult> a = expected.stream().sorted(order).toList();
    List<FitResult> b = cut.stream().sorted(order).toList();
    assertEquals(a.size(), b.size());
    assertEquals(
        cells.size() * 3,
        new HashSet<>(b.stream().map(f -> f.width() + "|" + f.samples() + "|" + f.ridge()).toList())
            .size(),
        "each (cell, ridge) once");
    for (int i = 0; i < a.size(); i++) {
      String at =
          "cell (" + a.get(i).width() + ", " + a.get(i).samples() + ") ridge " + a.get(i).ridge();
      assertEquals(a.get(i).testMse(), b.get(i).testMse(), 0.0, at);
      assertEquals(a.get(i).trainMse(), b.get(i).trainMse(), 0.0, at);
      assertEquals(a.get(i).looMse(), b.get(i).looMse(), 0.0, at);
      assertEquals(a.get(i).gcvMse(), b.get(i).gcvMse(), 0.0, at);
    }
  }
}
