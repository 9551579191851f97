package org.rfsweep.task;

import java.util.List;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.linalg.NativeLinalg;

/**
 * Times one cell's fit for the benchmark by running it through {@link UnitRunner}, the code a sweep runs: a work
 * unit of that single cell. The feature matrix and labels are rebuilt afterwards, untimed, for the comparisons.
 */
public final class FitKernelTimer {
  /**
   * Wall seconds of each phase of one cell.
   *
   * @param features  drawing the bank, the samples and the test points, and projecting them (the unit's setup)
   * @param gram      forming the Gram matrix of the smaller side
   * @param eigen     its eigendecomposition
   * @param ridges    the rest of the ridge path: every ridge's coefficients, residuals, estimates, copies
   * @param testRisk  test predictions at every ridge
   * @param phi       the cell's feature matrix Phi (samples x width, column-major)
   * @param labels    its labels
   */
  public record Phases(double features, double gram, double eigen, double ridges, double testRisk, double[] phi,
      double[] labels) {
    public double total() {
      return features + gram + eigen + ridges + testRisk;
    }
  }

  private FitKernelTimer() {}

  /**
   * Runs the cell once to warm up (JIT, workspaces sized as across a sweep's cells), then {@code runs} times, and
   * reports the fastest run: the least disturbed by the rest of the machine.
   *
   * @param leaveOneOut whether the fit computes leave-one-out estimates
   */
  public static Phases time(TaskSource source, FeatureMap map, int width, int samples, double[] ridges,
      int testPoints, long seed, boolean leaveOneOut, int runs) {
    UnitRunner runner = new UnitRunner(source, map, seed, ridges, testPoints, leaveOneOut);
    WorkUnit unit = new WorkUnit(0, List.of(new Cell(width, samples)));
    runner.run(unit);
    UnitRunner.CellTimings t = null;
    double best = Double.POSITIVE_INFINITY;
    for (int run = 0; run < runs; run++) {
      System.gc(); // garbage of the previous run is not this run's cost
      runner.run(unit);
      UnitRunner.CellTimings timings = runner.lastCell();
      double total = timings.setup() + timings.ridgePath() + timings.testRisk();
      if (total < best) {
        best = total;
        t = timings;
      }
    }

    double[] bank = new double[Math.multiplyExact(source.inputDimension(), width)];
    map.weights(seed, 0, 0, width, bank);
    Projector projector = new Projector(NativeLinalg.blas(), source, map, bank, seed, 0);
    SharedFeatures train = new SharedFeatures(projector, unit.cells(), source.outputs());
    double[] phi = new double[Math.multiplyExact(samples, width)];
    double[] y = new double[samples * source.outputs()];
    train.assemble(samples, width, phi);
    train.labels(samples, y);
    return new Phases(t.setup(), t.gram(), t.eigen(), t.ridgePath() - t.gram() - t.eigen(), t.testRisk(), phi, y);
  }
}
