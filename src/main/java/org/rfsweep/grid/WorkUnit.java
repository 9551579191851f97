package org.rfsweep.grid;

import java.io.Serializable;
import java.util.List;

/**
 * The cells one executor task fits for one seed. All cells of a unit share the seed's training stream, test set
 * and feature bank, so those are generated once per unit. Units depend only on the spec, never on the cluster,
 * which is what makes results identical under any master or partitioning.
 *
 * @param seedIndex the seed, 0 .. seeds-1
 * @param cells     the cells, sorted
 */
public record WorkUnit(int seedIndex, List<Cell> cells) implements Serializable {
  public WorkUnit {
    cells = List.copyOf(cells);
  }

  public int maxWidth() {
    return cells.stream().mapToInt(Cell::width).max().orElse(0);
  }

  public int maxSamples() {
    return cells.stream().mapToInt(Cell::samples).max().orElse(0);
  }
}
