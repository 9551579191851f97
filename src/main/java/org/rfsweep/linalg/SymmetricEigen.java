package org.rfsweep.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Symmetric eigendecomposition by LAPACK's divide and conquer ({@code dsyevd}), with its workspace kept between
 * calls so a sweep of many sizes allocates once per size increase.
 *
 * <p>Not thread-safe: one instance per worker thread.
 */
public final class SymmetricEigen {
  private final LAPACK lapack = NativeLinalg.lapack();
  private double[] work = new double[1];
  private int[] iwork = new int[1];
  private int preparedFor = 0;

  /**
   * Decomposes the symmetric matrix {@code a} = V diag(w) V^T in place.
   *
   * @param n      order of the matrix
   * @param a      column-major n x n (leading dimension n); only its upper triangle is read. Modified: on return
   *               it holds the orthonormal eigenvectors V as columns
   * @param values modified: the n eigenvalues in ascending order
   * @throws LapackException naming {@code dsyevd} and its info code if it fails
   */
  public void decompose(int n, double[] a, double[] values) {
    if (n == 0) {
      return;
    }
    prepare(n, a, values);
    intW info = new intW(0);
    lapack.dsyevd("V", "U", n, a, n, values, work, work.length, iwork, iwork.length, info);
    if (info.val != 0) {
      throw new LapackException("dsyevd", info.val,
          info.val < 0 ? "argument " + -info.val + " illegal" : "failed to converge on a sub-problem");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) {
        throw new NumericalException("dsyevd returned non-finite eigenvalues (NaN or Inf in the matrix)");
      }
    }
  }

  private void prepare(int n, double[] a, double[] values) {
    if (n <= preparedFor) {
      return;
    }
    double[] workQuery = new double[1];
    int[] iworkQuery = new int[1];
    intW info = new intW(0);
    // A query reads neither matrix nor values; the caller's arrays satisfy the binding's bounds checks.
    lapack.dsyevd("V", "U", n, a, n, values, workQuery, -1, iworkQuery, -1, info);
    if (info.val != 0) {
      throw new LapackException("dsyevd (workspace query)", info.val, "");
    }
    work = new double[(int) workQuery[0]];
    iwork = new int[iworkQuery[0]];
    preparedFor = n;
  }
}
