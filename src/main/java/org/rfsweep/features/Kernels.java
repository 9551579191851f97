package org.rfsweep.features;

import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.FeatureSpec;

/**
 * The infinite-width kernels of the feature maps (docs/THEORY.md sections 1 and 5), as full
 * matrices over a set of points, built from one native Gram matrix X^T X.
 */
public final class Kernels {
  private Kernels() {}

  /**
   * K_ij = k(x_i, x_j) for the map's kernel.
   *
   * @param inputs column-major {@code dimension x points}, point p in column p; read only
   * @param meanSquaredNorm E|x|^2 of the inputs (the ReLU kernel is normalised by it, as its
   *     features are)
   * @param out modified: column-major {@code points x points}, both triangles filled
   */
  public static void matrix(
      FeatureSpec features,
      double[] inputs,
      int dimension,
      int points,
      double meanSquaredNorm,
      double[] out) {
    NativeLinalg.blas()
        .dsyrk("U", "T", points, dimension, 1.0, inputs, dimension, 0.0, out, points);
    double[] diagonal = new double[points];
    for (int i = 0; i < points; i++) {
      diagonal[i] = out[i * points + i];
    }
    for (int j = 0; j < points; j++) {
      for (int i = 0; i <= j; i++) {
        double dot = out[j * points + i];
        double value =
            switch (features.kind()) {
              case LINEAR -> dot;
              case RELU -> arcCosine(dot, diagonal[i], diagonal[j], meanSquaredNorm);
              case RFF ->
                  Math.exp(
                      -Math.max(0, diagonal[i] + diagonal[j] - 2 * dot)
                          / (2 * features.length() * features.length()));
            };
        out[j * points + i] = value;
        out[i * points + j] = value;
      }
    }
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
