package org.rfsweep.grid;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The standard normals {@code new SplittableRandom(seed).nextGaussian()} yields, bit for bit, at a
 * little over half the cost: every stream of the project draws its normals here.
 *
 * <p>Why: the JDK draws them with McFarland's modified ziggurat, where about 99% of draws take one
 * 64-bit value u, pick a layer from its low bits and return that layer's width times u. The rest of
 * the method (the overhangs and the tail) is large enough that the JIT keeps the whole method out
 * of line, so every draw pays a call around those few instructions: 3.1 ns a normal here against
 * 0.9 ns for the 64-bit value, and Fig. 1's seeds draw 2e8 normals each. This class inlines the
 * common branch and hands every other draw to the JDK's own method, with the generator stepped back
 * so that method sees the same u.
 *
 * <p>The layer widths are not public, so they are read from the JDK's method itself when the class
 * loads: a u of 2^62 plus a layer's index converts to exactly 2^62 as a double, so the method's
 * answer for it is the layer's width times a power of two, exact, and a layer is on the common
 * branch exactly when the method asked for no second value. A check then compares this class with
 * {@link SplittableRandom} on draws that take every branch; should a JDK ever draw otherwise, the
 * check fails and every normal comes from {@link SplittableRandom} as before.
 */
final class SplittableNormals implements RandomGenerator {
  /** The increment of a generator made by {@code new SplittableRandom(seed)}. */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  /** Layers addressed by a value's low byte. */
  private static final int LAYER_MASK = 0xff;

  /** A value whose conversion to double ignores any low byte: 2^62 has an ulp of 2^10. */
  private static final long PROBE_BASE = 1L << 62;

  private static final double[] LAYER_WIDTHS = new double[LAYER_MASK + 1];

  /** Layers below this index return from the common branch. */
  private static final int COMMON_LAYERS = readLayers(LAYER_WIDTHS);

  /** Whether this class reproduced {@link SplittableRandom} when it loaded. */
  static final boolean REPRODUCES_JDK = checkAgainstJdk();

  private long state;

  private SplittableNormals(long seed) {
    this.state = seed;
  }

  /**
   * Writes the first {@code count} normals of {@code new SplittableRandom(seed)} into {@code out[at
   * .. at + count - 1]}.
   */
  static void fill(long seed, double[] out, int at, int count) {
    if (REPRODUCES_JDK) {
      new SplittableNormals(seed).draw(out, at, count);
    } else {
      drawFromJdk(seed, out, at, count);
    }
  }

  private static void drawFromJdk(long seed, double[] out, int at, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      out[at + i] = random.nextGaussian();
    }
  }

  private void draw(double[] out, int at, int count) {
    long s = state;
    for (int i = 0; i < count; i++) {
      s += GOLDEN_GAMMA;
      long u = RandomStreams.mix(s);
      int layer = (int) u & LAYER_MASK;
      if (layer < COMMON_LAYERS) {
        out[at + i] = LAYER_WIDTHS[layer] * u;
      } else {
        state = s - GOLDEN_GAMMA; // the JDK's method draws this u again, then what it needs more
        out[at + i] = nextGaussian();
        s = state;
      }
    }
    state = s;
  }

  /** SplittableRandom's nextLong: the state advanced by its gamma, then mixed. */
  @Override
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return RandomStreams.mix(state);
  }

  /**
   * The widths of the layers the JDK's normal method returns from at once, read by asking it;
   * returns how many there are from layer 0 on (0 if they are not such a run, and then nothing here
   * is used).
   */
  private static int readLayers(double[] widths) {
    int common = 0;
    boolean contiguous = true;
    for (int layer = 0; layer <= LAYER_MASK; layer++) {
      Probe probe = new Probe(PROBE_BASE | layer);
      double x = probe.nextGaussian();
      if (probe.calls == 1) {
        widths[layer] = x / (double) PROBE_BASE; // exact: a power of two
        contiguous &= common == layer;
        common = layer + 1;
      }
    }
    return contiguous ? common : 0;
  }

  /** Bit-for-bit agreement with SplittableRandom on draws that reach every branch of the JDK's. */
  private static boolean checkAgainstJdk() {
    if (COMMON_LAYERS == 0) {
      return false;
    }
    int count = 1 << 14; // about 180 draws a seed off the common branch, and some of the tail
    double[] ours = new double[count];
    double[] theirs = new double[count];
    for (long seed : new long[] {0L, -1L, 0x5DEECE66DL, 20261203L}) {
      new SplittableNormals(seed).draw(ours, 0, count);
      drawFromJdk(seed, theirs, 0, count);
      for (int i = 0; i < count; i++) {
        if (Double.doubleToRawLongBits(ours[i]) != Double.doubleToRawLongBits(theirs[i])) {
          return false;
        }
      }
    }
    return true;
  }

  /** Yields a chosen first value, then a generator's, counting the calls. */
  private static final class Probe implements RandomGenerator {
    private final long first;
    private final SplittableRandom rest = new SplittableRandom(1);
    private int calls;

    Probe(long first) {
      this.first = first;
    }

    @Override
    public long nextLong() {
      return calls++ == 0 ? first : rest.nextLong();
    }
  }
}
