package org.rfsweep.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rfsweep.testing.Matrices;

/** A silent fall-back to netlib's Java BLAS would make every sweep 10-40x slower: this must fail if it happens. */
class NativeLinalgTest {

  @Test
  void loadsNativeBlasAndLapack() {
    BlasBackend backend = NativeLinalg.initialise(1);
    assertTrue(backend.isNative(), "BLAS/LAPACK fell back to Java: " + backend);
    assertTrue(NativeLinalg.blas().getClass().getName().endsWith("JNIBLAS"), NativeLinalg.blas().getClass()
        .getName());
    assertTrue(NativeLinalg.lapack().getClass().getName().endsWith("JNILAPACK"), NativeLinalg.lapack().getClass()
        .getName());
    assertTrue(backend.label().startsWith("native:"), backend.label());
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
    double[] x = Matrices.gaussian(n, n, 3);
    double[] a = Matrices.multiply(Matrices.transpose(x, n, n), n, n, x, n);
    double[] v = a.clone();
    double[] w = new double[n];
    new SymmetricEigen().decompose(n, v, w);
    double[] vw = v.clone();
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        vw[j * n + i] *= w[j];
      }
    }
    assertArrayEquals(a, Matrices.multiply(vw, n, n, Matrices.transpose(v, n, n), n), 1e-10 * w[n - 1]);
  }

  @Test
  void nonFiniteInputIsReportedAsANumericalFailureNamingTheRoutine() {
    double[] a = {1, Double.NaN, Double.NaN, 1};
    NumericalException e = org.junit.jupiter.api.Assertions.assertThrows(NumericalException.class,
        () -> new SymmetricEigen().decompose(2, a, new double[2]));
    assertTrue(e.getMessage().contains("dsyevd"), e.getMessage());
  }
}
