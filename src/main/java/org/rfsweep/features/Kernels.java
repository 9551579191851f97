package org.rfsweep.features;

import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.FeatureSpec;

/**
 * The infinite-width kernels of the feature maps (docs/THEORY.md sections 1 and 5): the limit of
 * Phi Phi^T = H H^T / N as N grows. Matrices over sets of points are built from native products of
 * the inputs (dsyrk, dgemm), then the kernel is applied entry by entry, since every kernel here is
 * a function of x . x', |x|^2 and |x'|^2.
 */
public final class Kernels {
  private Kernels() {}

  /** A kernel as a function of x . x', |x|^2 and |x'|^2. */
  @FunctionalInterface
  public interface Kernel {
    double of(double dot, double squareX, double squareZ);
  }

  /**
   * k(x, x') from x . x' and the squared norms: x . x' (linear); the normalised degree-1 arc-cosine
   * kernel (ReLU); exp(-|x - x'|^2 / (2 length^2)) (rff).
   *
   * @param meanSquaredNorm E|x|^2 of the inputs (the ReLU kernel is normalised by it, as its
   *     features are)
   */
  public static double value(
      FeatureKind kind,
      double length,
      double meanSquaredNorm,
      double dot,
      double squareX,
      double squareZ) {
    return switch (kind) {
      case LINEAR -> dot;
      case RELU -> arcCosine(dot, squareX, squareZ, meanSquaredNorm);
      case RFF -> Math.exp(-Math.max(0, squareX + squareZ - 2 * dot) / (2 * length * length));
    };
  }

  /**
   * K_ij = k(x_i, x_j) for the map's kernel.
   *
   * @param inputs column-major {@code dimension x points}, point p in column p; read only
   * @param meanSquaredNorm E|x|^2 of the inputs
   * @param out modified: column-major {@code points x points}, both triangles filled
   */
  public static void matrix(
      FeatureSpec features,
      double[] inputs,
      int dimension,
      int points,
      double meanSquaredNorm,
      double[] out) {
    double length = features.kind() == FeatureKind.RFF ? features.length() : 0;
    Kernel kernel =
        (dot, squareX, squareZ) ->
            value(features.kind(), length, meanSquaredNorm, dot, squareX, squareZ);
    symmetric(kernel, inputs, dimension, points, out, points);
    for (int j = 0; j < points; j++) {
      for (int i = 0; i < j; i++) {
        out[i * points + j] = out[j * points + i];
      }
    }
  }

  /**
   * The upper triangle of K_ij = k(x_i, x_j) (column-major, leading dimension {@code ld}); the
   * strict lower triangle is left as it was.
   */
  public static void symmetric(
      Kernel kernel, double[] inputs, int dimension, int points, double[] out, int ld) {
    NativeLinalg.blas().dsyrk("U", "T", points, dimension, 1.0, inputs, dimension, 0.0, out, ld);
    double[] diagonal = new double[points];
    for (int i = 0; i < points; i++) {
      diagonal[i] = out[i * ld + i];
    }
    for (int j = 0; j < points; j++) {
      for (int i = 0; i <= j; i++) {
        out[j * ld + i] = kernel.of(out[j * ld + i], diagonal[i], diagonal[j]);
      }
    }
  }

  /**
   * K_ij = k(a_i, b_j) between two sets of points, into rows {@code offset ..} of a column-major
   * matrix with leading dimension {@code ld}.
   *
   * @param a column-major {@code dimension x rows}; read only
   * @param b column-major {@code dimension x columns}; read only
   * @param squareB |b_j|^2, one per column of b
   */
  public static void cross(
      Kernel kernel,
      double[] a,
      int rows,
      double[] b,
      double[] squareB,
      int columns,
      int dimension,
      double[] out,
      int offset,
      int ld) {
    NativeLinalg.blas()
        .dgemm(
            "T", "N", rows, columns, dimension, 1.0, a, 0, dimension, b, 0, dimension, 0.0, out,
            offset, ld);
    double[] squareA = squaredNorms(a, dimension, rows);
    for (int j = 0; j < columns; j++) {
      for (int i = 0; i < rows; i++) {
        int at = offset + j * ld + i;
        out[at] = kernel.of(out[at], squareA[i], squareB[j]);
      }
    }
  }

  /** |x_p|^2 for every column of a {@code dimension x points} matrix. */
  public static double[] squaredNorms(double[] x, int dimension, int points) {
    double[] out = new double[points];
    for (int p = 0; p < points; p++) {
      double sum = 0;
      for (int i = p * dimension; i < (p + 1) * dimension; i++) {
        sum += x[i] * x[i];
      }
      out[p] = sum;
    }
    return out;
  }

  /** (|x||x'| / E|x|^2) (sin t + (pi - t) cos t) / pi, t the angle between x and x'. */
  static double arcCosine(double dot, double squareX, double squareZ, double meanSquaredNorm) {
    double norms = Math.sqrt(squareX * squareZ);
    if (norms == 0) {
      return 0;
    }
    double cos = Math.max(-1, Math.min(1, dot / norms));
    double t = Math.acos(cos);
    return norms / meanSquaredNorm * (Math.sin(t) + (Math.PI - t) * cos) / Math.PI;
  }
}
