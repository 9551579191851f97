package org.rfsweep.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rfsweep.testing.Matrices;

/**
 * A silent fall-back to netlib's Java BLAS would make every sweep 10-40x slower: this must fail if
 * it happens.
 */
class NativeLinalgTest {

  @Test
  void loadsNativeBlasAndLapack() {
    BlasBackend backend = NativeLinalg.initialise(1);
    assertTrue(backend.isNative(), "BLAS/LAPACK fell back to Java: " + backend);
    assertTrue(
        NativeLinalg.blas().getClass().getName().endsWith("JNIBLAS"),
        NativeLinalg.blas().getClass().getName());
    assertTrue(
        NativeLinalg.lapack().getClass().getName().endsWith("JNILAPACK"),
        NativeLinalg.lapack().getClass().getName());
    assertTrue(backend.label().startsWith("native:"), backend.label());
  }

  @Test
  void aBackgroundLoadLeavesTheThreadsTheCommandSet() throws InterruptedException {
    // A run starts the load on a thread of its own and then asks for its own thread count; the
    // load may end after that call (here: surely after it), and must not set its one thread then.
    try {
      NativeLinalg.initialise(2);
      NativeLinalg.loadInBackground().join();
      assertEquals(2, NativeLinalg.backend().threads());
      assertEquals(2, org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads());
    } finally {
      NativeLinalg.initialise(1);
    }
    assertEquals(1, org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads());
  }

  @Test
  void nativeDgemmComputesTheProduct() {
    int m = 37;
    int k = 23;
    int n = 19;
    double[] a = Matrices.gaussian(m, k, 1);
    double[] b = Matrices.gaussian(k, n, 2);
    double[] c = new double[m * n];
    NativeLinalg.blas().dgemm("N", "N", m, n, k, 1.0, a, m, b, k, 0.0, c, m);
    assertArrayEquals(Matrices.multiply(a, m, k, b, n), c, 1e-12);
  }

  @Test
  void eigendecompositionReconstructsTheMatrix() {
    int n = 30;
    double[] a = gram(n, 3);
    double[] v = a.clone();
    double[] w = new double[n];
    new SymmetricEigen().decompose(n, v, w);
    double[] vw = v.clone();
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        vw[j * n + i] *= w[j];
      }
    }
    assertArrayEquals(
        a, Matrices.multiply(vw, n, n, Matrices.transpose(v, n, n), n), 1e-10 * w[n - 1]);
  }

  @Test
  void mrrrAndDivideAndConquerAgree() {
    int n = 60;
    double[] a = gram(n, 4);
    double[] divideAndConquer = a.clone();
    double[] mrrr = a.clone();
    double[] w1 = new double[n];
    double[] w2 = new double[n];
    new SymmetricEigen().decompose(n, divideAndConquer, w1);
    SymmetricEigen small = new SymmetricEigen(1);
    small.decompose(n, mrrr, w2);
    assertArrayEquals(w1, w2, 1e-11 * w1[n - 1]);
    // Eigenvectors agree up to sign: |v1 . v2| = 1.
    for (int j = 0; j < n; j++) {
      double dot = 0;
      for (int i = 0; i < n; i++) {
        dot += divideAndConquer[j * n + i] * mrrr[j * n + i];
      }
      org.junit.jupiter.api.Assertions.assertEquals(1.0, Math.abs(dot), 1e-9);
    }
    // One instance switching between the routines by size keeps each one's workspace right.
    SymmetricEigen mixed = new SymmetricEigen(50);
    double[] b = gram(30, 14); // 30 x 30, dsyevd
    double[] first = b.clone();
    mixed.decompose(30, first, new double[30]);
    double[] again = a.clone();
    mixed.decompose(n, again, new double[n]); // dsyevr
    assertArrayEquals(mrrr, again, 1e-12);
    double[] second = b.clone();
    mixed.decompose(30, second, new double[30]);
    assertArrayEquals(first, second, 0.0);
  }

  @ParameterizedTest(name = "tridiagonal solver from order {0} on")
  @ValueSource(ints = {SymmetricEigen.MRRR_FROM, 100})
  void factoredEigenvectorsMatchTheFormedOnes(int mrrrFrom) {
    int n = 200; // above LAPACK's blocking crossover, so dsytrd and dormtr run their blocked code
    double[] a = gram(n, 5);
    double[] formed = a.clone();
    double[] values = new double[n];
    // mrrrFrom 100: dsyevr and dstemr, as from order 4096 in a sweep; else dsyevd and dstedc.
    SymmetricEigen eigen = new SymmetricEigen(mrrrFrom);
    eigen.decompose(n, formed, values);
    double[] reflectors = a.clone();
    double[] factoredValues = new double[n];
    double[] z = eigen.factor(n, reflectors, factoredValues).z();
    assertArrayEquals(values, factoredValues, 1e-12 * values[n - 1], "same eigenvalues");
    // U = Q Z column by column, against dsyevd's U up to each column's sign.
    double[] u = z.clone();
    eigen.applyQ(n, reflectors, false, u, n);
    for (int j = 0; j < n; j++) {
      double dot = 0;
      for (int i = 0; i < n; i++) {
        dot += u[j * n + i] * formed[j * n + i];
      }
      assertTrue(
          Math.abs(Math.abs(dot) - 1) < 1e-9,
          "eigenvector " + j + ": |<u, u'>| = " + Math.abs(dot));
    }
    // Q^T then Q is the identity.
    double[] c = Matrices.gaussian(n, 3, 6);
    double[] roundTrip = c.clone();
    eigen.applyQ(n, reflectors, true, roundTrip, 3);
    eigen.applyQ(n, reflectors, false, roundTrip, 3);
    assertArrayEquals(c, roundTrip, 1e-12);
  }

  @Test
  void nonFiniteInputIsReportedAsANumericalFailureNamingTheRoutine() {
    double[] a = {1, Double.NaN, Double.NaN, 1};
    NumericalException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            NumericalException.class, () -> new SymmetricEigen().decompose(2, a, new double[2]));
    assertTrue(e.getMessage().contains("dsyevd"), e.getMessage());
  }

  /** X^T X for a Gaussian n x n X: symmetric positive definite with a spread spectrum. */
  private static double[] gram(int n, long seed) {
    double[] x = Matrices.gaussian(n, n, seed);
    return Matrices.multiply(Matrices.transpose(x, n, n), n, n, x, n);
  }
}
