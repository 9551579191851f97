package org.rfsweep.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;

/**
 * Sub-units: a seed's unit cut into groups of its cells, so a grid of few seeds and many cells
 * fills a large cluster. Each sub-unit draws what its own cells need from the seed's streams
 * (derived, never stored), and a cell's rows are the same bits in any group, so the cut can follow
 * the slots a run has. Kernel cells of a unit stay together: they share one kernel matrix, which
 * each group holding one would build again.
 */
public final class UnitSplit {
  private UnitSplit() {}

  /**
   * Cuts the costliest units in two, by cost, while one costs more than {@code share} and can be
   * cut; units already small enough are returned as they are.
   *
   * @param cost a unit's estimated cost (any unit: its flops, or seconds)
   */
  public static List<WorkUnit> toShare(
      List<WorkUnit> units, double share, ToDoubleFunction<WorkUnit> cost) {
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
    // Contiguous in samples, then width: each half then needs only its own part of the seed's
    // samples-by-features staircase, so little of the shared setup is done twice.
    items.sort(
        Comparator.comparingInt((List<Cell> item) -> item.get(item.size() - 1).samples())
            .thenComparingInt(item -> item.get(0).width()));
    double[] itemCost = new double[items.size()];
    double total = 0;
    for (int i = 0; i < items.size(); i++) {
      itemCost[i] = cost.applyAsDouble(unit.withCells(items.get(i)));
      total += itemCost[i];
    }
    int cut = 1;
    double prefix = itemCost[0];
    while (cut < items.size() - 1 && prefix + itemCost[cut] / 2 < total / 2) {
      prefix += itemCost[cut];
      cut++;
    }
    List<Cell> first = new ArrayList<>();
    List<Cell> second = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      (i < cut ? first : second).addAll(items.get(i));
    }
    WorkUnit a = unit.withCells(sorted(first));
    WorkUnit b = unit.withCells(sorted(second));
    return List.of(a, b);
  }

  private static List<Cell> sorted(List<Cell> cells) {
    List<Cell> out = new ArrayList<>(cells);
    out.sort(Comparator.naturalOrder());
    return out;
  }
}
