package org.rfsweep.grid;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random streams derived from task coordinates, never from scheduling: the generator for item
 * {@code index} of stream {@code name} under (job seed, seed index) is the same on every machine
 * and in every order. One generator per item (a training sample, a feature, a test point) makes
 * every prefix of a stream independent of how much of it is drawn, which is what nests width N
 * inside width 2N and n samples inside 2n.
 */
public final class RandomStreams {
  /** Training inputs and labels, indexed by sample. */
  public static final String TRAIN = "train";

  /** Fresh test inputs and labels, indexed by test point. */
  public static final String TEST = "test";

  /** Random-feature weights, indexed by feature. */
  public static final String FEATURES = "features";

  private RandomStreams() {}

  public static SplittableRandom generator(long jobSeed, int seedIndex, String stream, long index) {
    return new SplittableRandom(seed(jobSeed, seedIndex, stream, index));
  }

  /** A 64-bit seed mixing all four coordinates through a strong finaliser at each step. */
  public static long seed(long jobSeed, int seedIndex, String stream, long index) {
    long h = mix(jobSeed ^ 0x9E3779B97F4A7C15L);
    h = mix(h + 0xD1B54A32D192ED03L * (seedIndex + 1L));
    h = mix(h + nameHash(stream));
    return mix(h + 0xAEF17502108EF2D9L * (index + 1L));
  }

  private static long nameHash(String name) {
    long h = 0xCBF29CE484222325L; // FNV-1a, stable across JVMs unlike String.hashCode's contract
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    return h;
  }

  /**
   * Stafford's variant 13 of the MurmurHash3 finaliser: also SplittableRandom's output function,
   * which {@link SplittableNormals} reproduces.
   */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
