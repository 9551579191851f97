package org.rfsweep.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.data.DatasetSource;
import org.rfsweep.data.PowerLawSource;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.features.LinearFeatureMap;
import org.rfsweep.features.ReluFeatureMap;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.spec.PowerLawTaskSpec;

/**
 * Width inf is the limit of the finite widths: on the same seeds (same samples, labels and test
 * points) the random-feature test risk approaches the kernel cell's as N grows, and at the widest N
 * it is within a few standard errors of it (paired over seeds) or 2% of it. Checked on the
 * power-law task with linear features (exact test risk) and on a small dataset pool with ReLU
 * features (sampled test risk); a kernel cell's rows also do not depend on the unit's other cells.
 */
class KernelLimitTest {
  private static final double[] RIDGES = {0.0, 0.03, 0.3};
  private static final int SEEDS = 6;
  private static final int SAMPLES = 48;
  private static final int NARROW = 96;
  private static final int WIDE = 8192;

  @Test
  void linearFeaturesOnThePowerLawTaskConvergeToTheKernelRow() {
    PowerLawSource source = new PowerLawSource(new PowerLawTaskSpec(1.5, 1.3, 0.2, 150, 100));
    converges(source, new LinearFeatureMap(source.inputDimension()));
  }

  @Test
  void reluFeaturesOnADatasetPoolConvergeToTheKernelRow() {
    DatasetSource source = new DatasetSource(pool(400, 10, 3), 0.1);
    converges(source, new ReluFeatureMap(source.inputDimension(), source.meanSquaredNorm()));
  }

  @Test
  void aKernelCellsRowsDoNotDependOnTheOtherCellsOfItsUnit() {
    DatasetSource source = new DatasetSource(pool(300, 8, 2));
    FeatureMap map = new ReluFeatureMap(source.inputDimension(), source.meanSquaredNorm());
    UnitRunner runner = new UnitRunner(source, map, 3, RIDGES, 150);
    Cell kernel = new Cell(Cell.INFINITE, 40);
    List<FitResult> alone = runner.run(new WorkUnit(1, List.of(kernel)));
    List<FitResult> beside =
        runner.run(
            new WorkUnit(
                1,
                List.of(new Cell(32, 40), new Cell(64, 80), kernel, new Cell(Cell.INFINITE, 80))));
    List<FitResult> same =
        beside.stream().filter(f -> Double.isInfinite(f.width()) && f.samples() == 40).toList();
    assertEquals(alone.size(), same.size());
    for (int i = 0; i < alone.size(); i++) {
      assertEquals(alone.get(i).testMse(), same.get(i).testMse(), 0.0, "test risk, bit for bit");
      assertEquals(alone.get(i).trainMse(), same.get(i).trainMse(), 0.0, "train risk");
      assertEquals(alone.get(i).looMse(), same.get(i).looMse(), 0.0, "LOO");
    }
  }

  private static void converges(TaskSource source, FeatureMap map) {
    UnitRunner runner = new UnitRunner(source, map, 11, RIDGES, 300);
    List<Cell> cells =
        List.of(
            new Cell(NARROW, SAMPLES), new Cell(WIDE, SAMPLES), new Cell(Cell.INFINITE, SAMPLES));
    Map<String, double[]> risk = new HashMap<>(); // width|ridge -> one per seed
    for (int seed = 0; seed < SEEDS; seed++) {
      for (FitResult fit : runner.run(new WorkUnit(seed, cells))) {
        risk.computeIfAbsent(fit.width() + "|" + fit.ridge(), k -> new double[SEEDS])[seed] =
            fit.testMse();
      }
    }
    for (double ridge : RIDGES) {
      double[] limit = risk.get(Double.POSITIVE_INFINITY + "|" + ridge);
      double[] narrow = gap(risk.get((double) NARROW + "|" + ridge), limit);
      double[] wide = gap(risk.get((double) WIDE + "|" + ridge), limit);
      double limitMean = mean(limit);
      assertTrue(
          Math.abs(mean(wide)) < Math.abs(mean(narrow)) || Math.abs(mean(wide)) < 0.01 * limitMean,
          String.format(
              "ridge %s: gap to the kernel row %.4g at N = %d, %.4g at N = %d",
              ridge, mean(narrow), NARROW, mean(wide), WIDE));
      double tolerance = Math.max(3 * standardError(wide), 0.02 * limitMean);
      assertTrue(
          Math.abs(mean(wide)) <= tolerance,
          String.format(
              "ridge %s: RF at N = %d differs from the kernel row by %.4g (+- %.2g) of %.4g",
              ridge, WIDE, mean(wide), standardError(wide), limitMean));
    }
  }

  /** A pool of standard Gaussian inputs (mean squared norm = dimension) with a nonlinear target. */
  private static DatasetPool pool(int size, int dimension, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] inputs = new double[size * dimension];
    double[] targets = new double[size];
    for (int p = 0; p < size; p++) {
      for (int i = 0; i < dimension; i++) {
        inputs[p * dimension + i] = random.nextGaussian();
      }
      double x0 = inputs[p * dimension];
      double x1 = inputs[p * dimension + 1];
      targets[p] = Math.max(x0, 0) + 0.5 * x1 * x1 - 0.5 + 0.3 * Math.sin(2 * x0 * x1);
    }
    return new DatasetPool(dimension, size, 1, inputs, targets);
  }

  private static double[] gap(double[] values, double[] limit) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] - limit[i];
    }
    return out;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double standardError(double[] values) {
    double mean = mean(values);
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1) / values.length);
  }
}
