package org.rfsweep.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.spec.DatasetTaskSpec;

/**
 * The standardised pool of a dataset task, loaded once per JVM (driver or executor) and shared by
 * every work unit there: executors read the files themselves instead of receiving the data inside a
 * closure from the driver.
 *
 * @param inputs column-major {@code dimension x size}: point p in column p, standardised so that
 *     the pool's mean input is 0 and its mean squared norm is exactly the dimension
 * @param targets column-major {@code size x outputs}
 */
public record DatasetPool(int dimension, int size, int outputs, double[] inputs, double[] targets) {
  /**
   * Pools loaded in this JVM, by what they are drawn from. The one piece of static state outside
   * linalg, on purpose: an executor reads its pool once from the files and every task in that JVM
   * shares it; a pool never changes once loaded, so the map only memoises.
   */
  private static final Map<Key, DatasetPool> LOADED = new ConcurrentHashMap<>();

  private record Key(DatasetTaskSpec spec, long jobSeed) {}

  /** The pool of a spec under a job seed, loaded and validated on first use in this JVM. */
  public static DatasetPool of(DatasetTaskSpec spec, long jobSeed) {
    // Keyed by what the pool is drawn from: points differing in label noise or test samples share
    // it.
    DatasetTaskSpec drawnFrom = spec.poolOnly();
    return LOADED.computeIfAbsent(new Key(drawnFrom, jobSeed), key -> load(drawnFrom, jobSeed));
  }

  /**
   * SHA-256 of the pool's shape, inputs and targets, bit for bit: what a measurement on the pool
   * depends on besides the kernel, whatever files it was read from.
   */
  public String digest() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    ByteBuffer buffer = ByteBuffer.allocate(DIGEST_CHUNK * Double.BYTES);
    sha.update(buffer.putInt(dimension).putInt(size).putInt(outputs).flip());
    for (double[] values : new double[][] {inputs, targets}) {
      // A chunk at a time, big-endian as putDouble writes them: the same bytes hashed, 0.045 s
      // for Fashion-MNIST's 10,000 x 784 pool (0.06 s value by value).
      for (int from = 0; from < values.length; from += DIGEST_CHUNK) {
        int count = Math.min(DIGEST_CHUNK, values.length - from);
        buffer.clear();
        buffer.asDoubleBuffer().put(values, from, count);
        sha.update(buffer.limit(count * Double.BYTES));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static final int DIGEST_CHUNK = 8192;

  private static DatasetPool load(DatasetTaskSpec spec, long jobSeed) {
    RawDataset data = spec.format().equals("idx") ? idx(spec) : TableDatasets.read(spec);
    if (spec.pool() > data.count()) {
      throw new DatasetException(
          "task.pool: "
              + spec.pool()
              + " points requested, "
              + spec.dataFile()
              + " holds "
              + data.count());
    }
    int dimension = data.dimension();
    int size = spec.pool();
    int[] chosen = sample(data.count(), size, jobSeed);

    boolean numeric = spec.target().equals(DatasetTaskSpec.NUMERIC);
    int classes = 0;
    for (double label : data.labels()) {
      if (!Double.isFinite(label)) {
        throw new DatasetException(spec.dataFile() + ": labels must be finite, found " + label);
      }
      if (!numeric && (label < 0 || label != Math.rint(label))) {
        throw new DatasetException(
            spec.dataFile()
                + ": class labels must be integers >= 0, found "
                + label
                + " (use target: numeric for a numeric label)");
      }
      classes = numeric ? 0 : Math.max(classes, (int) label + 1);
    }
    boolean onehot = spec.target().equals(DatasetTaskSpec.ONEHOT);
    int outputs = onehot ? classes : 1;
    double[] inputs = new double[Math.multiplyExact(dimension, size)];
    double[] targets = new double[size * outputs];
    for (int p = 0; p < size; p++) {
      System.arraycopy(data.inputs(), chosen[p] * dimension, inputs, p * dimension, dimension);
      double label = data.labels()[chosen[p]];
      if (numeric) {
        targets[p] = label;
      } else if (onehot) {
        targets[(int) label * size + p] = 1.0;
      } else {
        targets[p] = spec.positive().contains((int) label) ? 1.0 : -1.0;
      }
    }
    standardise(inputs, dimension, size);
    return new DatasetPool(dimension, size, outputs, inputs, targets);
  }

  private static RawDataset idx(DatasetTaskSpec spec) {
    IdxFile images = IdxFile.read(spec.images());
    IdxFile labels = IdxFile.read(spec.labels());
    if (images.count() != labels.count()) {
      throw new DatasetException(
          spec.images()
              + " holds "
              + images.count()
              + " images but "
              + spec.labels()
              + " holds "
              + labels.count()
              + " labels");
    }
    if (labels.itemSize() != 1) {
      throw new DatasetException(
          spec.labels()
              + ": labels must be one number per item, found items of "
              + labels.itemSize());
    }
    return new RawDataset(images.count(), images.itemSize(), images.values(), labels.values());
  }

  /**
   * Subtracts the mean input and divides by one global standard deviation (docs/THEORY.md section
   * 5): per-pixel scaling would blow up nearly blank pixels.
   */
  private static void standardise(double[] inputs, int dimension, int size) {
    double[] mean = new double[dimension];
    for (int p = 0; p < size; p++) {
      for (int i = 0; i < dimension; i++) {
        mean[i] += inputs[p * dimension + i] / size;
      }
    }
    double squares = 0;
    for (int p = 0; p < size; p++) {
      for (int i = 0; i < dimension; i++) {
        double centred = inputs[p * dimension + i] - mean[i];
        inputs[p * dimension + i] = centred;
        squares += centred * centred;
      }
    }
    double scale = squares > 0 ? Math.sqrt(size * (double) dimension / squares) : 1.0;
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] *= scale;
    }
  }

  /**
   * The first {@code size} of a seeded permutation of {@code count} items (partial Fisher-Yates).
   */
  private static int[] sample(int count, int size, long jobSeed) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    SplittableRandom random = RandomStreams.generator(jobSeed, 0, "pool", 0);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(count - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return Arrays.copyOf(order, size);
  }
}
