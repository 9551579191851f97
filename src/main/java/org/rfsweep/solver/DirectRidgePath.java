package org.rfsweep.solver;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import org.netlib.util.intW;
import org.rfsweep.linalg.LapackException;
import org.rfsweep.linalg.NativeLinalg;

/**
 * The textbook ridge path: for each ridge > 0 a Cholesky solve of (Phi^T Phi + ridge I) A = Phi^T
 * Y; for ridge 0 the minimum-norm least-squares solution by LAPACK's SVD-based {@code dgelsd}. It
 * refactors for every ridge, so it is the reference that {@link EigenRidgePath} is checked and
 * benchmarked against, not what sweeps use.
 */
public final class DirectRidgePath implements RidgePath {
  private static final double EPS = Math.ulp(1.0);
  private final BLAS blas = NativeLinalg.blas();
  private final LAPACK lapack = NativeLinalg.lapack();

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
    long start = System.nanoTime();
    if (ld != samples) {
      phi = compact(phi, ld, samples, width);
    }
    out.reset(width, outputs, ridges.length);
    Arrays.fill(out.looMse(), Double.NaN); // a reference for coefficients, not for cross-validation
    Arrays.fill(out.gcvMse(), Double.NaN);
    double[] phiTy = new double[width * outputs];
    blas.dgemm(
        "T", "N", width, outputs, samples, 1.0, phi, samples, labels, samples, 0.0, phiTy, width);
    // The Gram matrix is formed once; each ridge refactors a copy of it, as a per-ridge solver
    // must.
    double[] phiTphi = new double[width * width];
    blas.dsyrk("U", "T", width, samples, 1.0, phi, samples, 0.0, phiTphi, width);
    long formed = System.nanoTime();
    double[] gram = new double[width * width];
    double[] solution = new double[width * outputs];
    for (int r = 0; r < ridges.length; r++) {
      if (ridges[r] > 0) {
        System.arraycopy(phiTphi, 0, gram, 0, gram.length);
        for (int i = 0; i < width; i++) {
          gram[i * width + i] += ridges[r];
        }
        System.arraycopy(phiTy, 0, solution, 0, solution.length);
        intW info = new intW(0);
        lapack.dpotrf("U", width, gram, width, info);
        check("dpotrf", info);
        lapack.dpotrs("U", width, outputs, gram, width, solution, width, info);
        check("dpotrs", info);
      } else {
        minimumNorm(phi, samples, width, labels, outputs, solution);
      }
      System.arraycopy(solution, 0, out.coefficients(), r * width * outputs, width * outputs);
      out.trainMse()[r] = trainMse(phi, samples, width, labels, outputs, solution);
    }
    return new PathTimings(
        (formed - start) * 1e-9, (System.nanoTime() - formed) * 1e-9, "dpotrf+dpotrs/dgelsd");
  }

  private static double[] compact(double[] phi, int ld, int samples, int width) {
    double[] out = new double[samples * width];
    for (int j = 0; j < width; j++) {
      System.arraycopy(phi, j * ld, out, j * samples, samples);
    }
    return out;
  }

  private void minimumNorm(double[] phi, int n, int w, double[] y, int k, double[] solution) {
    int ldb = Math.max(n, w);
    double[] a = phi.clone();
    double[] b = new double[ldb * k];
    for (int o = 0; o < k; o++) {
      System.arraycopy(y, o * n, b, o * ldb, n);
    }
    double[] singular = new double[Math.min(n, w)];
    // Singular values below sqrt(eigenvalue cutoff) match EigenRidgePath's cutoff on the Gram
    // eigenvalues.
    double rcond = Math.sqrt(Math.max(n, w) * EPS);
    intW rank = new intW(0);
    intW info = new intW(0);
    double[] query = new double[1];
    int[] iquery = new int[1];
    lapack.dgelsd(n, w, k, a, n, b, ldb, singular, rcond, rank, query, -1, iquery, info);
    check("dgelsd (workspace query)", info);
    double[] work = new double[(int) query[0]];
    int[] iwork = new int[Math.max(1, iquery[0])];
    lapack.dgelsd(n, w, k, a, n, b, ldb, singular, rcond, rank, work, work.length, iwork, info);
    check("dgelsd", info);
    for (int o = 0; o < k; o++) {
      System.arraycopy(b, o * ldb, solution, o * w, w);
    }
  }

  private double trainMse(double[] phi, int n, int w, double[] y, int k, double[] solution) {
    double[] residual = y.clone();
    blas.dgemm("N", "N", n, k, w, -1.0, phi, n, solution, w, 1.0, residual, n);
    double sum = 0;
    for (int i = 0; i < n * k; i++) {
      sum += residual[i] * residual[i];
    }
    return sum / n;
  }

  private static void check(String routine, intW info) {
    if (info.val != 0) {
      throw new LapackException(
          routine,
          info.val,
          info.val < 0
              ? "argument " + -info.val + " illegal"
              : routine.startsWith("dpotrf") ? "matrix not positive definite" : "did not converge");
    }
  }
}
