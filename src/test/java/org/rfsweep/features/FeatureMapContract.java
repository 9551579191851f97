package org.rfsweep.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rfsweep.spec.FeatureSpec;

/**
 * What every {@link FeatureMap} promises, tested once for all maps: banks that nest (the first N
 * features of a bank are the width-N map, and any block of features can be drawn alone), seeds that
 * matter, an activation that touches only its slice (on the bank this instance drew last, as a
 * sweep uses it), and inner products phi(x).phi(x') that estimate the map's kernel as {@link
 * Kernels} computes it. Each map's test implements this interface.
 */
interface FeatureMapContract {
  int DIMENSION = 6;
  long JOB_SEED = 11;

  FeatureMap map();

  /** The spec whose kernel the map's features estimate. */
  FeatureSpec spec();

  /** E|x|^2 of the inputs {@link #points} draws, as the map was built with. */
  default double meanSquaredNorm() {
    return DIMENSION;
  }

  /** A few inputs, column-major {@code DIMENSION x count}, with E|x|^2 = DIMENSION. */
  default double[] points(int count) {
    SplittableRandom random = new SplittableRandom(5);
    double[] x = new double[DIMENSION * count];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  @Test
  default void banksNestAndBlocksDrawAlone() {
    double[] whole = new double[DIMENSION * 40];
    map().weights(JOB_SEED, 2, 0, 40, whole);
    double[] prefix = new double[DIMENSION * 25];
    map().weights(JOB_SEED, 2, 0, 25, prefix);
    assertArrayEquals(
        Arrays.copyOf(whole, prefix.length), prefix, 0.0, "the first 25 features of a 40-bank");
    double[] block = new double[DIMENSION * 10];
    map().weights(JOB_SEED, 2, 25, 10, block);
    assertArrayEquals(
        Arrays.copyOfRange(whole, DIMENSION * 25, DIMENSION * 35), block, 0.0, "features 25..34");
  }

  @Test
  default void seedsMatter() {
    double[] a = new double[DIMENSION * 8];
    double[] b = new double[DIMENSION * 8];
    double[] again = new double[DIMENSION * 8];
    map().weights(JOB_SEED, 0, 0, 8, a);
    map().weights(JOB_SEED, 1, 0, 8, b);
    map().weights(JOB_SEED, 0, 0, 8, again);
    assertArrayEquals(a, again, 0.0, "the same seed draws the same bank");
    assertFalse(Arrays.equals(a, b), "another seed index draws another bank");
  }

  @Test
  default void activationTouchesOnlyItsSlice() {
    FeatureMap map = map();
    map.weights(
        JOB_SEED,
        0,
        0,
        4,
        new double[DIMENSION * 4]); // activation follows the bank drawn (rff phases)
    double[] data = {-1.5, -0.2, 0.0, 0.7, 2.5, -3.0};
    double[] activated = data.clone();
    map.activate(3, activated, 1, 4);
    assertEquals(data[0], activated[0], 0.0);
    assertEquals(data[5], activated[5], 0.0);
    for (int i = 1; i < 5; i++) {
      double[] one = {data[i]};
      map.activate(3, one, 0, 1);
      assertEquals(one[0], activated[i], 0.0, "element " + i + " as if activated alone");
    }
  }

  @Test
  default void innerProductsEstimateTheKernel() {
    int points = 4;
    int features = 40_000;
    double[] x = points(points);
    FeatureMap map = map();
    double[] bank = new double[DIMENSION * features];
    map.weights(JOB_SEED, 0, 0, features, bank);
    double[][] phi = new double[points][features];
    for (int p = 0; p < points; p++) {
      for (int j = 0; j < features; j++) {
        double projection = 0;
        for (int i = 0; i < DIMENSION; i++) {
          projection += bank[j * DIMENSION + i] * x[p * DIMENSION + i];
        }
        phi[p][j] = projection;
      }
      for (int j = 0; j < features; j++) {
        map.activate(j, phi[p], j, 1);
      }
    }
    double[] kernel = new double[points * points];
    Kernels.matrix(spec(), x, DIMENSION, points, meanSquaredNorm(), kernel);
    for (int p = 0; p < points; p++) {
      for (int q = p; q < points; q++) {
        double mean = 0;
        double square = 0;
        for (int j = 0; j < features; j++) {
          double term = phi[p][j] * phi[q][j];
          mean += term;
          square += term * term;
        }
        mean /= features;
        double standardError = Math.sqrt((square / features - mean * mean) / features);
        // Five standard errors: ten pairs per map, so a false alarm is rarer than one in 10^5 runs.
        assertEquals(kernel[q * points + p], mean, 5 * standardError, "k(x" + p + ", x" + q + ")");
      }
    }
  }
}
