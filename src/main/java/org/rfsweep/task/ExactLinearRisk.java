package org.rfsweep.task;

import dev.ludovic.netlib.blas.BLAS;
import org.rfsweep.data.GaussianLinearTask;
import org.rfsweep.grid.RiskProducts;
import org.rfsweep.linalg.Workspace;
import org.rfsweep.solver.RidgeSolution;

/**
 * Exact test risk of linear random features on a Gaussian task (docs/THEORY.md section 1): the
 * predictor is f(x) = (Lambda^{1/2} W_N^T a / sqrt(N)) . x, so E_te = |Lambda^{1/2} W_N^T a /
 * sqrt(N) - v|^2 + sigma^2 with no test-sampling noise. A cell's products cover every ridge, and
 * the cells of a unit share them whatever their widths ({@link SharedTestRisk}, {@link
 * BankBlocks}).
 */
final class ExactLinearRisk implements SharedTestRisk {
  private final BLAS blas;
  private final double[] bank;
  private final double[] sqrtEigenvalues;
  private final double[] target;
  private final double noise;
  private final boolean dual;
  private final Workspace products;
  private final Workspace staged;

  /**
   * @param bank feature weights, column-major {@code dimension x bankWidth}; read only
   */
  ExactLinearRisk(BLAS blas, GaussianLinearTask task, double[] bank) {
    this(blas, task, bank, false, new Workspace(), new Workspace());
  }

  /**
   * @param bank feature weights, column-major {@code dimension x bankWidth}; read only
   * @param products where the products' output is kept (contents overwritten)
   * @param staged where the products' right-hand sides are kept (contents overwritten)
   */
  ExactLinearRisk(
      BLAS blas, GaussianLinearTask task, double[] bank, Workspace products, Workspace staged) {
    this(blas, task, bank, false, products, staged);
  }

  /**
   * @param bank feature weights, column-major {@code dimension x bankWidth}; or, for kernel fits
   *     ({@code dual}), the training inputs z_i, {@code dimension x samples}: the kernel predictor
   *     sum_i alpha_i z_i . z is linear with u = Z alpha; read only
   * @param dual whether fits are kernel fits with dual coefficients alpha
   */
  ExactLinearRisk(BLAS blas, GaussianLinearTask task, double[] bank, boolean dual) {
    this(blas, task, bank, dual, new Workspace(), new Workspace());
  }

  private ExactLinearRisk(
      BLAS blas,
      GaussianLinearTask task,
      double[] bank,
      boolean dual,
      Workspace products,
      Workspace staged) {
    this.products = products;
    this.staged = staged;
    this.dual = dual;
    this.blas = blas;
    this.bank = bank;
    this.sqrtEigenvalues = task.sqrtEigenvalues();
    this.target = task.targetCoefficients();
    this.noise = task.noiseVariance();
  }

  @Override
  public void evaluate(RidgeSolution solution, double[] out) {
    evaluateShared(solution.coefficients(), new int[] {solution.width()}, solution.ridges(), out);
  }

  /** Any cells of finite width share (kernel fits, dual, do not). */
  @Override
  public boolean sharesProducts() {
    return !dual;
  }

  /**
   * The cells' products through the bank cut as {@link BankBlocks} cuts them, the modes a chunk of
   * {@link RiskProducts#MODE_CHUNK} at a time (the products' output then stays small whatever the
   * cells), each column's squared errors summed in mode order across the chunks. An odd count of
   * ridges is padded with a zero column per cell: OpenBLAS computes a lone last column of a product
   * with a one-column kernel that rounds differently from its wider ones (measured on this
   * machine's Haswell kernels), so every product here has an even column count.
   */
  @Override
  public void evaluateShared(double[] coefficients, int[] widths, int ridges, double[] out) {
    int stride = RiskProducts.stride(ridges);
    BankBlocks blocks = new BankBlocks(widths, stride);
    double[] scales = new double[widths.length];
    for (int c = 0; c < widths.length; c++) {
      scales[c] = dual ? 1.0 : 1.0 / Math.sqrt(widths[c]);
    }
    double[] staged = this.staged.get(blocks.stagedLength());
    blocks.stage(coefficients, ridges, scales, staged);
    int dimension = sqrtEigenvalues.length;
    int columns = blocks.columns();
    int chunk = Math.min(RiskProducts.MODE_CHUNK, dimension);
    double[] u = products.get((long) chunk * columns);
    double[] sums = new double[columns];
    for (int first = 0; first < dimension; first += chunk) {
      int rows = Math.min(chunk, dimension - first);
      for (BankBlocks.Product product : blocks.products()) {
        blas.dgemm(
            "N",
            "N",
            rows,
            product.columns(),
            product.inner(),
            1.0,
            bank,
            product.block() * BankBlocks.BLOCK * dimension + first,
            dimension,
            staged,
            product.stagedOffset(),
            product.inner(),
            product.block() == 0 ? 0.0 : 1.0,
            u,
            product.firstColumn() * rows,
            rows);
      }
      addSquaredErrors(u, first, rows, columns, sums);
    }
    for (int position = 0; position < widths.length; position++) {
      int cell = blocks.cellAt(position);
      for (int r = 0; r < ridges; r++) {
        out[cell * ridges + r] = sums[position * stride + r] + noise;
      }
    }
  }

  /**
   * Adds each column's squared errors over modes {@code first .. first + rows - 1} to its sum. Four
   * columns side by side: each still adds its terms in mode order (the same bits as one column at a
   * time), but four chains of additions overlap instead of each waiting on its own previous sum;
   * for a small cell this loop cost as much as its dgemm.
   */
  private void addSquaredErrors(double[] u, int first, int rows, int columns, double[] sums) {
    int r = 0;
    for (; r + 4 <= columns; r += 4) {
      int c0 = r * rows;
      int c1 = c0 + rows;
      int c2 = c1 + rows;
      int c3 = c2 + rows;
      double sum0 = sums[r];
      double sum1 = sums[r + 1];
      double sum2 = sums[r + 2];
      double sum3 = sums[r + 3];
      for (int i = 0; i < rows; i++) {
        double scale = sqrtEigenvalues[first + i];
        double v = target[first + i];
        double e0 = scale * u[c0 + i] - v;
        double e1 = scale * u[c1 + i] - v;
        double e2 = scale * u[c2 + i] - v;
        double e3 = scale * u[c3 + i] - v;
        sum0 += e0 * e0;
        sum1 += e1 * e1;
        sum2 += e2 * e2;
        sum3 += e3 * e3;
      }
      sums[r] = sum0;
      sums[r + 1] = sum1;
      sums[r + 2] = sum2;
      sums[r + 3] = sum3;
    }
    for (; r < columns; r++) {
      double sum = sums[r];
      int column = r * rows;
      for (int i = 0; i < rows; i++) {
        double error = sqrtEigenvalues[first + i] * u[column + i] - target[first + i];
        sum += error * error;
      }
      sums[r] = sum;
    }
  }
}
