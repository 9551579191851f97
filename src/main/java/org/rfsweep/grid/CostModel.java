package org.rfsweep.grid;

import java.util.List;
import org.rfsweep.linalg.SymmetricEigen;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;

/**
 * Floating-point work and peak memory of a work unit, from its shape alone. Used by {@code plan}
 * and for scheduling; the constants follow docs/THEORY.md section 6 (Gram ~ n N min(n, N),
 * eigendecomposition ~ 9 min^3).
 */
public final class CostModel {
  /**
   * Flop-equivalents of drawing one Gaussian number (about 5 ns against ~20 GFLOP/s of mixed BLAS
   * work).
   */
  private static final double FLOPS_PER_NORMAL = 100;

  private static final double EIGEN_FLOPS_PER_CUBE = 9;

  /**
   * One Gaussian draw in flops at single-thread dgemm speed (measured: about 1.9 ns against 53-57
   * GFLOP/s, {@link SplittableNormals}: 1.6 ns on the ziggurat's common branch, the other 1.2% of
   * draws through the JDK's method; 3 ns before it).
   */
  private static final double NORMAL_AT_PEAK = 105;

  /**
   * The test predictions' products have one column per ridge: OpenBLAS runs them at about a third
   * of its dgemm speed (measured: 18.5 against 53 GFLOP/s).
   */
  private static final double NARROW_PRODUCT_SLOWDOWN = 2.9;

  /**
   * The exact test risk's products, shared by a unit's cells over blocks of the bank ({@link
   * RiskProducts}): measured on one thread, Fig. 1's width sweep at 43 GFLOP/s against 53.
   */
  private static final double SHARED_PRODUCT_SLOWDOWN = 1.25;

  /** Input dimension assumed for a dataset before its files are read (a 28 x 28 image). */
  private static final long DATASET_DIMENSION_GUESS = 784;

  private CostModel() {}

  /**
   * Cost of one work unit.
   *
   * @param peakBytes what the unit holds at once, its kept arrays included
   * @param kept the arrays of its peak that a task slot's thread keeps for its next unit
   * @param largestArray doubles in the largest single array the unit allocates (a Java array holds
   *     at most {@link #MAX_ARRAY})
   * @param largestArrayName what that array is, for messages
   */
  public record UnitCost(
      double flops,
      double flopsAtPeak,
      long peakBytes,
      Kept kept,
      long largestArray,
      String largestArrayName) {}

  /**
   * Bytes of the arrays a fit thread keeps from unit to unit (task/ThreadArrays), each grown to the
   * largest any of its units needed: the feature bank, the training strips, the copy of Phi for a
   * cell spanning strips, the Gram matrix (with the eigensolver's workspace where it keeps one),
   * the exact test risk's shared products.
   */
  public record Kept(long bank, long strips, long phi, long gram, long risk) {
    public long total() {
      return bank + strips + phi + gram + risk;
    }

    /** Each kind at the larger of the two. */
    public Kept max(Kept other) {
      return new Kept(
          Math.max(bank, other.bank),
          Math.max(strips, other.strips),
          Math.max(phi, other.phi),
          Math.max(gram, other.gram),
          Math.max(risk, other.risk));
    }
  }

  /**
   * What a task slot's thread holds at most over a sequence of units: the most any unit holds
   * besides its kept arrays, plus every kind of kept array at the largest any unit made it.
   */
  public static long slotPeakBytes(Iterable<UnitCost> costs) {
    long besidesKept = 0;
    Kept kept = new Kept(0, 0, 0, 0, 0);
    for (UnitCost cost : costs) {
      besidesKept = Math.max(besidesKept, cost.peakBytes() - cost.kept().total());
      kept = kept.max(cost.kept());
    }
    return besidesKept + kept.total();
  }

  /**
   * The eigendecomposition of order m in flops at single-thread dgemm speed, as the fit runs it
   * (measured on one core, without leave-one-out: 8.2 m^3 at m = 1024, 4.6 at 4096, 5.4 at 8192;
   * forming the eigenvectors for leave-one-out adds about a quarter). Small orders run further
   * below dgemm speed.
   */
  static double eigenAtPeak(double m, boolean loo) {
    double small = Math.min(1.0, 1024 / m);
    return (5 + 4 * small * small) * (loo ? 1.25 : 1.0) * m * m * m;
  }

  /**
   * Seconds to measure a dataset pool's spectrum (the kernel matrix, its eigendecomposition with
   * vectors, the proxies' Cholesky solves): P^2 d + 11.3 P^3 flops at single-thread dgemm speed, on
   * threads^0.65 threads' worth of it. The eigensolver's reduction to tridiagonal form reads the
   * whole matrix for every column, so it runs far below dgemm speed and gains little from more
   * threads. Measured here (d = 784, 53 GFLOP/s a thread): 10,000 points 132-137 s on two threads;
   * 5,000 points 26.7-29.7 s on one and 16.8-19.0 s on two (1.57 times faster, hence the exponent);
   * 2,000 points 1.0 s on two. More threads than two are extrapolated.
   *
   * @param gflops single-thread dgemm speed
   * @param threads BLAS threads measuring
   */
  public static double spectrumSeconds(long points, long dimension, double gflops, int threads) {
    double p = points;
    double flops = p * p * dimension + SPECTRUM_FLOPS_PER_CUBE * p * p * p;
    return flops / (gflops * 1e9 * Math.pow(Math.max(1, threads), SPECTRUM_THREAD_EXPONENT));
  }

  private static final double SPECTRUM_FLOPS_PER_CUBE = 11.3;
  private static final double SPECTRUM_THREAD_EXPONENT = 0.65;

  /** The most elements a Java array can hold on common JVMs. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  public static UnitCost of(JobSpec job, WorkUnit unit) {
    JobSpec spec = job.hasTaskAxes() ? job.at(job.points().get(unit.point())) : job;
    boolean exactRisk =
        spec.task() instanceof PowerLawTaskSpec && spec.features().kind() == FeatureKind.LINEAR;
    long dimension;
    long testPoints;
    int outputs = 1;
    if (spec.task() instanceof PowerLawTaskSpec task) {
      dimension = task.modes();
      testPoints = exactRisk ? 0 : task.testSamples();
    } else {
      DatasetTaskSpec task = (DatasetTaskSpec) spec.task();
      dimension = DATASET_DIMENSION_GUESS;
      testPoints = task.testSamples();
      outputs = task.target().equals(DatasetTaskSpec.ONEHOT) ? 10 : 1;
    }
    int ridges = spec.grid().ridges().size() * outputs;
    long bankWidth = unit.maxWidth();
    Staircase staircase = new Staircase(unit.cells());
    long maxSamples = staircase.maxSamples();

    // Shared per seed: drawing the bank, samples and test points, and projecting them.
    double flops =
        FLOPS_PER_NORMAL * dimension * (bankWidth + maxSamples + testPoints)
            + 2.0 * dimension * (staircase.entries() + (double) testPoints * bankWidth);
    // The same work weighted by how fast each part runs (flops at single-thread dgemm speed), for
    // time estimates; the flops decide cuts and packing and stay exactly as they were.
    double atPeak =
        NORMAL_AT_PEAK * dimension * (bankWidth + maxSamples + testPoints)
            + 2.0 * dimension * (staircase.entries() + (double) testPoints * bankWidth);
    boolean loo = spec.fit().leaveOneOut();
    long perCell = 0;
    // Kernel cells (width inf): the inputs, their kernel matrix and the test points' kernel, per
    // seed; per cell an eigendecomposition of order n and the dual path.
    long kernelSamples = unit.kernelSamples();
    long kernelTest = exactRisk ? 0 : testPoints;
    flops +=
        FLOPS_PER_NORMAL * dimension * (kernelSamples + (kernelSamples > 0 ? kernelTest : 0))
            + (double) kernelSamples * kernelSamples * dimension
            + 2.0 * kernelTest * kernelSamples * dimension;
    atPeak +=
        NORMAL_AT_PEAK * dimension * (kernelSamples + (kernelSamples > 0 ? kernelTest : 0))
            + (double) kernelSamples * kernelSamples * dimension
            + 2.0 * kernelTest * kernelSamples * dimension;
    for (Cell cell : unit.kernelCells()) {
      double n = cell.samples();
      flops +=
          EIGEN_FLOPS_PER_CUBE * n * n * n
              + 4.0 * n * n * ridges
              + (loo ? 2.0 * n * n * ridges : 0)
              + 2.0 * n * ridges * (exactRisk ? dimension : testPoints);
      atPeak +=
          eigenAtPeak(n, loo)
              + 4.0 * n * n * ridges
              + (loo ? 2.0 * n * n * ridges : 0)
              + NARROW_PRODUCT_SLOWDOWN * 2.0 * n * ridges * (exactRisk ? dimension : testPoints);
      perCell =
          Math.max(
              perCell,
              SymmetricEigen.doublesHeld(cell.samples())
                  + (3 * (long) n + (exactRisk ? dimension : testPoints)) * ridges);
    }
    for (Cell cell : unit.featureCells()) {
      double n = cell.samples();
      double w = cell.width();
      double m = Math.min(n, w);
      double evaluation = 2.0 * w * ridges * (exactRisk ? dimension : testPoints);
      double leverages = loo && w < n ? 2.0 * n * w * w : 0;
      flops +=
          n * w * m
              + EIGEN_FLOPS_PER_CUBE * m * m * m
              + 2.0 * m * (w + n) * ridges
              + evaluation
              + leverages;
      atPeak +=
          n * w * m
              + eigenAtPeak(m, loo)
              + 2.0 * m * (w + n) * ridges
              + (exactRisk ? SHARED_PRODUCT_SLOWDOWN : NARROW_PRODUCT_SLOWDOWN) * evaluation
              + leverages;
      perCell =
          Math.max(perCell, cellBytes(cell, staircase, loo, ridges, exactRisk ? 0 : testPoints));
    }
    int blockRows = ProjectionBlock.rows((int) dimension);
    long keptRisk = exactRisk ? exactRiskDoubles(unit.cells(), dimension, ridges) : 0;
    long heldTestFeatures = unit.streamsTestPoints() ? 0 : testPoints * bankWidth;
    long shared =
        keptRisk
            + dimension * bankWidth
            + staircase.entries()
            + maxSamples
            + heldTestFeatures
            + dimension * blockRows
            + (staircase.strips() > 1 ? (long) blockRows * staircase.columns(0) : 0)
            + kernelSamples * (dimension + kernelSamples + kernelTest);
    Largest largest = new Largest();
    largest.consider(
        dimension * bankWidth,
        "the feature bank (input dimension " + dimension + " x widest width " + bankWidth + ")");
    largest.consider(
        heldTestFeatures,
        "the test features (" + testPoints + " test points x widest width " + bankWidth + ")");
    largest.consider(
        dimension * blockRows,
        "a projection block (input dimension " + dimension + " x " + blockRows + " rows)");
    for (int k = 0; k < staircase.strips(); k++) {
      largest.consider(
          (long) staircase.rows(k) * staircase.columns(k),
          "a strip of training features ("
              + staircase.rows(k)
              + " samples x "
              + staircase.columns(k)
              + " features)");
    }
    if (kernelSamples > 0) {
      largest.consider(
          kernelSamples * kernelSamples,
          "the kernel matrix (" + kernelSamples + " x " + kernelSamples + " samples)");
      largest.consider(
          dimension * kernelSamples,
          "the kernel cells' inputs (input dimension "
              + dimension
              + " x "
              + kernelSamples
              + " samples)");
      largest.consider(
          kernelTest * kernelSamples,
          "the test points' kernel (" + kernelTest + " x " + kernelSamples + " samples)");
    }
    for (Cell cell : unit.featureCells()) {
      long m = Math.min(cell.samples(), cell.width());
      largest.consider(
          m * m, "the Gram matrix of cell (" + cell.width() + ", " + cell.samples() + ")");
      largest.consider(
          (long) cell.samples() * cell.width(),
          "the features of cell (" + cell.width() + ", " + cell.samples() + ")");
      largest.consider(
          (long) ridges * cell.width(),
          "the coefficients of cell (" + cell.width() + ", " + cell.samples() + ") at every ridge");
    }
    long keptPhi = 0;
    long keptGram = 0;
    for (Cell cell : unit.featureCells()) {
      long n = cell.samples();
      long w = cell.width();
      long m = Math.min(n, w);
      keptPhi = Math.max(keptPhi, copiesPhi(cell, staircase) ? n * w : 0);
      keptGram = Math.max(keptGram, m * m + SymmetricEigen.doublesKept((int) m));
    }
    Kept kept =
        new Kept(
            dimension * bankWidth * Double.BYTES,
            staircase.entries() * Double.BYTES,
            keptPhi * Double.BYTES,
            keptGram * Double.BYTES,
            keptRisk * Double.BYTES);
    return new UnitCost(
        flops, atPeak, (shared + perCell) * Double.BYTES, kept, largest.size, largest.name);
  }

  /**
   * Doubles the exact test risk holds at most for its shared products ({@link RiskProducts}), as
   * the fit thread's arrays grow to: the products' output, the coefficients of a group's cells held
   * until its last is fitted, and their copy staged block by block.
   */
  static long exactRiskDoubles(List<Cell> cells, long dimension, int columns) {
    int stride = RiskProducts.stride(columns);
    long output = 0;
    long held = 0;
    long staged = 0;
    for (int from = 0, to; from < cells.size(); from = to) {
      to = RiskProducts.groupEnd(cells, from, columns);
      if (cells.get(from).isKernel()) {
        continue;
      }
      long widths = cells.subList(from, to).stream().mapToLong(Cell::width).sum();
      output =
          Math.max(output, Math.min(dimension, RiskProducts.MODE_CHUNK) * (to - from) * stride);
      held = Math.max(held, to - from > 1 ? widths * columns : 0);
      staged = Math.max(staged, widths * stride);
    }
    return output + held + staged;
  }

  /** The largest of the arrays considered. */
  private static final class Largest {
    long size = -1;
    String name = "";

    void consider(long candidate, String what) {
      if (candidate > size) {
        size = candidate;
        name = what;
      }
    }
  }

  /**
   * Doubles one cell holds besides the unit's shared arrays: a copy of Phi when the cell spans
   * several strips, the Gram matrix with the eigensolver's second matrix (dsyevr's vectors, or
   * dsyevd's 2 m^2 workspace), P = Phi V for primal leave-one-out, and a few columns per ridge.
   */
  private static long cellBytes(
      Cell cell, Staircase staircase, boolean loo, int ridges, long evaluationRows) {
    long n = cell.samples();
    long w = cell.width();
    long m = Math.min(n, w);
    long copy = copiesPhi(cell, staircase) ? n * w : 0;
    long eigen = SymmetricEigen.doublesHeld((int) m);
    long leverages = loo && w < n ? n * w : 0;
    return copy + eigen + leverages + (3 * (n + w) + evaluationRows) * ridges;
  }

  /** Whether a cell's fit copies Phi: its features span more than the first strip. */
  private static boolean copiesPhi(Cell cell, Staircase staircase) {
    return cell.samples() > staircase.end(0) || cell.width() > staircase.columns(0);
  }
}
