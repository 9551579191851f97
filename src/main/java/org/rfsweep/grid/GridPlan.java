package org.rfsweep.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;
import org.rfsweep.spec.Sweep;
import org.rfsweep.spec.TaskPoint;

/**
 * A spec expanded into work: the distinct cells of the union of its sweeps, and one work unit per
 * (task point, seed) holding every cell (so the seed's data and feature bank are built once); a
 * unit costing more than 1/{@link #PARALLEL_UNITS} of a large job is cut into sub-units ({@link
 * UnitSplit}). The expansion depends on the spec alone.
 */
public record GridPlan(JobSpec spec, List<Cell> cells, List<WorkUnit> units) {

  public static GridPlan of(JobSpec spec) {
    TreeSet<Cell> cells = new TreeSet<>();
    for (Sweep sweep : spec.grid().sweeps()) {
      for (int width : sweep.widths()) {
        for (int samples : sweep.samples()) {
          if (width == Cell.INFINITE && (long) samples * samples > Integer.MAX_VALUE - 8) {
            throw new SpecException(
                "grid: cell (width inf, samples "
                    + samples
                    + ") needs a kernel matrix of "
                    + (long) samples * samples
                    + " entries, above the 2^31 limit of one Java array");
          }
          if (width != Cell.INFINITE && (long) width * samples > Integer.MAX_VALUE - 8) {
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
    int largest = cells.stream().mapToInt(Cell::samples).max().orElse(0);
    for (TaskPoint point : spec.points()) {
      if (point.task() instanceof DatasetTaskSpec dataset && largest > dataset.pool()) {
        throw new SpecException(
            "grid.samples: "
                + largest
                + " samples requested, but task.pool holds "
                + dataset.pool()
                + " points");
      }
    }
    long units = (long) spec.points().size() * spec.grid().seeds();
    if (units > MAX_UNITS) {
      throw new SpecException(
          "grid: "
              + spec.points().size()
              + " task points x "
              + spec.grid().seeds()
              + " seeds = "
              + units
              + " work units; a job holds at most "
              + MAX_UNITS);
    }
    List<Cell> sorted = List.copyOf(cells);
    // A unit's cost depends on its point and cells, not its seed: one estimate per point.
    double[] pointCost = new double[spec.points().size()];
    for (int point = 0; point < pointCost.length; point++) {
      pointCost[point] = CostModel.of(spec, new WorkUnit(point, 0, sorted)).flops();
    }
    double total = Arrays.stream(pointCost).sum() * spec.grid().seeds();
    double share = Math.max(total / PARALLEL_UNITS, MIN_SUB_UNIT_FLOPS);
    List<WorkUnit> out = new ArrayList<>();
    for (int point = 0; point < spec.points().size(); point++) {
      // The cut does not depend on the seed either: made once, applied to every seed.
      List<WorkUnit> cut =
          pointCost[point] > share
              ? UnitSplit.toShare(
                  List.of(new WorkUnit(point, 0, sorted)),
                  share,
                  u -> CostModel.of(spec, u).flops())
              : List.of(new WorkUnit(point, 0, sorted));
      for (int seed = 0; seed < spec.grid().seeds(); seed++) {
        for (WorkUnit part : cut) {
          out.add(new WorkUnit(point, seed, part.cells()));
        }
      }
    }
    return new GridPlan(spec, sorted, List.copyOf(out));
  }

  /**
   * A large job is cut into about this many parts at least: enough to keep a cluster of a thousand
   * task slots busy (two per slot).
   */
  static final double PARALLEL_UNITS = 1024;

  /**
   * Units below this many flops (about a minute of one slot) are never cut: jobs of such units (the
   * quickstart, Fig. 1, the Fashion-MNIST jobs) have seeds enough for the slots they run on, and a
   * cut would repeat a large share of their setup.
   */
  static final double MIN_SUB_UNIT_FLOPS = 1e12;

  /** The most work units (task points x seeds) a job may have: the driver lists them all. */
  public static final long MAX_UNITS = 10_000_000;

  /**
   * Fits: (task point, cell, seed) triples, each one Gram matrix and one eigendecomposition for
   * every ridge.
   */
  public long fits() {
    return (long) cells.size() * spec.grid().seeds() * spec.points().size();
  }

  /** Fits at one task point. */
  public long fitsPerPoint() {
    return (long) cells.size() * spec.grid().seeds();
  }

  /** Result rows: fits times ridges. */
  public long rows() {
    return fits() * spec.grid().ridges().size();
  }
}
