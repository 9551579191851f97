package org.rfsweep.testing;

import java.util.Random;

/**
 * Small dense helpers for tests: random matrices and plain-Java products to check native results
 * against.
 */
public final class Matrices {
  private Matrices() {}

  public static double[] gaussian(int rows, int columns, long seed) {
    Random random = new Random(seed);
    double[] a = new double[rows * columns];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextGaussian();
    }
    return a;
  }

  /** C = A B for column-major A (m x k) and B (k x n). */
  public static double[] multiply(double[] a, int m, int k, double[] b, int n) {
    double[] c = new double[m * n];
    for (int j = 0; j < n; j++) {
      for (int p = 0; p < k; p++) {
        double bpj = b[j * k + p];
        for (int i = 0; i < m; i++) {
          c[j * m + i] += a[p * m + i] * bpj;
        }
      }
    }
    return c;
  }

  /** A^T for column-major A (m x n). */
  public static double[] transpose(double[] a, int m, int n) {
    double[] t = new double[m * n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < m; i++) {
        t[i * n + j] = a[j * m + i];
      }
    }
    return t;
  }

  public static double norm(double[] a, int offset, int length) {
    double sum = 0;
    for (int i = offset; i < offset + length; i++) {
      sum += a[i] * a[i];
    }
    return Math.sqrt(sum);
  }

  /** |a - b| / |b| over a range. */
  public static double relativeDifference(
      double[] a, int aOffset, double[] b, int bOffset, int length) {
    double diff = 0;
    double ref = 0;
    for (int i = 0; i < length; i++) {
      double d = a[aOffset + i] - b[bOffset + i];
      diff += d * d;
      ref += b[bOffset + i] * b[bOffset + i];
    }
    return Math.sqrt(diff / ref);
  }
}
