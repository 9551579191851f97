package org.rfsweep.data;

/**
 * Inputs and labels of a task, drawn deterministically from (job seed, seed index, stream, sample
 * index).
 */
public interface TaskSource {

  /** Input dimension d: each input is a column of d doubles. */
  int inputDimension();

  /** Label columns (1 for a scalar target). */
  int outputs();

  /** E|x|^2 of the inputs as feature maps see them; scale-sensitive maps (ReLU) normalise by it. */
  double meanSquaredNorm();

  /**
   * Label-noise variance the test risk includes without drawing it (a dataset's relative label
   * noise: its test labels are the clean targets); 0 when the test labels carry their own noise.
   */
  default double testNoise() {
    return 0;
  }

  /**
   * Draws samples {@code from .. from+count-1} of a stream.
   *
   * @param stream {@link org.rfsweep.grid.RandomStreams#TRAIN} or {@link
   *     org.rfsweep.grid.RandomStreams#TEST}
   * @param inputs modified: column-major {@code inputDimension x count}, sample j in column j
   * @param labels modified: rows {@code from .. from+count-1} of a column-major {@code labelRows x
   *     outputs} matrix
   * @param labelRows leading dimension of {@code labels}
   */
  void draw(
      String stream,
      long jobSeed,
      int seedIndex,
      int from,
      int count,
      double[] inputs,
      double[] labels,
      int labelRows);
}
