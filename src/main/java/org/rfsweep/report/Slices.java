package org.rfsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rfsweep.aggregate.OptimalPoint;
import org.rfsweep.grid.Cell;
import org.rfsweep.spec.GridSpec;
import org.rfsweep.spec.Sweep;

/**
 * Which fixed values a sweep direction is drawn at: the ones that carry information. Among the
 * values of the other axis with at least {@link #MIN_POINTS} cells along the sweep, the values the
 * spec's sweeps name (a width sweep at one n), then the smallest, one near the middle and the
 * largest; at most {@link #MAX_SLICES} in all, ascending.
 */
final class Slices {
  static final int MIN_POINTS = 3;
  static final int MAX_SLICES = 3;

  private Slices() {}

  /**
   * @param axis {@code width} (curves against width, one per fixed sample count) or {@code samples}
   */
  static List<Integer> choose(
      List<OptimalPoint> optimal, String axis, GridSpec grid, List<Integer> named) {
    if (!named.isEmpty()) {
      return List.copyOf(new TreeSet<>(named)); // the spec's or the command line's choice
    }
    return choose(optimal, axis, grid);
  }

  static List<Integer> choose(List<OptimalPoint> optimal, String axis, GridSpec grid) {
    boolean alongWidth = axis.equals("width");
    Map<Integer, Integer> lengths = new TreeMap<>();
    for (OptimalPoint p : optimal) {
      lengths.merge(alongWidth ? p.samples() : Cell.gridWidth(p.width()), 1, Integer::sum);
    }
    List<Integer> candidates =
        lengths.entrySet().stream()
            .filter(e -> e.getValue() >= MIN_POINTS)
            .map(Map.Entry::getKey)
            .toList();
    TreeSet<Integer> chosen = new TreeSet<>();
    for (Sweep sweep : grid.sweeps()) {
      List<Integer> fixed = alongWidth ? sweep.samples() : sweep.widths();
      List<Integer> swept = alongWidth ? sweep.widths() : sweep.samples();
      if (fixed.size() == 1 && swept.size() >= MIN_POINTS && candidates.contains(fixed.get(0))) {
        chosen.add(fixed.get(0));
      }
    }
    if (!candidates.isEmpty()) {
      List<Integer> spread = new ArrayList<>();
      spread.add(candidates.get(0));
      spread.add(candidates.get(candidates.size() / 2));
      spread.add(candidates.get(candidates.size() - 1));
      for (int value : spread) {
        if (chosen.size() < MAX_SLICES) {
          chosen.add(value);
        }
      }
    }
    return List.copyOf(chosen);
  }
}
