package org.rfsweep.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.rfsweep.grid.Cell;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.linalg.SymmetricEigen;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.task.FitResult;
import org.rfsweep.task.SparkUnitTask;
import org.rfsweep.task.UnitRunner;

/**
 * The per-cell cost of a sweep's small cells (width and samples at most {@link #LARGEST}), read
 * from the fits table of a run that just happened, against LAPACK's own Gram matrix (dsyrk) and
 * eigendecomposition with vectors (as leave-one-out needs) of the same shapes timed here. What is
 * left above 1 is the cell's own work around LAPACK: the ridge path, leave-one-out, the test risk
 * and the bookkeeping of its rows.
 */
final class SmallCellCost {
  static final int LARGEST = 256;
  private static final int REPEATS = 7;

  /**
   * @param fitSeconds summed over the small cells: each cell's median over seeds of the fit's
   *     seconds (after the seed's shared features)
   * @param testRiskSeconds the same for the test risk alone (inside fitSeconds)
   * @param lapackSeconds the same cells' dsyrk + eigendecomposition alone, fastest of {@link
   *     #REPEATS}
   * @param shapes the (width, samples) cells
   */
  record Cost(
      double fitSeconds, double testRiskSeconds, double lapackSeconds, List<List<Integer>> shapes) {
    int cells() {
      return shapes.size();
    }
  }

  private SmallCellCost() {}

  /** The small cells of the fits table at {@code fits}; null if it has none. */
  static Cost of(Path fits) {
    List<Object[]> rows =
        ParquetTable.readColumns(
            fits,
            List.of("width", "samples", "ridge", "fit_seconds", "test_risk_seconds", "status"));
    double firstRidge =
        rows.stream().mapToDouble(r -> ((Number) r[2]).doubleValue()).min().orElse(0);
    Map<List<Integer>, List<double[]>> byCell = new TreeMap<>(SmallCellCost::compare);
    for (Object[] row : rows) {
      double width = ((Number) row[0]).doubleValue();
      int samples = ((Number) row[1]).intValue();
      boolean oneRowPerFit = ((Number) row[2]).doubleValue() == firstRidge;
      if (oneRowPerFit && "OK".equals(row[5]) && width <= LARGEST && samples <= LARGEST) {
        byCell
            .computeIfAbsent(List.of((int) width, samples), k -> new ArrayList<>())
            .add(new double[] {((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue()});
      }
    }
    if (byCell.isEmpty()) {
      return null;
    }
    double fit = 0;
    double risk = 0;
    double lapack = 0;
    for (Map.Entry<List<Integer>, List<double[]>> cell : byCell.entrySet()) {
      fit += median(cell.getValue(), 0);
      risk += median(cell.getValue(), 1);
      lapack += lapackAlone(cell.getKey().get(0), cell.getKey().get(1));
    }
    return new Cost(fit, risk, lapack, List.copyOf(byCell.keySet()));
  }

  /**
   * The same cells fitted again on this thread, all in one unit as the sweep's unit fits them
   * (their exact test risk shares its products), beside LAPACK alone on each cell's shapes: both
   * timed in one sitting on a core the run's second fit thread no longer contends with (the run's
   * fit seconds were measured beside it, LAPACK's here alone). The sweep's own code ({@link
   * SparkUnitTask#runner}), fastest of {@link #REPEATS} ({@link FitKernelTimer#fastestTogether});
   * its fit seconds exclude the seed's shared features, as the run's do.
   */
  static Cost sideBySide(JobSpec spec, List<List<Integer>> shapes) {
    UnitRunner runner = SparkUnitTask.runner(spec);
    List<Cell> cells = new ArrayList<>();
    for (List<Integer> shape : shapes) {
      cells.add(new Cell(shape.get(0), shape.get(1)));
    }
    cells.sort(Comparator.naturalOrder());
    double fit = 0;
    double risk = 0;
    double lapack = 0;
    for (FitResult best : FitKernelTimer.fastestTogether(runner, cells, REPEATS, false)) {
      fit += best.fitSeconds();
      risk += best.testRiskSeconds();
      lapack += lapackAlone((int) best.width(), best.samples());
    }
    return new Cost(fit, risk, lapack, shapes);
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    int byWidth = Integer.compare(a.get(0), b.get(0));
    return byWidth != 0 ? byWidth : Integer.compare(a.get(1), b.get(1));
  }

  private static double median(List<double[]> values, int column) {
    double[] sorted = values.stream().mapToDouble(v -> v[column]).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
  }

  /** dsyrk of the smaller side's Gram matrix and its eigendecomposition, fastest of repeats. */
  private static double lapackAlone(int width, int samples) {
    double[] phi = new double[width * samples];
    Random random = new Random(width * 31L + samples);
    for (int i = 0; i < phi.length; i++) {
      phi[i] = random.nextGaussian();
    }
    int side = Math.min(width, samples);
    double[] gram = new double[side * side];
    double[] values = new double[side];
    SymmetricEigen eigen = new SymmetricEigen();
    double best = Double.POSITIVE_INFINITY;
    for (int repeat = 0; repeat < REPEATS; repeat++) {
      long start = System.nanoTime();
      if (width < samples) {
        NativeLinalg.blas().dsyrk("U", "T", width, samples, 1.0, phi, samples, 0.0, gram, width);
      } else {
        NativeLinalg.blas().dsyrk("U", "N", samples, width, 1.0, phi, samples, 0.0, gram, samples);
      }
      eigen.decompose(side, gram, values);
      best = Math.min(best, (System.nanoTime() - start) * 1e-9);
    }
    return best;
  }
}
