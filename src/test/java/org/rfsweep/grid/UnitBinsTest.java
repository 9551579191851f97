package org.rfsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitBinsTest {
  private static double cost(WorkUnit unit) {
    return unit.cells().get(0).width();
  }

  private static List<WorkUnit> units(int... widths) {
    List<WorkUnit> units = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      units.add(new WorkUnit(i, List.of(new Cell(widths[i], 10))));
    }
    return units;
  }

  @Test
  void everyUnitLandsInExactlyOneBinAndBinsStayBalanced() {
    List<WorkUnit> units = units(9, 1, 8, 2, 7, 3, 6, 4, 5, 5);
    List<List<WorkUnit>> bins = UnitBins.pack(units, 2, UnitBinsTest::cost);
    assertEquals(2, bins.size());
    List<Integer> seeds =
        bins.stream().flatMap(List::stream).map(WorkUnit::seedIndex).sorted().toList();
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seeds);
    double first = bins.get(0).stream().mapToDouble(UnitBinsTest::cost).sum();
    double second = bins.get(1).stream().mapToDouble(UnitBinsTest::cost).sum();
    assertEquals(first, second, 0.0, "50 split into two bins of 25 by longest-first packing");
    for (List<WorkUnit> bin : bins) {
      List<WorkUnit> sorted = new ArrayList<>(bin);
      sorted.sort(Comparator.comparingDouble(UnitBinsTest::cost).reversed());
      assertEquals(sorted, bin, "a bin lists its largest units first");
    }
  }

  @Test
  void neverMoreBinsThanUnitsAndNoEmptyBin() {
    List<List<WorkUnit>> bins = UnitBins.pack(units(3, 2), 8, UnitBinsTest::cost);
    assertEquals(2, bins.size());
    assertTrue(bins.stream().allMatch(bin -> bin.size() == 1));
    assertEquals(1, UnitBins.pack(units(3, 2, 1), 0, UnitBinsTest::cost).size());
  }

  @Test
  void aSeedsTaskPointsStayTogetherUnlessTooFewSeedsFillTheBins() {
    List<WorkUnit> units = new java.util.ArrayList<>();
    for (int seed = 0; seed < 6; seed++) {
      for (int point = 0; point < 4; point++) {
        units.add(new WorkUnit(point, seed, List.of(new Cell(8 + seed, 8))));
      }
    }
    List<List<WorkUnit>> bins = UnitBins.packBySeed(units, 3, UnitBinsTest::cost);
    assertEquals(3, bins.size());
    assertEquals(24, bins.stream().mapToInt(List::size).sum());
    for (List<WorkUnit> bin : bins) {
      // whole seeds, each seed's points in order, one after another
      for (int i = 0; i < bin.size(); i += 4) {
        for (int p = 0; p < 4; p++) {
          assertEquals(bin.get(i).seedIndex(), bin.get(i + p).seedIndex());
          assertEquals(p, bin.get(i + p).point());
        }
      }
    }
    // Two seeds for four bins: the seeds are halved by task point until there are enough groups.
    List<List<WorkUnit>> split = UnitBins.packBySeed(units.subList(0, 8), 4, UnitBinsTest::cost);
    assertEquals(4, split.size());
    assertEquals(8, split.stream().mapToInt(List::size).sum());
  }
}
