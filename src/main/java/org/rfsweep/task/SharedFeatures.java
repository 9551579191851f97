package org.rfsweep.task;

import java.util.List;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.grid.Staircase;

/**
 * The activated raw features H (samples x features) of one seed's training stream, computed once for every cell
 * of a work unit. Cell (N, n) uses H[:n, :N] / sqrt(N): its first n samples and first N features, so curves over
 * width and samples are nested.
 * Only the {@link Staircase} the cells touch is computed.
 */
final class SharedFeatures {
  private final Staircase staircase;
  private final double[][] strips; // strip k: column-major, leading dimension = its rows
  private final double[] labels;   // maxSamples x outputs, column-major
  private final int maxSamples;
  private final int outputs;

  SharedFeatures(Projector projector, List<Cell> cells, int outputs) {
    this.staircase = new Staircase(cells);
    this.maxSamples = staircase.maxSamples();
    this.outputs = outputs;
    this.labels = new double[Math.multiplyExact(maxSamples, outputs)];
    this.strips = new double[staircase.strips()][];
    for (int k = 0; k < strips.length; k++) {
      int rows = staircase.rows(k);
      strips[k] = new double[Math.multiplyExact(rows, staircase.columns(k))];
      projector.project(RandomStreams.TRAIN, staircase.start(k), staircase.end(k), staircase.columns(k),
          strips[k], 0, rows, labels, maxSamples);
    }
  }

  /**
   * Writes the feature matrix Phi = H[:samples, :width] / sqrt(width) into {@code phi} (column-major,
   * leading dimension {@code samples}).
   */
  void assemble(int samples, int width, double[] phi) {
    double scale = 1.0 / Math.sqrt(width);
    for (int k = 0; k < strips.length && staircase.start(k) < samples; k++) {
      int start = staircase.start(k);
      int rows = staircase.rows(k);
      int used = Math.min(rows, samples - start);
      if (width > staircase.columns(k)) {
        throw new IllegalStateException("cell (" + width + ", " + samples + ") is outside the unit's staircase");
      }
      double[] strip = strips[k];
      for (int j = 0; j < width; j++) {
        int source = j * rows;
        int target = j * samples + start;
        for (int i = 0; i < used; i++) {
          phi[target + i] = scale * strip[source + i];
        }
      }
    }
  }

  /** Writes the first {@code samples} labels (column-major, leading dimension {@code samples}) into {@code out}. */
  void labels(int samples, double[] out) {
    for (int o = 0; o < outputs; o++) {
      System.arraycopy(labels, o * maxSamples, out, o * samples, samples);
    }
  }
}
