package org.rfsweep.solver;

import dev.ludovic.netlib.blas.BLAS;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.linalg.SymmetricEigen;
import org.rfsweep.linalg.Workspace;

/**
 * Decompose once, solve every ridge (docs/THEORY.md section 6): one symmetric eigendecomposition of
 * the smaller Gram matrix serves the whole ridge list, so each extra ridge costs O((samples +
 * width) * min(samples, width)).
 *
 * <ul>
 *   <li>width &lt; samples (primal): Phi^T Phi = V diag(s) V^T, B = V^T Phi^T Y, A(ridge) = V (B /
 *       (s + ridge)). With P = Phi V, the fitted values are P (B / (s + ridge)) and the hat matrix
 *       diagonal is sum_j P_ij^2 / (s_j + ridge).
 *   <li>width &gt;= samples (dual): Phi Phi^T = U diag(s) U^T, C = U^T Y, alpha(ridge) = U (C / (s
 *       + ridge)), A = Phi^T alpha. Residuals are U (ridge C / (s + ridge)), exact with no
 *       cancellation, which is why the dual side also takes the square case where the Gram matrix
 *       is nearly singular.
 * </ul>
 *
 * At ridge 0 only eigenvalues above {@code max(samples, width) * eps * s_max} are inverted: the
 * minimum-norm least-squares solution. Leave-one-out and GCV estimates of the test risk come from
 * the same decomposition: LOO residuals are r_i / (1 - H_ii) (primal) or alpha_i / [(K +
 * ridge)^-1]_ii (dual, defined even when interpolating), and GCV is the train error over (1 -
 * df/n)^2 with df = sum s / (s + ridge). GCV is free. LOO needs the eigenvectors themselves (their
 * squares) and, on the primal side, P = Phi V (2 n N^2 flops, twice the Gram matrix), so it can be
 * switched off; without it the eigenvectors stay factored (see decompose).
 *
 * <p>Not thread-safe: it owns reusable workspaces. One instance per worker thread.
 */
public final class EigenRidgePath implements RidgePath {
  private static final double EPS = Math.ulp(1.0);

  /**
   * Eigenvectors squared per block for the dual leverages: 256 columns keep dgemm efficient and
   * memory small.
   */
  private static final int SQUARE_BLOCK = 256;

  private final BLAS blas = NativeLinalg.blas();
  private final SymmetricEigen eigen = new SymmetricEigen();
  private final Workspace gram = new Workspace();
  private final Workspace eigenvalues = new Workspace();
  private final Workspace rotated = new Workspace();
  private final Workspace filters = new Workspace();
  private final Workspace scaled = new Workspace();
  private final Workspace projected = new Workspace();
  private final Workspace fitted = new Workspace();
  private final Workspace leverage = new Workspace();
  private final Workspace rotation = new Workspace();
  private final boolean leaveOneOut;

  /**
   * The eigenbasis of one fit: U itself in {@code u}, or (without leave-one-out) U = Q Z kept
   * factored, with Q's reflectors in {@code u} and Z in {@code z} (see {@link
   * SymmetricEigen#factor}).
   */
  private record Basis(double[] u, double[] z, PathTimings timings) {
    boolean factored() {
      return z != null;
    }
  }

  /** A path that also computes leave-one-out estimates. */
  public EigenRidgePath() {
    this(true);
  }

  /**
   * @param leaveOneOut whether to compute leave-one-out estimates (else they are NaN)
   */
  public EigenRidgePath(boolean leaveOneOut) {
    this.leaveOneOut = leaveOneOut;
  }

  @Override
  public PathTimings fit(
      double[] phi,
      int ld,
      int samples,
      int width,
      double[] labels,
      int outputs,
      double[] ridges,
      RidgeSolution out) {
    out.reset(width, outputs, ridges.length);
    return width < samples
        ? fitPrimal(phi, ld, samples, width, labels, outputs, ridges, out)
        : fitDual(phi, ld, samples, width, labels, outputs, ridges, out);
  }

  private PathTimings fitPrimal(
      double[] phi, int ld, int n, int w, double[] y, int k, double[] ridges, RidgeSolution out) {
    int ridgeCount = ridges.length;
    double[] v = gram.get((long) w * w);
    double[] s = eigenvalues.get(w);
    Basis basis = decompose(false, phi, ld, n, w, v, s);
    double[] f = filters(s, w, cutoff(s, w, n, w), ridges);

    // B = V^T Phi^T Y, through P = Phi V when the leverages need P anyway.
    double[] b = rotated.get((long) w * k);
    double[] p = null;
    if (leaveOneOut) {
      p = projected.get((long) n * w);
      blas.dgemm("N", "N", n, w, w, 1.0, phi, ld, v, w, 0.0, p, n);
      blas.dgemm("T", "N", w, k, n, 1.0, p, n, y, n, 0.0, b, w);
    } else {
      double[] phiTy = projected.get((long) w * k);
      blas.dgemm("T", "N", w, k, n, 1.0, phi, ld, y, n, 0.0, phiTy, w);
      toEigenbasis(basis, w, phiTy, w, k, b);
    }

    double[] c = scaled.get((long) w * k * ridgeCount);
    for (int r = 0; r < ridgeCount; r++) {
      for (int o = 0; o < k; o++) {
        int block = (r * k + o) * w;
        for (int j = 0; j < w; j++) {
          c[block + j] = b[o * w + j] * f[r * w + j];
        }
      }
    }
    fromEigenbasis(basis, w, c, k * ridgeCount, out.coefficients());

    // Residuals Y - Phi A = Y - P C for every ridge at once, then the leverages from P^2.
    double[] residual = fitted.get((long) n * k * ridgeCount);
    for (int r = 0; r < ridgeCount; r++) {
      System.arraycopy(y, 0, residual, r * n * k, n * k);
    }
    double[] h = null;
    if (leaveOneOut) {
      blas.dgemm("N", "N", n, k * ridgeCount, w, -1.0, p, n, c, w, 1.0, residual, n);
      for (int i = 0; i < n * w; i++) {
        p[i] *= p[i];
      }
      h = leverage.get((long) n * ridgeCount);
      blas.dgemm("N", "N", n, ridgeCount, w, 1.0, p, n, f, w, 0.0, h, n);
    } else {
      blas.dgemm(
          "N", "N", n, k * ridgeCount, w, -1.0, phi, ld, out.coefficients(), w, 1.0, residual, n);
    }

    for (int r = 0; r < ridgeCount; r++) {
      double rss = 0;
      double loo = 0;
      for (int o = 0; o < k; o++) {
        int column = (r * k + o) * n;
        for (int i = 0; i < n; i++) {
          double e = residual[column + i];
          rss += e * e;
          if (h != null) {
            double scaledResidual = e / (1 - h[r * n + i]);
            loo += scaledResidual * scaledResidual;
          }
        }
      }
      record(out, r, rss, h != null ? loo : Double.NaN, degreesOfFreedom(s, f, r, w), n);
    }
    return basis.timings();
  }

  /**
   * The Gram matrix of the smaller side (Phi^T Phi, or Phi Phi^T when dual) and its
   * eigendecomposition, timed. Without leave-one-out nothing needs U itself, only U and U^T applied
   * to a few columns, so the eigenvectors stay factored as U = Q Z: about 30% less time than
   * forming them below order 4096.
   */
  private Basis decompose(
      boolean dual, double[] phi, int ld, int n, int w, double[] gramMatrix, double[] s) {
    int order = dual ? n : w;
    long start = System.nanoTime();
    if (dual) {
      blas.dsyrk("U", "N", n, w, 1.0, phi, ld, 0.0, gramMatrix, n);
    } else {
      blas.dsyrk("U", "T", w, n, 1.0, phi, ld, 0.0, gramMatrix, w);
    }
    return decomposeGram(order, gramMatrix, s, start);
  }

  /** The eigendecomposition of a formed Gram matrix, timed from {@code start}. */
  private Basis decomposeGram(int order, double[] gramMatrix, double[] s, long start) {
    long formed = System.nanoTime();
    double[] z = null;
    String routine;
    if (leaveOneOut) {
      routine = eigen.decompose(order, gramMatrix, s);
    } else {
      SymmetricEigen.Factored factored = eigen.factor(order, gramMatrix, s);
      z = factored.z();
      routine = factored.routine();
    }
    long done = System.nanoTime();
    return new Basis(
        gramMatrix, z, new PathTimings((formed - start) * 1e-9, (done - formed) * 1e-9, routine));
  }

  /**
   * out = U^T x for x of {@code order} rows (leading dimension ldx) and {@code columns} columns;
   * out has ld order.
   */
  private void toEigenbasis(
      Basis basis, int order, double[] x, int ldx, int columns, double[] out) {
    if (!basis.factored()) {
      blas.dgemm("T", "N", order, columns, order, 1.0, basis.u(), order, x, ldx, 0.0, out, order);
      return;
    }
    double[] qx = rotation.get((long) order * columns);
    for (int c = 0; c < columns; c++) {
      System.arraycopy(x, c * ldx, qx, c * order, order);
    }
    eigen.applyQ(order, basis.u(), true, qx, columns);
    blas.dgemm("T", "N", order, columns, order, 1.0, basis.z(), order, qx, order, 0.0, out, order);
  }

  /** out = U c for c of {@code order} x {@code columns}; both with leading dimension order. */
  private void fromEigenbasis(Basis basis, int order, double[] c, int columns, double[] out) {
    if (!basis.factored()) {
      blas.dgemm("N", "N", order, columns, order, 1.0, basis.u(), order, c, order, 0.0, out, order);
      return;
    }
    blas.dgemm("N", "N", order, columns, order, 1.0, basis.z(), order, c, order, 0.0, out, order);
    eigen.applyQ(order, basis.u(), false, out, columns);
  }

  /**
   * Kernel ridge regression on a given kernel matrix: the dual side with K in place of Phi Phi^T
   * (width = inf). The coefficients written to {@code out} are the dual ones, alpha(ridge) = (K +
   * ridge I)^+ Y, n x outputs per ridge, and {@code out.width()} is n; predictions at new points
   * are K(x, X) alpha.
   *
   * @param kernel column-major kernel matrix whose top-left {@code samples x samples} block (upper
   *     triangle) is K of the first samples; leading dimension {@code ld}; read only
   */
  public PathTimings fitKernel(
      double[] kernel,
      int ld,
      int samples,
      double[] labels,
      int outputs,
      double[] ridges,
      RidgeSolution out) {
    out.reset(samples, outputs, ridges.length);
    int n = samples;
    double[] u = gram.get((long) n * n);
    double[] s = eigenvalues.get(n);
    long start = System.nanoTime();
    for (int j = 0; j < n; j++) {
      System.arraycopy(kernel, j * ld, u, j * n, j + 1);
    }
    Basis basis = decomposeGram(n, u, s, start);
    double[] alpha = dualPath(basis, s, n, n, labels, outputs, ridges, out);
    System.arraycopy(alpha, 0, out.coefficients(), 0, n * outputs * ridges.length);
    return basis.timings();
  }

  private PathTimings fitDual(
      double[] phi, int ld, int n, int w, double[] y, int k, double[] ridges, RidgeSolution out) {
    double[] u = gram.get((long) n * n);
    double[] s = eigenvalues.get(n);
    Basis basis = decompose(true, phi, ld, n, w, u, s);
    double[] alpha = dualPath(basis, s, n, w, y, k, ridges, out);
    blas.dgemm(
        "T", "N", w, k * ridges.length, n, 1.0, phi, ld, alpha, n, 0.0, out.coefficients(), w);
    return basis.timings();
  }

  /**
   * The dual side from the eigendecomposition of an n x n Gram (or kernel) matrix: training errors,
   * LOO and GCV of every ridge into {@code out}; returns alpha, n x (outputs * ridges).
   *
   * @param w the width, for the ridge-0 cutoff (n for a kernel)
   */
  private double[] dualPath(
      Basis basis,
      double[] s,
      int n,
      int w,
      double[] y,
      int k,
      double[] ridges,
      RidgeSolution out) {
    int ridgeCount = ridges.length;
    double[] u = basis.u();
    double[] f = filters(s, n, cutoff(s, n, n, w), ridges);

    double[] cy = rotated.get((long) n * k);
    toEigenbasis(basis, n, y, n, k, cy);
    double[] d = scaled.get((long) n * k * ridgeCount);
    double[] rss = new double[ridgeCount];
    for (int r = 0; r < ridgeCount; r++) {
      for (int o = 0; o < k; o++) {
        int block = (r * k + o) * n;
        for (int i = 0; i < n; i++) {
          double ci = cy[o * n + i];
          double di = ci * f[r * n + i];
          d[block + i] = di;
          double residual = ci - Math.max(s[i], 0.0) * di; // Y - K alpha = U (C - s D)
          rss[r] += residual * residual;
        }
      }
    }
    double[] alpha = fitted.get((long) n * k * ridgeCount);
    fromEigenbasis(basis, n, d, k * ridgeCount, alpha);

    if (!leaveOneOut) {
      for (int r = 0; r < ridgeCount; r++) {
        record(out, r, rss[r], Double.NaN, degreesOfFreedom(s, f, r, n), n);
      }
      return alpha;
    }
    // [(K + ridge)^-1]_ii = sum_j U_ij^2 / (s_j + ridge), for every ridge, accumulated over blocks
    // of
    // eigenvectors so U squared never needs a second n x n matrix.
    double[] g = leverage.get((long) n * ridgeCount);
    int block = Math.min(n, SQUARE_BLOCK);
    double[] u2 = projected.get((long) n * block);
    for (int from = 0; from < n; from += block) {
      int columns = Math.min(block, n - from);
      for (int i = 0; i < n * columns; i++) {
        double value = u[from * n + i];
        u2[i] = value * value;
      }
      blas.dgemm(
          "N",
          "N",
          n,
          ridgeCount,
          columns,
          1.0,
          u2,
          0,
          n,
          f,
          from,
          n,
          from == 0 ? 0.0 : 1.0,
          g,
          0,
          n);
    }
    for (int r = 0; r < ridgeCount; r++) {
      double loo = 0;
      for (int o = 0; o < k; o++) {
        int column = (r * k + o) * n;
        for (int i = 0; i < n; i++) {
          double looResidual = alpha[column + i] / g[r * n + i];
          loo += looResidual * looResidual;
        }
      }
      record(out, r, rss[r], loo, degreesOfFreedom(s, f, r, n), n);
    }
    return alpha;
  }

  private static void record(RidgeSolution out, int r, double rss, double loo, double df, int n) {
    out.trainMse()[r] = rss / n;
    out.looMse()[r] = loo / n;
    double shrink = 1 - df / n;
    // GCV is undefined when the fit interpolates (df = n): 0/0.
    out.gcvMse()[r] = shrink > 1e-12 ? rss / n / (shrink * shrink) : Double.NaN;
  }

  /**
   * F[j, r] = 1 / (s_j + ridge_r), the pseudo-inverse's filter at ridge 0; column-major count x
   * ridges.
   */
  private double[] filters(double[] s, int count, double cutoff, double[] ridges) {
    double[] f = filters.get((long) count * ridges.length);
    for (int r = 0; r < ridges.length; r++) {
      for (int j = 0; j < count; j++) {
        f[r * count + j] = inverse(s[j], ridges[r], cutoff);
      }
    }
    return f;
  }

  /** df = sum_j s_j / (s_j + ridge): the trace of the hat matrix. */
  private static double degreesOfFreedom(double[] s, double[] f, int r, int count) {
    double df = 0;
    for (int j = 0; j < count; j++) {
      df += Math.max(s[j], 0.0) * f[r * count + j];
    }
    return df;
  }

  /**
   * Eigenvalues at or below this are numerically zero: max(samples, width) * eps * largest
   * eigenvalue.
   */
  private static double cutoff(double[] s, int count, int n, int w) {
    double max = 0;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, Math.abs(s[i]));
    }
    return Math.max(n, w) * EPS * max;
  }

  /**
   * 1 / (s + ridge), with ridge 0 inverting only eigenvalues above the cutoff (the pseudo-inverse).
   */
  private static double inverse(double s, double ridge, double cutoff) {
    if (ridge > 0) {
      return 1.0 / (Math.max(s, 0.0) + ridge);
    }
    return s > cutoff ? 1.0 / s : 0.0;
  }
}
