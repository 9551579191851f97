package org.rfsweep.bench;

import java.util.ArrayList;
import java.util.List;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.task.CellFeatures;
import org.rfsweep.task.FitResult;
import org.rfsweep.task.UnitRunner;

/**
 * Times one cell's fit by running it through {@link UnitRunner}, the code a sweep runs, on a work
 * unit of that single cell; the phases are the timings every {@code fits} row records. The feature
 * matrix and labels are rebuilt afterwards, untimed, for the comparisons.
 */
final class FitKernelTimer {
  /**
   * Wall seconds of each phase of one cell.
   *
   * @param features drawing the bank, the samples and the test points, and projecting them (the
   *     unit's setup)
   * @param gram forming the Gram matrix of the smaller side
   * @param eigen its eigendecomposition
   * @param ridges the rest of the ridge path: every ridge's coefficients, residuals, estimates,
   *     copies
   * @param testRisk test predictions at every ridge
   * @param cell the cell's feature matrix Phi and its labels
   */
  record Phases(
      double features,
      double gram,
      double eigen,
      double ridges,
      double testRisk,
      CellFeatures cell) {
    double total() {
      return features + gram + eigen + ridges + testRisk;
    }
  }

  private FitKernelTimer() {}

  /**
   * The cell (width, samples) run through {@code runner} once to warm up (JIT, workspaces sized as
   * across a sweep's cells), then {@code runs} times: the fastest run, the least disturbed by the
   * rest of the machine. Every ridge of the cell carries the cell's timings; this is its first.
   *
   * @param collect whether to collect garbage before each run (its cost is then not the run's;
   *     pointless for cells of a few milliseconds, whose garbage is small)
   */
  static FitResult fastest(UnitRunner runner, int width, int samples, int runs, boolean collect) {
    return fastestTogether(runner, List.of(new Cell(width, samples)), runs, collect).get(0);
  }

  /**
   * The cells fitted together as a sweep's unit fits them (a unit's cells share their test risk's
   * products: {@code SharedTestRisk}), once to warm up and then {@code runs} times: each cell's
   * first row from the run whose unit took the least (its setup and its cells' fits), in the cells'
   * order.
   *
   * @param collect whether to collect garbage before each run
   */
  static List<FitResult> fastestTogether(
      UnitRunner runner, List<Cell> cells, int runs, boolean collect) {
    WorkUnit unit = new WorkUnit(0, cells);
    int ridges = runner.run(unit).size() / cells.size();
    List<FitResult> best = null;
    double bestSeconds = Double.POSITIVE_INFINITY;
    for (int run = 0; run < runs; run++) {
      if (collect) {
        System.gc();
      }
      List<FitResult> rows = runner.run(unit);
      List<FitResult> firsts = new ArrayList<>();
      double seconds = rows.get(0).setupSeconds();
      for (int c = 0; c < cells.size(); c++) {
        FitResult fit = rows.get(c * ridges);
        if (!FitResult.OK.equals(fit.status())) {
          throw new IllegalStateException("the benchmark cell failed: " + fit.error());
        }
        firsts.add(fit);
        seconds += fit.fitSeconds();
      }
      if (seconds < bestSeconds) {
        bestSeconds = seconds;
        best = firsts;
      }
    }
    return best;
  }

  /**
   * Runs the cell once to warm up (JIT, workspaces sized as across a sweep's cells), then {@code
   * runs} times, and reports the fastest run: the least disturbed by the rest of the machine.
   *
   * @param leaveOneOut whether the fit computes leave-one-out estimates
   */
  static Phases time(
      TaskSource source,
      FeatureMap map,
      int width,
      int samples,
      double[] ridges,
      int testPoints,
      long seed,
      boolean leaveOneOut,
      int runs) {
    UnitRunner runner = new UnitRunner(source, map, seed, ridges, testPoints, leaveOneOut);
    FitResult best = fastest(runner, width, samples, runs, true);
    double gram = best.path().gramSeconds();
    double eigen = best.path().eigenSeconds();
    double ridgePath = best.fitSeconds() - best.testRiskSeconds() - gram - eigen;
    return new Phases(
        best.setupSeconds(),
        gram,
        eigen,
        ridgePath,
        best.testRiskSeconds(),
        CellFeatures.of(source, map, seed, width, samples));
  }
}
