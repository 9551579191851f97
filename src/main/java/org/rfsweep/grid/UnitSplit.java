package org.rfsweep.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;

/**
 * Sub-units: a seed's unit cut into groups of its cells, so a grid of few seeds and many cells
 * fills a large cluster. Each sub-unit draws what its own cells need from the seed's streams
 * (derived, never stored), so a cell's numbers do not depend on the cut. Two rules keep that exact:
 * the kernel cells of a unit stay together (they share one kernel matrix), and a cell large enough
 * to stream its test points when alone ({@link WorkUnit#streamsTestPoints}) is never cut out alone
 * from a unit that did not (streaming sums the test errors in another order).
 */
public final class UnitSplit {
  private UnitSplit() {}

  /**
   * Cuts the costliest units in two, by cost, while one costs more than a slot's share of the whole
   * (it alone would then outlast the ideal schedule) and can be cut; units already small enough are
   * returned as they are. Cutting further would only repeat setup work: 256 equal units on 256
   * slots stay 256 units.
   *
   * @param cost a unit's estimated cost (any unit: its flops, or seconds)
   */
  public static List<WorkUnit> forSlots(
      List<WorkUnit> units, int slots, ToDoubleFunction<WorkUnit> cost) {
    double total = units.stream().mapToDouble(cost).sum();
    double share = total / Math.max(1, slots);
    PriorityQueue<WorkUnit> queue =
        new PriorityQueue<>(Comparator.comparingDouble(cost).reversed());
    queue.addAll(units);
    List<WorkUnit> done = new ArrayList<>();
    while (!queue.isEmpty()) {
      WorkUnit largest = queue.poll();
      List<WorkUnit> halves = cost.applyAsDouble(largest) > share ? halves(largest, cost) : null;
      if (halves == null) {
        done.add(largest);
      } else {
        queue.addAll(halves);
      }
    }
    return done;
  }

  /** The unit's cells in two groups of near-equal cost, or null when it cannot be cut. */
  static List<WorkUnit> halves(WorkUnit unit, ToDoubleFunction<WorkUnit> cost) {
    List<List<Cell>> items = new ArrayList<>();
    List<Cell> kernels = unit.kernelCells();
    if (!kernels.isEmpty()) {
      items.add(kernels);
    }
    for (Cell cell : unit.featureCells()) {
      items.add(List.of(cell));
    }
    if (items.size() < 2) {
      return null;
    }
    ToDoubleFunction<List<Cell>> itemCost = cells -> cost.applyAsDouble(unit.withCells(cells));
    items.sort(Comparator.comparingDouble(itemCost).reversed());
    List<Cell> first = new ArrayList<>();
    List<Cell> second = new ArrayList<>();
    double firstCost = 0;
    double secondCost = 0;
    for (List<Cell> item : items) {
      if (firstCost <= secondCost) {
        first.addAll(item);
        firstCost += itemCost.applyAsDouble(item);
      } else {
        second.addAll(item);
        secondCost += itemCost.applyAsDouble(item);
      }
    }
    WorkUnit a = unit.withCells(sorted(first));
    WorkUnit b = unit.withCells(sorted(second));
    if (!unit.streamsTestPoints() && (a.streamsTestPoints() || b.streamsTestPoints())) {
      // A large cell would stand alone: give it the smallest cell of the other half for company.
      WorkUnit alone = a.streamsTestPoints() ? a : b;
      List<Cell> other = new ArrayList<>((alone == a ? b : a).cells());
      Cell company =
          other.stream().filter(c -> !c.isKernel()).min(Comparator.naturalOrder()).orElse(null);
      if (company == null || other.size() < 2) {
        return null;
      }
      other.remove(company);
      List<Cell> joined = new ArrayList<>(alone.cells());
      joined.add(company);
      a = unit.withCells(sorted(joined));
      b = unit.withCells(sorted(other));
      if (b.streamsTestPoints()) {
        return null;
      }
    }
    return List.of(a, b);
  }

  private static List<Cell> sorted(List<Cell> cells) {
    List<Cell> out = new ArrayList<>(cells);
    out.sort(Comparator.naturalOrder());
    return out;
  }
}
