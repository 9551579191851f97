package org.rfsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplittableNormalsTest {

  @Test
  void theJdkOfTheseTestsIsReproducedSoTheFastBranchIsTheOneMeasured() {
    assertTrue(SplittableNormals.REPRODUCES_JDK);
  }

  /**
   * Ten million draws over many seeds, bit for bit: about 1.2% leave the common branch (so some
   * 120,000 go back through the JDK's method with the generator stepped back) and a few thousand
   * come from the tail beyond the last layer.
   */
  @Test
  void everyDrawIsSplittableRandomsOwnBitForBit() {
    int seeds = 2_000;
    int perSeed = 5_000;
    double[] ours = new double[perSeed + 3];
    long tail = 0;
    for (int s = 0; s < seeds; s++) {
      long seed = RandomStreams.seed(7, s, RandomStreams.TRAIN, s * 31L);
      SplittableNormals.fill(seed, ours, 3, perSeed);
      SplittableRandom jdk = new SplittableRandom(seed);
      for (int i = 0; i < perSeed; i++) {
        double expected = jdk.nextGaussian();
        int draw = i;
        assertEquals(
            Double.doubleToRawLongBits(expected),
            Double.doubleToRawLongBits(ours[3 + i]),
            () -> "seed " + seed + ", draw " + draw);
        if (Math.abs(expected) > 3.7) {
          tail++;
        }
      }
    }
    assertTrue(tail > 1_000, "the tail was reached " + tail + " times");
  }

  @Test
  void itWritesOnlyTheRangeItIsGiven() {
    double[] out = new double[10];
    SplittableNormals.fill(42, out, 4, 3);
    for (int i = 0; i < out.length; i++) {
      assertEquals(i >= 4 && i < 7, out[i] != 0.0, "index " + i);
    }
  }
}
