package org.rfsweep.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.rfsweep.grid.Cell;

/** Builds the {@code optimal} table from the curves, the LOO/GCV picks and the theory optima. */
public final class OptimalTable {
  private OptimalTable() {}

  /** Theory-optimal ridge, risk and R* of a cell. */
  public record TheoryOptimum(double ridge, double testMse, double fittingRatio) {}

  /**
   * @param theory theory optimum per cell key {@link #key}, or an empty map without theory
   */
  public static List<OptimalPoint> compute(
      List<CurvePoint> curves, List<CellPick> picks, Map<Long, TheoryOptimum> theory) {
    double smallestRidge = curves.stream().mapToDouble(CurvePoint::ridge).min().orElse(0);
    double largestRidge = curves.stream().mapToDouble(CurvePoint::ridge).max().orElse(0);
    Map<Long, List<CurvePoint>> byCell =
        curves.stream()
            .collect(
                Collectors.groupingBy(
                    c -> key(c.width(), c.samples()), TreeMap::new, Collectors.toList()));
    Map<String, CellPick> pickOf =
        picks.stream()
            .collect(Collectors.toMap(p -> p.rule() + key(p.width(), p.samples()), p -> p));
    List<OptimalPoint> out = new ArrayList<>();
    for (var entry : byCell.entrySet()) {
      CurvePoint best =
          entry.getValue().stream()
              .filter(c -> c.seeds() > 0 && !Double.isNaN(c.testMean()))
              .min(
                  Comparator.comparingDouble(CurvePoint::testMean)
                      .thenComparingDouble(CurvePoint::ridge))
              .orElse(null);
      if (best == null) {
        continue;
      }
      boolean atEdge =
          smallestRidge < largestRidge
              && (best.ridge() == smallestRidge || best.ridge() == largestRidge);
      TheoryOptimum t =
          theory.getOrDefault(
              entry.getKey(), new TheoryOptimum(Double.NaN, Double.NaN, Double.NaN));
      CellPick loo = pickOf.get("loo" + entry.getKey());
      CellPick gcv = pickOf.get("gcv" + entry.getKey());
      out.add(
          new OptimalPoint(
              best.width(),
              best.samples(),
              best.ridge(),
              atEdge,
              best.testMean(),
              best.testSe(),
              best.trainMean(),
              best.trainMean() / best.testMean(),
              t.ridge(),
              t.testMse(),
              t.fittingRatio(),
              loo == null ? Double.NaN : loo.medianRidge(),
              loo == null ? Double.NaN : loo.testMean(),
              loo == null ? Double.NaN : loo.testSe(),
              gcv == null ? Double.NaN : gcv.medianRidge(),
              gcv == null ? Double.NaN : gcv.testMean(),
              gcv == null ? Double.NaN : gcv.testSe()));
    }
    return out;
  }

  /** A cell's key, ordered by width (the kernel limit last), then samples. */
  public static long key(double width, int samples) {
    return ((long) Cell.gridWidth(width) << 32) | samples;
  }
}
