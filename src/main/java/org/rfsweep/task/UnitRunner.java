package org.rfsweep.task;

import dev.ludovic.netlib.blas.BLAS;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rfsweep.data.GaussianLinearTask;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.grid.RiskProducts;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.linalg.NumericalException;
import org.rfsweep.solver.EigenRidgePath;
import org.rfsweep.solver.PathTimings;
import org.rfsweep.solver.RidgeSolution;
import org.rfsweep.spec.FeatureKind;

/**
 * Fits every cell of a work unit at every ridge. The seed's feature bank, training features and
 * test set are built once; each cell then costs one Gram matrix and one eigendecomposition. A
 * numerical failure in one cell becomes FAILED rows for that cell and the unit carries on. The
 * large arrays are the running thread's ({@link ThreadArrays}), not the runner's.
 *
 * <p>Not thread-safe: one runner per worker thread.
 */
public final class UnitRunner {
  private final TaskSource source;
  private final FeatureMap map;
  private final long jobSeed;
  private final double[] ridges;
  private final double[] rawRidges;
  private final int testPoints;
  private final BLAS blas = NativeLinalg.blas();
  private final boolean leaveOneOut;

  /** A runner that computes leave-one-out estimates. */
  public UnitRunner(
      TaskSource source, FeatureMap map, long jobSeed, double[] ridges, int testPoints) {
    this(source, map, jobSeed, ridges, testPoints, true);
  }

  /**
   * @param testPoints fresh test points per seed, used when the task and map have no exact test
   *     risk
   * @param leaveOneOut whether fits compute leave-one-out estimates (else NaN)
   */
  public UnitRunner(
      TaskSource source,
      FeatureMap map,
      long jobSeed,
      double[] ridges,
      int testPoints,
      boolean leaveOneOut) {
    this.leaveOneOut = leaveOneOut;
    this.source = source;
    this.map = map;
    this.jobSeed = jobSeed;
    this.ridges = ridges.clone();
    this.rawRidges = new double[ridges.length];
    this.testPoints = testPoints;
  }

  public List<FitResult> run(WorkUnit unit) {
    long setupStart = System.nanoTime();
    String backend = NativeLinalg.backend().label();
    // Every large array comes from this thread's set, reused from the units it fitted before (a
    // sweep's units have the same shapes): fresh arrays of hundreds of MiB cost zeroing and page
    // faults, up to a third of the feature time at 4096 x 2048.
    ThreadArrays arrays = ThreadArrays.ofThisThread();
    Setup setup = setUp(unit, arrays);
    double setupSeconds = (System.nanoTime() - setupStart) * 1e-9;

    List<FitResult> results = new ArrayList<>(unit.cells().size() * ridges.length);
    List<Cell> cells = unit.cells();
    for (int from = 0, to; from < cells.size(); from = to) {
      to = sharedRiskEnd(setup, cells, from);
      for (Fitted fitted : fitGroup(setup, cells.subList(from, to), arrays)) {
        fitted.addRows(ridges, unit.seedIndex(), setupSeconds, backend, results);
      }
    }
    return results;
  }

  /**
   * The end of the run of cells from {@code from} whose test risk is evaluated together ({@link
   * SharedTestRisk}), as {@link RiskProducts#groupEnd} groups them; a risk that cannot share makes
   * runs of one.
   */
  private int sharedRiskEnd(Setup setup, List<Cell> cells, int from) {
    if (!(setup.testRisk() instanceof SharedTestRisk shared) || !shared.sharesProducts()) {
      return from + 1;
    }
    return RiskProducts.groupEnd(cells, from, ridges.length * source.outputs());
  }

  /**
   * Fits a group of cells and their test risks: shared products for all of them when there are
   * several (each cell then carries a share of their seconds in proportion to its width), else the
   * cell's own.
   */
  private Fitted[] fitGroup(Setup setup, List<Cell> group, ThreadArrays arrays) {
    RidgeSolution solution = arrays.solution;
    boolean shared = group.size() > 1;
    int outputs = source.outputs();
    long stackLength = 0;
    for (Cell cell : group) {
      stackLength += (long) cell.width() * ridges.length * outputs;
    }
    double[] stack = shared ? arrays.sharedCoefficients.get(stackLength) : null;
    int[] widths = new int[group.size()];
    Fitted[] fitted = new Fitted[group.size()];
    int stacked = 0;
    int stackedTo = 0;
    for (int k = 0; k < group.size(); k++) {
      Cell cell = group.get(k);
      long start = System.nanoTime();
      try {
        PathTimings timings = fitCell(setup, cell, arrays);
        double[] testMse = new double[ridges.length];
        double riskSeconds = 0;
        if (shared) {
          int block = cell.width() * ridges.length * outputs;
          System.arraycopy(solution.coefficients(), 0, stack, stackedTo, block);
          stackedTo += block;
          widths[stacked++] = cell.width();
        } else {
          long fittedAt = System.nanoTime();
          (cell.isKernel() ? setup.kernels().testRisk() : setup.testRisk())
              .evaluate(solution, testMse);
          riskSeconds = (System.nanoTime() - fittedAt) * 1e-9;
        }
        fitted[k] =
            new Fitted(
                cell,
                Arrays.copyOf(solution.trainMse(), ridges.length),
                testMse,
                Arrays.copyOf(solution.looMse(), ridges.length),
                Arrays.copyOf(solution.gcvMse(), ridges.length),
                timings,
                (System.nanoTime() - start) * 1e-9,
                riskSeconds,
                null);
      } catch (NumericalException e) {
        fitted[k] = Fitted.failed(cell, (System.nanoTime() - start) * 1e-9, e.getMessage());
      }
    }
    if (stacked > 0) {
      long start = System.nanoTime();
      double[] risks = new double[stacked * ridges.length];
      int[] stackedWidths = Arrays.copyOf(widths, stacked);
      ((SharedTestRisk) setup.testRisk())
          .evaluateShared(stack, stackedWidths, ridges.length, risks);
      double seconds = (System.nanoTime() - start) * 1e-9;
      double widthSum = Arrays.stream(stackedWidths).asDoubleStream().sum();
      int next = 0;
      for (int k = 0; k < fitted.length; k++) {
        if (fitted[k].error() == null) {
          System.arraycopy(risks, next * ridges.length, fitted[k].testMse(), 0, ridges.length);
          fitted[k] = fitted[k].withRiskSeconds(seconds * stackedWidths[next] / widthSum);
          next++;
        }
      }
    }
    double testNoise = source.testNoise();
    for (int k = 0; k < fitted.length; k++) {
      fitted[k] = fitted[k].checked(ridges, testNoise);
    }
    return fitted;
  }

  /**
   * The seed's shared data: training features and test risk of the finite widths, and the kernel
   * matrices of the kernel cells (each null when the unit has no such cell).
   */
  private record Setup(SharedFeatures train, TestRisk testRisk, KernelCells kernels) {}

  private Setup setUp(WorkUnit unit, ThreadArrays arrays) {
    KernelCells kernels =
        unit.kernelCells().isEmpty()
            ? null
            : new KernelCells(
                blas, source, map, jobSeed, unit.seedIndex(), unit.kernelSamples(), testPoints);
    if (unit.featureCells().isEmpty()) {
      return new Setup(null, null, kernels);
    }
    return setUpFeatures(unit, kernels, arrays);
  }

  /**
   * The finite widths' training features and test risk. The feature bank is this thread's: the
   * memory plan counts it held through the unit's fits (the exact linear risk reads it after each).
   */
  private Setup setUpFeatures(WorkUnit unit, KernelCells kernels, ThreadArrays arrays) {
    int bankWidth = unit.maxWidth();
    double[] bank = arrays.bank.get((long) source.inputDimension() * bankWidth);
    map.weights(jobSeed, unit.seedIndex(), 0, bankWidth, bank);
    Projector projector =
        new Projector(blas, source, map, bank, jobSeed, unit.seedIndex(), arrays.projectionInputs);
    SharedFeatures train =
        new SharedFeatures(projector, unit.featureCells(), source.outputs(), arrays);
    return new Setup(train, testRisk(unit, projector, bank, bankWidth, arrays), kernels);
  }

  /** Fits a cell at every ridge into this thread's solution, its labels drawn here. */
  private PathTimings fitCell(Setup setup, Cell cell, ThreadArrays arrays) {
    int n = cell.samples();
    double[] y = arrays.labels.get((long) n * source.outputs());
    EigenRidgePath path = arrays.path(leaveOneOut);
    if (cell.isKernel()) {
      setup.kernels().labels(n, y);
      return setup.kernels().fit(path, n, y, ridges, arrays.solution);
    }
    return fitFeatures(setup.train(), cell, y, path, arrays);
  }

  /** Fits a finite-width cell at every ridge, its labels {@code y} filled here. */
  private PathTimings fitFeatures(
      SharedFeatures train, Cell cell, double[] y, EigenRidgePath path, ThreadArrays arrays) {
    RidgeSolution solution = arrays.solution;
    int n = cell.samples();
    int width = cell.width();
    int outputs = source.outputs();
    train.labels(n, y);
    // Fit the raw features H, not Phi = H / sqrt(N): ridge delta on Phi is ridge delta N on H, and
    // the coefficients on Phi are sqrt(N) times those on H (the same predictions and errors). A
    // cell within the first strip is fitted in place, any other on a copy of the same values, so
    // the arithmetic, and with it every bit, is the same whichever other cells share its unit.
    double[] raw = train.view(n, width);
    int ld = train.firstStripRows();
    if (raw == null) {
      raw = arrays.phi.get((long) n * width);
      ld = n;
      train.copyRaw(n, width, raw);
    }
    for (int r = 0; r < ridges.length; r++) {
      rawRidges[r] = ridges[r] * width;
    }
    PathTimings timings = path.fit(raw, ld, n, width, y, outputs, rawRidges, solution);
    double[] coefficients = solution.coefficients();
    double scale = Math.sqrt(width);
    for (int i = 0; i < width * outputs * ridges.length; i++) {
      coefficients[i] *= scale;
    }
    return timings;
  }

  private TestRisk testRisk(
      WorkUnit unit, Projector projector, double[] bank, int bankWidth, ThreadArrays arrays) {
    if (map.kind() == FeatureKind.LINEAR && source instanceof GaussianLinearTask gaussian) {
      return new ExactLinearRisk(blas, gaussian, bank, arrays.riskProducts, arrays.riskStaged);
    }
    if (unit.streamsTestPoints()) {
      return new StreamedTestRisk(blas, source, map, jobSeed, unit.seedIndex(), testPoints);
    }
    int outputs = source.outputs();
    double[] features = arrays.testFeatures.get((long) testPoints * bankWidth);
    double[] testLabels = new double[Math.multiplyExact(testPoints, outputs)];
    projector.project(
        RandomStreams.TEST,
        0,
        testPoints,
        bankWidth,
        features,
        0,
        testPoints,
        testLabels,
        testPoints);
    return new SampledTestRisk(blas, features, testLabels, testPoints, outputs);
  }
}
