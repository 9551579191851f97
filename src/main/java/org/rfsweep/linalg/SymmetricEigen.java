package org.rfsweep.linalg;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import org.netlib.util.booleanW;
import org.netlib.util.intW;

/**
 * Symmetric eigendecomposition, with workspaces kept between calls so a sweep of many sizes
 * allocates once per size increase. Below order {@value #MRRR_FROM} it uses LAPACK's divide and
 * conquer ({@code dsyevd}), the fastest; from there on the MRRR routine ({@code dsyevr}), about 8%
 * slower at 2048 but with O(n) workspace instead of dsyevd's 2 n^2: at 8192 that is 1 GiB less per
 * task, the difference between three and four matrices held.
 *
 * <p>Not thread-safe: one instance per worker thread.
 */
public final class SymmetricEigen {
  static final int MRRR_FROM = 4096;
  private final LAPACK lapack = NativeLinalg.lapack();
  private final int mrrrFrom;
  private double[] work = new double[1];

  public SymmetricEigen() {
    this(MRRR_FROM);
  }

  /**
   * @param mrrrFrom order from which dsyevr replaces dsyevd (tests use small values)
   */
  SymmetricEigen(int mrrrFrom) {
    this.mrrrFrom = mrrrFrom;
  }

  /** The LAPACK routine {@link #decompose} uses at order {@code n}. */
  public static String routine(int n) {
    return n >= MRRR_FROM ? "dsyevr" : "dsyevd";
  }

  /**
   * Doubles held while decomposing a matrix of order {@code n}: the matrix and what the routine
   * needs beside it (dsyevr's vectors, dsyevd's 2 n^2 workspace, or {@link #factor}'s Z with
   * dstedc's workspace), for memory planning.
   */
  public static long doublesHeld(int n) {
    long square = (long) n * n;
    return square * (n >= MRRR_FROM ? 2 : 3);
  }

  /**
   * Doubles an instance keeps between calls once it has decomposed a matrix of order {@code n}:
   * dsyevd's 2 n^2 workspace below order {@value #MRRR_FROM}, nothing of order n from there on (the
   * vectors are the caller's to drop).
   */
  public static long doublesKept(int n) {
    return n >= MRRR_FROM ? 0 : 2L * n * n;
  }

  /**
   * The result of {@link #factor}: Z, the tridiagonal matrix's eigenvectors (n x n), and the
   * routines used. Below order {@value #MRRR_FROM} Z is this instance's workspace, valid until its
   * next call; from there on it is allocated per call, for the caller to drop: kept, a large Z
   * would be a third n x n matrix held between fits (allocating costs well under 1% of a
   * decomposition of that order).
   */
  public record Factored(double[] z, String routine) {}

  private int[] iwork = new int[1];
  private int preparedFor = 0;
  private final Workspace offDiagonal = new Workspace();
  private final Workspace taus = new Workspace();
  private final Workspace factorWork = new Workspace();
  private final Workspace applyWork = new Workspace();
  private final Workspace tridiagonalVectors = new Workspace();
  private double[] tau = new double[0];
  private int factoredOrder = -1;
  private int preparedWork;
  private int preparedIwork;

  /**
   * Decomposes the symmetric matrix {@code a} = V diag(w) V^T in place.
   *
   * @param n order of the matrix
   * @param a column-major n x n (leading dimension n); only its upper triangle is read. Modified:
   *     on return it holds the orthonormal eigenvectors V as columns
   * @param values modified: the n eigenvalues in ascending order
   * @return the LAPACK routine that ran
   * @throws LapackException naming {@code dsyevd} and its info code if it fails
   */
  public String decompose(int n, double[] a, double[] values) {
    String routine = n >= mrrrFrom ? "dsyevr" : "dsyevd";
    if (n == 0) {
      return routine;
    }
    if (n >= mrrrFrom) {
      decomposeMrrr(n, a, values);
    } else {
      prepare(n, a, values);
      intW info = new intW(0);
      lapack.dsyevd("V", "U", n, a, n, values, work, preparedWork, iwork, preparedIwork, info);
      if (info.val != 0) {
        throw new LapackException(
            "dsyevd",
            info.val,
            info.val < 0
                ? "argument " + -info.val + " illegal"
                : "failed to converge on a sub-problem");
      }
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) {
        throw new NumericalException(
            "dsyevd returned non-finite eigenvalues (NaN or Inf in the matrix)");
      }
    }
    return routine;
  }

  private void decomposeMrrr(int n, double[] a, double[] values) {
    // The vectors' matrix is allocated per call and dropped after: kept, it would be a third n x n
    // matrix held
    // through the rest of the fit, and allocating it costs well under 1% of a decomposition of this
    // order.
    double[] vectors = new double[Math.multiplyExact(n, n)];
    int[] support = new int[2 * n];
    intW found = new intW(0);
    intW info = new intW(0);
    double[] workQuery = new double[1];
    int[] iworkQuery = new int[1];
    lapack.dsyevr(
        "V",
        "A",
        "U",
        n,
        a,
        n,
        0,
        0,
        0,
        0,
        0,
        found,
        values,
        vectors,
        n,
        support,
        workQuery,
        -1,
        iworkQuery,
        -1,
        info);
    if (work.length < workQuery[0] || iwork.length < iworkQuery[0]) {
      work = new double[Math.max(work.length, (int) workQuery[0])];
      iwork = new int[Math.max(iwork.length, iworkQuery[0])];
    }
    // The queried sizes, not the arrays' lengths: LAPACK picks blocked or unblocked code from
    // lwork, so a
    // workspace grown by an earlier, larger matrix would change this one's rounding.
    lapack.dsyevr(
        "V",
        "A",
        "U",
        n,
        a,
        n,
        0,
        0,
        0,
        0,
        0,
        found,
        values,
        vectors,
        n,
        support,
        work,
        (int) workQuery[0],
        iwork,
        iworkQuery[0],
        info);
    if (info.val != 0) {
      throw new LapackException(
          "dsyevr",
          info.val,
          info.val < 0 ? "argument " + -info.val + " illegal" : "internal error");
    }
    System.arraycopy(vectors, 0, a, 0, n * n);
  }

  /**
   * Factors {@code a} = Q T Q^T (dsytrd) and T = Z diag(values) Z^T (dstedc; dstemr from order
   * {@link #MRRR_FROM}, as dsyevr would) without forming the eigenvectors U = Q Z: skipping
   * dsyevd's back-transformation (2 n^3 flops) makes it about 30% faster (measured here: 0.14 s
   * against 0.20 s at n = 1024, 0.98 s against 1.39 s at 2048), for callers that only need U
   * applied to a few columns ({@link #applyQ}). Same eigenvalues as {@link #decompose} (the same
   * LAPACK steps, bit for bit).
   *
   * @param a column-major n x n, upper triangle read; modified: Q's Householder reflectors
   * @param values modified: the eigenvalues in ascending order
   * @return Z, the eigenvectors of T (see {@link Factored} for how long it lives), and the routines
   *     used
   */
  public Factored factor(int n, double[] a, double[] values) {
    double[] z =
        n >= mrrrFrom ? new double[Math.multiplyExact(n, n)] : tridiagonalVectors.get((long) n * n);
    if (n == 0) {
      return new Factored(z, "dsytrd");
    }
    // e has n entries: dstemr uses the last as workspace.
    double[] off = offDiagonal.get(n);
    tau = taus.get(Math.max(1, n - 1));
    intW info = new intW(0);
    double[] query = new double[1];
    lapack.dsytrd("U", n, a, n, values, off, tau, query, -1, info);
    int trdWork = (int) query[0];
    double[] scratch = factorWork.get(trdWork);
    // The queried size, not the array's length (see prepare).
    lapack.dsytrd("U", n, a, n, values, off, tau, scratch, trdWork, info);
    if (info.val != 0) {
      throw new LapackException("dsytrd", info.val, "argument " + -info.val + " illegal");
    }
    String tridiagonal = "dstemr";
    if (n < mrrrFrom || !tridiagonalMrrr(n, values, off, z)) {
      tridiagonalDivideAndConquer(n, values, off, z);
      tridiagonal = "dstedc";
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) {
        throw new NumericalException(
            "the tridiagonal eigensolver returned non-finite eigenvalues (NaN or Inf in "
                + "the matrix)");
      }
    }
    factoredOrder = n;
    return new Factored(z, "dsytrd+" + tridiagonal);
  }

  /** T = Z diag(d) Z^T by divide and conquer (dstedc): the fastest, with an n^2 workspace. */
  private void tridiagonalDivideAndConquer(int n, double[] d, double[] e, double[] z) {
    intW info = new intW(0);
    double[] query = new double[1];
    int[] iquery = new int[1];
    lapack.dstedc("I", n, d, e, z, n, query, -1, iquery, -1, info);
    int size = (int) query[0];
    if (iwork.length < iquery[0]) {
      iwork = new int[iquery[0]];
    }
    lapack.dstedc("I", n, d, e, z, n, factorWork.get(size), size, iwork, iquery[0], info);
    if (info.val != 0) {
      throw new LapackException(
          "dstedc",
          info.val,
          info.val < 0
              ? "argument " + -info.val + " illegal"
              : "failed to converge on a sub-problem");
    }
  }

  /**
   * T = Z diag(d) Z^T by MRRR (dstemr), with O(n) workspace: from order {@link #MRRR_FROM} dstedc's
   * n^2 workspace would be a fourth matrix. Returns false, with d and e as they were, if dstemr
   * fails (rare: dsyevr then falls back to bisection; here the caller falls back to dstedc).
   */
  private boolean tridiagonalMrrr(int n, double[] d, double[] e, double[] z) {
    double[] diagonal = d.clone();
    double[] offDiagonalCopy = Arrays.copyOf(e, n);
    double[] eigenvalues = new double[n];
    int[] support = new int[2 * n];
    intW found = new intW(0);
    intW info = new intW(0);
    booleanW tryAccurate = new booleanW(true);
    double[] query = new double[1];
    int[] iquery = new int[1];
    lapack.dstemr(
        "V",
        "A",
        n,
        d,
        e,
        0,
        0,
        0,
        0,
        found,
        eigenvalues,
        z,
        n,
        n,
        support,
        tryAccurate,
        query,
        -1,
        iquery,
        -1,
        info);
    int size = (int) query[0];
    if (iwork.length < iquery[0]) {
      iwork = new int[iquery[0]];
    }
    tryAccurate.val = true;
    lapack.dstemr(
        "V",
        "A",
        n,
        d,
        e,
        0,
        0,
        0,
        0,
        found,
        eigenvalues,
        z,
        n,
        n,
        support,
        tryAccurate,
        factorWork.get(size),
        size,
        iwork,
        iquery[0],
        info);
    if (info.val != 0 || found.val != n) {
      System.arraycopy(diagonal, 0, d, 0, n);
      System.arraycopy(offDiagonalCopy, 0, e, 0, n);
      return false;
    }
    System.arraycopy(eigenvalues, 0, d, 0, n);
    return true;
  }

  /**
   * c = Q c ({@code transpose} false) or Q^T c, with Q from the last {@link #factor} of {@code a}.
   *
   * @param c column-major n x columns (leading dimension n); modified
   */
  public void applyQ(int n, double[] a, boolean transpose, double[] c, int columns) {
    if (n != factoredOrder) {
      throw new IllegalStateException(
          "applyQ of order " + n + " after a factor of order " + factoredOrder);
    }
    String trans = transpose ? "T" : "N";
    intW info = new intW(0);
    double[] query = new double[1];
    lapack.dormtr("L", "U", trans, n, columns, a, n, tau, c, n, query, -1, info);
    int size = (int) query[0];
    lapack.dormtr("L", "U", trans, n, columns, a, n, tau, c, n, applyWork.get(size), size, info);
    if (info.val != 0) {
      throw new LapackException("dormtr", info.val, "argument " + -info.val + " illegal");
    }
  }

  /**
   * Sizes the dsyevd workspace for order n, remembering the queried sizes: they, not the arrays'
   * lengths, are what dsyevd gets, because LAPACK picks blocked or unblocked code from lwork and a
   * workspace grown by an earlier, larger matrix would otherwise change this one's rounding
   * (results must not depend on what ran before).
   */
  private void prepare(int n, double[] a, double[] values) {
    if (n == preparedFor) {
      return;
    }
    double[] workQuery = new double[1];
    int[] iworkQuery = new int[1];
    intW info = new intW(0);
    // A query reads neither matrix nor values; the caller's arrays satisfy the binding's bounds
    // checks.
    lapack.dsyevd("V", "U", n, a, n, values, workQuery, -1, iworkQuery, -1, info);
    if (info.val != 0) {
      throw new LapackException("dsyevd (workspace query)", info.val, "");
    }
    preparedWork = (int) workQuery[0];
    preparedIwork = iworkQuery[0];
    if (work.length < preparedWork) {
      work = new double[preparedWork];
    }
    if (iwork.length < preparedIwork) {
      iwork = new int[preparedIwork];
    }
    preparedFor = n;
  }
}
