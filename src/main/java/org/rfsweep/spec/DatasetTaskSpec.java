package org.rfsweep.spec;

import java.util.List;

/**
 * A task drawn from a real dataset, pool-as-population (docs/THEORY.md section 5): a seeded pool of
 * {@code pool} points is taken from the dataset and standardised (mean input subtracted, one global
 * standard deviation divided out); training and test points are drawn uniformly from the pool, so a
 * sweep is exactly described by the pool's kernel eigenstructure.
 *
 * @param format {@code idx}, {@code csv} or {@code parquet}
 * @param images idx: the inputs file (gzipped or not); otherwise empty
 * @param labels idx: the integer class labels file; otherwise empty
 * @param path csv or parquet: a file or a folder of part files, any path Hadoop reads (local,
 *     hdfs://, s3a://); otherwise empty
 * @param labelColumn csv or parquet: the label column
 * @param featureColumns csv or parquet: the input columns; empty means every other column (for
 *     parquet, a Spark ML vector column named {@code features} if there is one)
 * @param target {@code onehot} (one output per class), {@code binary} (+1 for the positive classes,
 *     -1 else) or {@code numeric} (the label itself)
 * @param positive the positive classes of a binary target (empty otherwise)
 * @param pool points in the pool, at most the dataset's size
 * @param testSamples fresh test points drawn from the pool per seed
 * @param labelNoise relative label noise sigma_rel^2 >= 0: Gaussian noise of variance sigma_rel^2
 *     times the targets' mean power (summed over outputs, per output equally) is added to training
 *     labels only; the test risk is against the clean targets plus the same variance, as for the
 *     synthetic task (docs/THEORY.md section 5)
 */
public record DatasetTaskSpec(
    String format,
    String images,
    String labels,
    String path,
    String labelColumn,
    List<String> featureColumns,
    String target,
    List<Integer> positive,
    int pool,
    int testSamples,
    double labelNoise)
    implements TaskSpec {
  public static final String ONEHOT = "onehot";
  public static final String BINARY = "binary";
  public static final String NUMERIC = "numeric";

  public DatasetTaskSpec {
    featureColumns = List.copyOf(featureColumns);
    positive = List.copyOf(positive);
    Invariants.check(
        List.of("idx", "csv", "parquet").contains(format),
        "task.source.format",
        "must be idx, csv or parquet",
        format);
    Invariants.check(
        List.of(ONEHOT, BINARY, NUMERIC).contains(target),
        "task.target",
        "must be onehot, binary or numeric",
        target);
    Invariants.check(
        !target.equals(BINARY) || !positive.isEmpty(),
        "task.target.binary",
        "needs the positive classes",
        positive);
    Invariants.check(pool >= 1, "task.pool", "must be >= 1", pool);
    Invariants.check(testSamples >= 1, "task.test_samples", "must be >= 1", testSamples);
    Invariants.check(
        labelNoise >= 0 && Double.isFinite(labelNoise),
        "task.label_noise",
        "must be finite and >= 0",
        labelNoise);
  }

  /** A dataset task without label noise. */
  public DatasetTaskSpec(
      String format,
      String images,
      String labels,
      String path,
      String labelColumn,
      List<String> featureColumns,
      String target,
      List<Integer> positive,
      int pool,
      int testSamples) {
    this(
        format,
        images,
        labels,
        path,
        labelColumn,
        featureColumns,
        target,
        positive,
        pool,
        testSamples,
        0.0);
  }

  /** An IDX dataset. */
  public DatasetTaskSpec(
      String images,
      String labels,
      String target,
      List<Integer> positive,
      int pool,
      int testSamples) {
    this("idx", images, labels, "", "", List.of(), target, positive, pool, testSamples);
  }

  @Override
  public String type() {
    return "dataset";
  }

  /** The target in one word: {@code onehot}, {@code numeric} or {@code binary[0,2]}. */
  public static String targetWords(DatasetTaskSpec task) {
    return task.target().equals(BINARY)
        ? BINARY + task.positive().toString().replace(" ", "")
        : task.target();
  }

  /** This task without what the pool does not depend on (label noise, test samples). */
  public DatasetTaskSpec poolOnly() {
    return new DatasetTaskSpec(
        format, images, labels, path, labelColumn, featureColumns, target, positive, pool, 1, 0.0);
  }

  /** The file named in messages about the data. */
  public String dataFile() {
    return format.equals("idx") ? images : path;
  }
}
