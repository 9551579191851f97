package org.rfsweep.task;

import java.util.List;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.grid.Staircase;

/**
 * The activated raw features H (samples x features) of one seed's training stream, computed once
 * for every cell of a work unit. Cell (N, n) uses H[:n, :N] / sqrt(N): its first n samples and
 * first N features, so curves over width and samples are nested. Only the {@link Staircase} the
 * cells touch is computed.
 */
final class SharedFeatures {
  private final Staircase staircase;
  private final double[][] strips; // strip k: column-major, leading dimension = its rows
  private final double[] labels; // maxSamples x outputs, column-major
  private final int maxSamples;
  private final int outputs;

  /**
   * A strip's remainder at least this tall is projected on its own rather than with the rows after
   * it.
   */
  private static final int MIN_DIRECT_ROWS = 64;

  /**
   * Gives strip k an array of at least {@code length} doubles; its contents may be left over from
   * earlier use.
   */
  interface StripSpace {
    double[] get(int strip, long length);

    /**
     * An array of at least {@code length} doubles for a block of samples whose rows fall in several
     * strips, projected whole and then scattered; contents may be left over.
     */
    default double[] scatterBlock(long length) {
      return new double[Math.toIntExact(length)];
    }
  }

  /** Features in freshly allocated strips. */
  SharedFeatures(Projector projector, List<Cell> cells, int outputs) {
    this(projector, cells, outputs, (strip, length) -> new double[Math.toIntExact(length)]);
  }

  /**
   * Features in strips from {@code space}: every entry a strip's cells read is overwritten here.
   */
  SharedFeatures(Projector projector, List<Cell> cells, int outputs, StripSpace space) {
    this.staircase = new Staircase(cells);
    this.maxSamples = staircase.maxSamples();
    this.outputs = outputs;
    this.labels = new double[Math.multiplyExact(maxSamples, outputs)];
    this.strips = new double[staircase.strips()][];
    for (int k = 0; k < strips.length; k++) {
      strips[k] = space.get(k, (long) staircase.rows(k) * staircase.columns(k));
    }
    // Project whole blocks of samples, not strip by strip: a strip of a few rows would stream the
    // entire
    // feature bank through dgemm for almost no arithmetic. A block inside one strip is projected
    // straight into
    // it; a block spanning strips computes the widest columns any of its rows needs, then scatters
    // the rows.
    int blockRows = projector.blockRows();
    double[] block = null;
    for (int from = 0, to; from < maxSamples; from = to) {
      to = Math.min(maxSamples, from + blockRows);
      int first = stripOf(from);
      if (to > staircase.end(first) && staircase.end(first) - from >= MIN_DIRECT_ROWS) {
        // Stop at the strip's end: rows past it need fewer columns (Fig. 1: 256 rows x 10^4
        // features, then
        // 10^4 rows x 256), and a block across the boundary would compute the wide columns for all
        // of them.
        to = staircase.end(first);
      }
      if (to <= staircase.end(first)) {
        projector.project(
            RandomStreams.TRAIN,
            from,
            to,
            staircase.columns(first),
            strips[first],
            from - staircase.start(first),
            staircase.rows(first),
            labels,
            maxSamples);
        continue;
      }
      if (block == null) {
        block = space.scatterBlock((long) blockRows * staircase.columns(0));
      }
      scatter(projector, from, to, first, block);
    }
  }

  private void scatter(Projector projector, int from, int to, int first, double[] block) {
    int rows = to - from;
    int columns = staircase.columns(first); // columns never grow with k
    projector.project(RandomStreams.TRAIN, from, to, columns, block, 0, rows, labels, maxSamples);
    for (int k = first; k < strips.length && staircase.start(k) < to; k++) {
      int lo = Math.max(from, staircase.start(k));
      int hi = Math.min(to, staircase.end(k));
      int stripRows = staircase.rows(k);
      for (int j = 0; j < staircase.columns(k); j++) {
        System.arraycopy(
            block,
            j * rows + (lo - from),
            strips[k],
            j * stripRows + (lo - staircase.start(k)),
            hi - lo);
      }
    }
  }

  /** The strip holding sample {@code row}. */
  private int stripOf(int row) {
    int k = 0;
    while (staircase.end(k) <= row) {
      k++;
    }
    return k;
  }

  /**
   * Writes the raw features H[:samples, :width] into {@code out} (column-major, leading dimension
   * {@code samples}).
   */
  void copyRaw(int samples, int width, double[] out) {
    for (int k = 0; k < strips.length && staircase.start(k) < samples; k++) {
      int start = staircase.start(k);
      int rows = staircase.rows(k);
      int used = Math.min(rows, samples - start);
      if (width > staircase.columns(k)) {
        throw new IllegalStateException(
            "cell (" + width + ", " + samples + ") is outside the unit's staircase");
      }
      for (int j = 0; j < width; j++) {
        System.arraycopy(strips[k], j * rows, out, j * samples + start, used);
      }
    }
  }

  /**
   * Writes the feature matrix Phi = H[:samples, :width] / sqrt(width) into {@code phi}
   * (column-major, leading dimension {@code samples}).
   */
  void assemble(int samples, int width, double[] phi) {
    copyRaw(samples, width, phi);
    double scale = 1.0 / Math.sqrt(width);
    for (int i = 0; i < samples * width; i++) {
      phi[i] *= scale;
    }
  }

  /**
   * The raw features H[:samples, :width] in place, when they all lie in the first strip: the strip
   * itself, to be read with leading dimension {@link #firstStripRows()}. Null when the cell spans
   * several strips.
   */
  double[] view(int samples, int width) {
    return samples <= staircase.end(0) && width <= staircase.columns(0) ? strips[0] : null;
  }

  int firstStripRows() {
    return staircase.rows(0);
  }

  /**
   * Writes the first {@code samples} labels (column-major, leading dimension {@code samples}) into
   * {@code out}.
   */
  void labels(int samples, double[] out) {
    for (int o = 0; o < outputs; o++) {
      System.arraycopy(labels, o * maxSamples, out, o * samples, samples);
    }
  }
}
