package org.rfsweep.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;
import org.rfsweep.spec.Sweep;

/**
 * A spec expanded into work: the distinct cells of the union of its sweeps, and one work unit per
 * seed holding every cell (so the seed's data and feature bank are built once). The expansion
 * depends on the spec alone.
 */
public record GridPlan(JobSpec spec, List<Cell> cells, List<WorkUnit> units) {

  public static GridPlan of(JobSpec spec) {
    TreeSet<Cell> cells = new TreeSet<>();
    for (Sweep sweep : spec.grid().sweeps()) {
      for (int width : sweep.widths()) {
        for (int samples : sweep.samples()) {
          if ((long) width * samples > Integer.MAX_VALUE - 8) {
            throw new SpecException(
                "grid: cell (width "
                    + width
                    + ", samples "
                    + samples
                    + ") needs a feature matrix of "
                    + (long) width * samples
                    + " entries, above the 2^31 limit of one Java array");
          }
          cells.add(new Cell(width, samples));
        }
      }
    }
    if (spec.task() instanceof DatasetTaskSpec dataset) {
      int largest = cells.last().samples();
      for (Cell cell : cells) {
        largest = Math.max(largest, cell.samples());
      }
      if (largest > dataset.pool()) {
        throw new SpecException(
            "grid.samples: "
                + largest
                + " samples requested, but task.pool holds "
                + dataset.pool()
                + " points");
      }
    }
    List<Cell> sorted = List.copyOf(cells);
    List<WorkUnit> units = new ArrayList<>();
    for (int seed = 0; seed < spec.grid().seeds(); seed++) {
      units.add(new WorkUnit(seed, sorted));
    }
    return new GridPlan(spec, sorted, List.copyOf(units));
  }

  /** Fits: (cell, seed) pairs, each one Gram matrix and one eigendecomposition for every ridge. */
  public long fits() {
    return (long) cells.size() * spec.grid().seeds();
  }

  /** Result rows: fits times ridges. */
  public long rows() {
    return fits() * spec.grid().ridges().size();
  }
}
