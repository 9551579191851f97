package org.rfsweep.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Work units packed into Spark tasks. Each task pays a fixed cost (deserialisation, a Parquet
 * writer, Hadoop's configuration, the commit), about 50-100 ms here, which dominates when units
 * take a fraction of a second; a few units per task amortise it. Packing is longest-first into the
 * currently lightest bin, so bins stay balanced when units differ in cost, and each bin lists its
 * units largest first.
 */
public final class UnitBins {
  private UnitBins() {}

  /** {@code units} in at most {@code bins} non-empty bins of near-equal total cost. */
  public static List<List<WorkUnit>> pack(
      List<WorkUnit> units, int bins, ToDoubleFunction<WorkUnit> cost) {
    int count = Math.max(1, Math.min(bins, units.size()));
    List<WorkUnit> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparingDouble(cost).reversed());
    List<List<WorkUnit>> packed = new ArrayList<>(count);
    double[] load = new double[count];
    for (int b = 0; b < count; b++) {
      packed.add(new ArrayList<>());
    }
    for (WorkUnit unit : sorted) {
      int lightest = 0;
      for (int b = 1; b < count; b++) {
        if (load[b] < load[lightest]) {
          lightest = b;
        }
      }
      packed.get(lightest).add(unit);
      load[lightest] += cost.applyAsDouble(unit);
    }
    packed.removeIf(List::isEmpty);
    return packed;
  }

  /**
   * Like {@link #pack}, but the units of one seed (its task points, which share their draws: see
   * {@link NormalDraws}) stay together in one bin, one after another, unless there are too few
   * seeds to fill the bins: then the largest groups are halved (by task point) until there are
   * twice as many groups as bins, or every group is one unit.
   */
  public static List<List<WorkUnit>> packBySeed(
      List<WorkUnit> units, int bins, ToDoubleFunction<WorkUnit> cost) {
    java.util.Map<Integer, List<WorkUnit>> bySeed = new java.util.TreeMap<>();
    for (WorkUnit unit : units) {
      bySeed.computeIfAbsent(unit.seedIndex(), s -> new ArrayList<>()).add(unit);
    }
    List<List<WorkUnit>> groups = new ArrayList<>();
    for (List<WorkUnit> group : bySeed.values()) {
      group.sort(Comparator.comparingInt(WorkUnit::point));
      groups.add(group);
    }
    ToDoubleFunction<List<WorkUnit>> groupCost = g -> g.stream().mapToDouble(cost).sum();
    while (groups.size() < 2 * bins) {
      List<WorkUnit> largest =
          groups.stream()
              .filter(g -> g.size() > 1)
              .max(Comparator.comparingDouble(groupCost))
              .orElse(null);
      if (largest == null) {
        break;
      }
      groups.remove(largest);
      groups.add(new ArrayList<>(largest.subList(0, largest.size() / 2)));
      groups.add(new ArrayList<>(largest.subList(largest.size() / 2, largest.size())));
    }
    int count = Math.max(1, Math.min(bins, groups.size()));
    groups.sort(Comparator.comparingDouble(groupCost).reversed());
    List<List<WorkUnit>> packed = new ArrayList<>(count);
    double[] load = new double[count];
    for (int b = 0; b < count; b++) {
      packed.add(new ArrayList<>());
    }
    for (List<WorkUnit> group : groups) {
      int lightest = 0;
      for (int b = 1; b < count; b++) {
        if (load[b] < load[lightest]) {
          lightest = b;
        }
      }
      packed.get(lightest).addAll(group);
      load[lightest] += groupCost.applyAsDouble(group);
    }
    packed.removeIf(List::isEmpty);
    return packed;
  }
}
