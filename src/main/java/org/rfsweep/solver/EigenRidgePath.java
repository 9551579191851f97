package org.rfsweep.solver;

import dev.ludovic.netlib.blas.BLAS;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.linalg.SymmetricEigen;
import org.rfsweep.linalg.Workspace;

/**
 * Decompose once, solve every ridge (THEORY.md section 5): one symmetric eigendecomposition of the smaller Gram
 * matrix serves the whole ridge list, so each extra ridge costs O(min(samples, width) * (width + outputs)).
 *
 * <ul>
 *   <li>width &lt; samples (primal): Phi^T Phi = V diag(s) V^T, B = V^T Phi^T Y, A(ridge) = V (B / (s + ridge)).
 *   <li>width &gt;= samples (dual): Phi Phi^T = U diag(s) U^T, C = U^T Y, A(ridge) = Phi^T U (C / (s + ridge)).
 * </ul>
 * At ridge 0 only eigenvalues above {@code max(samples, width) * eps * s_max} are inverted, which gives the
 * minimum-norm least-squares solution. Training errors come in closed form from the eigenbasis; the dual side
 * needs no cancellation at all, which is why it also takes the square case where the Gram matrix is nearly
 * singular.
 *
 * <p>Not thread-safe: it owns reusable workspaces. One instance per worker thread.
 */
public final class EigenRidgePath implements RidgePath {
  private static final double EPS = Math.ulp(1.0);

  private final BLAS blas = NativeLinalg.blas();
  private final SymmetricEigen eigen = new SymmetricEigen();
  private final Workspace gram = new Workspace();
  private final Workspace eigenvalues = new Workspace();
  private final Workspace rotated = new Workspace();
  private final Workspace scaled = new Workspace();
  private final Workspace scratch = new Workspace();

  @Override
  public void fit(double[] phi, int samples, int width, double[] labels, int outputs, double[] ridges,
      RidgeSolution out) {
    out.reset(width, outputs, ridges.length);
    if (width < samples) {
      fitPrimal(phi, samples, width, labels, outputs, ridges, out);
    } else {
      fitDual(phi, samples, width, labels, outputs, ridges, out);
    }
  }

  private void fitPrimal(double[] phi, int n, int w, double[] y, int k, double[] ridges, RidgeSolution out) {
    double[] v = gram.get((long) w * w);
    double[] s = eigenvalues.get(w);
    blas.dsyrk("U", "T", w, n, 1.0, phi, n, 0.0, v, w);
    eigen.decompose(w, v, s);
    double cutoff = cutoff(s, w, n, w);

    // B = V^T (Phi^T Y), width x outputs.
    double[] phiTy = scratch.get((long) w * k);
    blas.dgemm("T", "N", w, k, n, 1.0, phi, n, y, n, 0.0, phiTy, w);
    double[] b = rotated.get((long) w * k);
    blas.dgemm("T", "N", w, k, w, 1.0, v, w, phiTy, w, 0.0, b, w);

    // The part of Y outside the span of Phi, measured once from the minimum-norm fit; each ridge adds to it.
    double outsideSpan = residualOutsideSpan(phi, n, w, y, k, v, s, b, cutoff);

    int ridgeCount = ridges.length;
    double[] c = scaled.get((long) w * k * ridgeCount);
    double[] trainMse = out.trainMse();
    for (int r = 0; r < ridgeCount; r++) {
      double ridge = ridges[r];
      double rss = outsideSpan;
      for (int o = 0; o < k; o++) {
        int block = (r * k + o) * w;
        for (int i = 0; i < w; i++) {
          double bi = b[o * w + i];
          double si = s[i];
          c[block + i] = bi * inverse(si, ridge, cutoff);
          if (si > cutoff && ridge > 0) {
            double shrink = ridge / (si + ridge);
            rss += shrink * shrink * bi * bi / si;
          }
        }
      }
      trainMse[r] = rss / n;
    }
    blas.dgemm("N", "N", w, k * ridgeCount, w, 1.0, v, w, c, w, 0.0, out.coefficients(), w);
  }

  private double residualOutsideSpan(double[] phi, int n, int w, double[] y, int k, double[] v, double[] s,
      double[] b, double cutoff) {
    double[] c0 = scaled.get((long) w * k);
    for (int o = 0; o < k; o++) {
      for (int i = 0; i < w; i++) {
        c0[o * w + i] = b[o * w + i] * inverse(s[i], 0.0, cutoff);
      }
    }
    double[] a0 = scratch.get((long) w * k + (long) n * k);
    blas.dgemm("N", "N", w, k, w, 1.0, v, w, c0, w, 0.0, a0, w);
    // fitted = Y - Phi a0, stored after a0 in the same scratch array.
    int fittedOffset = w * k;
    System.arraycopy(y, 0, a0, fittedOffset, n * k);
    blas.dgemm("N", "N", n, k, w, -1.0, phi, 0, n, a0, 0, w, 1.0, a0, fittedOffset, n);
    double sum = 0;
    for (int i = 0; i < n * k; i++) {
      double r = a0[fittedOffset + i];
      sum += r * r;
    }
    return sum;
  }

  private void fitDual(double[] phi, int n, int w, double[] y, int k, double[] ridges, RidgeSolution out) {
    double[] u = gram.get((long) n * n);
    double[] s = eigenvalues.get(n);
    blas.dsyrk("U", "N", n, w, 1.0, phi, n, 0.0, u, n);
    eigen.decompose(n, u, s);
    double cutoff = cutoff(s, n, n, w);

    double[] cy = rotated.get((long) n * k);
    blas.dgemm("T", "N", n, k, n, 1.0, u, n, y, n, 0.0, cy, n);

    int ridgeCount = ridges.length;
    double[] d = scaled.get((long) n * k * ridgeCount);
    double[] trainMse = out.trainMse();
    for (int r = 0; r < ridgeCount; r++) {
      double ridge = ridges[r];
      double rss = 0;
      for (int o = 0; o < k; o++) {
        int block = (r * k + o) * n;
        for (int i = 0; i < n; i++) {
          double ci = cy[o * n + i];
          double di = ci * inverse(s[i], ridge, cutoff);
          d[block + i] = di;
          // Residual Y - K alpha = U (C - s D): exact, with no subtraction of large numbers.
          double residual = ci - Math.max(s[i], 0.0) * di;
          rss += residual * residual;
        }
      }
      trainMse[r] = rss / n;
    }
    double[] alpha = scratch.get((long) n * k * ridgeCount);
    blas.dgemm("N", "N", n, k * ridgeCount, n, 1.0, u, n, d, n, 0.0, alpha, n);
    blas.dgemm("T", "N", w, k * ridgeCount, n, 1.0, phi, n, alpha, n, 0.0, out.coefficients(), w);
  }

  /** Eigenvalues at or below this are numerically zero: max(samples, width) * eps * largest eigenvalue. */
  private static double cutoff(double[] s, int count, int n, int w) {
    double max = 0;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, Math.abs(s[i]));
    }
    return Math.max(n, w) * EPS * max;
  }

  /** 1 / (s + ridge), with ridge 0 inverting only eigenvalues above the cutoff (the pseudo-inverse). */
  private static double inverse(double s, double ridge, double cutoff) {
    if (ridge > 0) {
      return 1.0 / (Math.max(s, 0.0) + ridge);
    }
    return s > cutoff ? 1.0 / s : 0.0;
  }
}
