package org.rfsweep.linalg;

import java.io.Serializable;

/**
 * Which BLAS/LAPACK implementation a JVM actually loaded.
 *
 * @param route how it was chosen: {@code bundled} (OpenBLAS shipped in the application jars) or
 *     {@code system} (the machine's libblas.so.3/liblapack.so.3, e.g. OpenBLAS or MKL)
 * @param blasClass netlib's BLAS implementation class ({@code JNIBLAS} when native)
 * @param lapackClass netlib's LAPACK implementation class ({@code JNILAPACK} when native)
 * @param library the shared library behind it, when known
 * @param threads BLAS threads per call, as configured for this JVM
 */
public record BlasBackend(
    String route, String blasClass, String lapackClass, String library, int threads)
    implements Serializable {

  /** True when both BLAS and LAPACK go through netlib's JNI binding to a native library. */
  public boolean isNative() {
    return blasClass.endsWith("JNIBLAS") && lapackClass.endsWith("JNILAPACK");
  }

  /** The same library run with another number of threads per call. */
  public BlasBackend withThreads(int count) {
    return new BlasBackend(route, blasClass, lapackClass, library, count);
  }

  /** Short label recorded in every result row, e.g. {@code native:bundled:openblas-0.3.31:1t}. */
  public String label() {
    String kind = isNative() ? "native" : "java";
    return kind + ":" + route + ":" + library + ":" + threads + "t";
  }
}
