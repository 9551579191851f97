package org.rfsweep.grid;

import java.io.Serializable;
import java.util.List;

/**
 * The cells one executor task fits for one seed. All cells of a unit share the seed's training
 * stream, test set and feature bank, so those are generated once per unit. Units depend only on the
 * spec, never on the cluster, which is what makes results identical under any master or
 * partitioning.
 *
 * @param point the task point, an index into the job's points
 * @param seedIndex the seed, 0 .. seeds-1
 * @param cells the cells, sorted
 */
public record WorkUnit(int point, int seedIndex, List<Cell> cells) implements Serializable {
  /**
   * A unit of one cell at least this large on both sides streams its test points instead of holding
   * their features: 1000 x N test features would be a fourth large array beside Phi, the Gram
   * matrix and its vectors.
   */
  static final int STREAMED_TEST_FROM = 4096;

  public WorkUnit {
    if (seedIndex < 0 || point < 0) {
      throw new IllegalArgumentException(
          "a unit needs point and seedIndex >= 0, found " + point + ", " + seedIndex);
    }
    cells = List.copyOf(cells);
  }

  /** A unit of the first (or only) task point. */
  public WorkUnit(int seedIndex, List<Cell> cells) {
    this(0, seedIndex, cells);
  }

  /** The same unit with other cells (those still missing, or a part of them). */
  public WorkUnit withCells(List<Cell> subset) {
    return new WorkUnit(point, seedIndex, subset);
  }

  /**
   * Whether this unit's fit streams its test points in blocks (see {@link #STREAMED_TEST_FROM}).
   */
  public boolean streamsTestPoints() {
    return cells.size() == 1
        && !cells.get(0).isKernel()
        && Math.min(cells.get(0).width(), cells.get(0).samples()) >= STREAMED_TEST_FROM;
  }

  /** The widest finite width: the feature bank's width (0 when every cell is a kernel cell). */
  public int maxWidth() {
    return cells.stream().filter(c -> !c.isKernel()).mapToInt(Cell::width).max().orElse(0);
  }

  /** The cells with random features (finite width). */
  public List<Cell> featureCells() {
    return cells.stream().filter(c -> !c.isKernel()).toList();
  }

  /** The kernel cells (width = inf). */
  public List<Cell> kernelCells() {
    return cells.stream().filter(Cell::isKernel).toList();
  }

  /** The largest sample count of the kernel cells: the kernel matrix's order (0 without any). */
  public int kernelSamples() {
    return kernelCells().stream().mapToInt(Cell::samples).max().orElse(0);
  }

  public int maxSamples() {
    return cells.stream().mapToInt(Cell::samples).max().orElse(0);
  }
}
