package org.rfsweep.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;
import org.rfsweep.spec.Sweep;
import org.rfsweep.spec.TaskPoint;

/**
 * A spec expanded into work: the distinct cells of the union of its sweeps, and one work unit per
 * (task point, seed) holding every cell (so the seed's data and feature bank are built once). The
 * expansion depends on the spec alone; {@link #cutFor} cuts large units into sub-units for the task
 * slots a run has ({@link UnitSplit}).
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
    return whole(spec, List.copyOf(cells));
  }

  /** One unit of every cell per (task point, seed). */
  private static GridPlan whole(JobSpec spec, List<Cell> cells) {
    List<WorkUnit> out = new ArrayList<>();
    for (int point = 0; point < spec.points().size(); point++) {
      for (int seed = 0; seed < spec.grid().seeds(); seed++) {
        out.add(new WorkUnit(point, seed, cells));
      }
    }
    return new GridPlan(spec, cells, List.copyOf(out));
  }

  /**
   * This plan's cells in units cut for {@code slots} task slots ({@link UnitSplit}): the cost model
   * plays the driver's schedule out ({@link Schedule#simulate}) for whole units and for units cut
   * to 1, 2 or 4 per slot, and for whole units but the few left over past a multiple of the slots
   * ({@link #tailCut}), and keeps the cut that ends first (the fewer sub-units when two end
   * together). Units under {@link #MIN_SUB_UNIT_FLOPS} are never cut to fill the slots, only at the
   * tail. Few slots keep whole units (no setup done twice); a large cluster gets parts enough to
   * fill it. A cell's rows are the same bits however its unit is cut (each is computed from the
   * seed's streams alone, in products whose rounding does not depend on the other cells), so the
   * cut may follow the cluster.
   */
  public GridPlan cutFor(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be >= 1, found " + slots);
    }
    // A unit's cost depends on its point and cells, not its seed: one estimate per point.
    double[] pointCost = new double[spec.points().size()];
    for (int point = 0; point < pointCost.length; point++) {
      pointCost[point] = CostModel.of(spec, new WorkUnit(point, 0, cells)).flops();
    }
    double total = Arrays.stream(pointCost).sum() * spec.grid().seeds();
    double largest = Arrays.stream(pointCost).max().orElse(0);
    double finest =
        Math.max(
            total / ((double) slots * UNITS_PER_SLOT[UNITS_PER_SLOT.length - 1]),
            MIN_SUB_UNIT_FLOPS);
    GridPlan whole = isCut() ? whole(spec, cells) : this;
    // Seconds at the driver's nominal rate: the chunks are the driver's own, and only the
    // comparison between cuts matters, so the choice depends on the spec and the slots alone.
    Map<WorkUnit, CostModel.UnitCost> costs = new HashMap<>();
    ToDoubleFunction<WorkUnit> flops = u -> cost(costs, u).flops();
    ToDoubleFunction<WorkUnit> seconds =
        u -> cost(costs, u).flopsAtPeak() / Schedule.DRIVER_FLOPS_PER_SLOT;
    GridPlan best = whole;
    double bestMakespan = makespan(whole, slots, flops, seconds);
    GridPlan tail = whole.tailCut(slots, flops);
    if (tail != null) {
      double makespan = makespan(tail, slots, flops, seconds);
      if (makespan < bestMakespan) {
        best = tail;
        bestMakespan = makespan;
      }
    }
    if (largest <= finest) {
      return best; // no candidate cuts anything to fill the slots
    }
    for (int perSlot : UNITS_PER_SLOT) {
      GridPlan candidate =
          cutTo(pointCost, Math.max(total / ((double) slots * perSlot), MIN_SUB_UNIT_FLOPS));
      if (candidate.units.size() > best.units.size()) {
        double makespan = makespan(candidate, slots, flops, seconds);
        if (makespan < bestMakespan) {
          best = candidate;
          bestMakespan = makespan;
        }
      }
    }
    return best;
  }

  /** A unit's cost, priced once per point and cells (seeds cost alike). */
  private CostModel.UnitCost cost(Map<WorkUnit, CostModel.UnitCost> costs, WorkUnit unit) {
    return costs.computeIfAbsent(
        new WorkUnit(unit.point(), 0, unit.cells()), key -> CostModel.of(spec, key));
  }

  /** The driver's schedule of a plan's units played out: its makespan in seconds. */
  private static double makespan(
      GridPlan plan,
      int slots,
      ToDoubleFunction<WorkUnit> flops,
      ToDoubleFunction<WorkUnit> seconds) {
    List<WorkUnit> order = Schedule.driverOrder(plan.units, flops);
    int chunk = Schedule.driverChunkUnits(order, slots, flops);
    return Schedule.simulate(order, slots, seconds, chunk).makespanSeconds();
  }

  /**
   * The units left over past the largest multiple of the slots, each cut into as many parts as the
   * slots need to share them (45 units on 2 slots: the last in halves), the rest whole; null when
   * none is left over. A schedule of equal units otherwise ends with all but those slots idle for a
   * unit's time.
   */
  private GridPlan tailCut(int slots, ToDoubleFunction<WorkUnit> flops) {
    int count = units.size();
    int left = count % slots;
    if (count < slots || left == 0) {
      return null;
    }
    int parts = (slots + left - 1) / left;
    List<WorkUnit> out = new ArrayList<>(units.subList(0, count - left));
    for (WorkUnit unit : units.subList(count - left, count)) {
      // A part may cost a quarter more than its even share: the setup its cells share is done by
      // each part that needs it.
      out.addAll(UnitSplit.toShare(List.of(unit), 1.25 * flops.applyAsDouble(unit) / parts, flops));
    }
    return new GridPlan(spec, cells, List.copyOf(out));
  }

  /** Every unit costing more than {@code share} cut until its parts do not, or cannot be cut. */
  private GridPlan cutTo(double[] pointCost, double share) {
    List<WorkUnit> out = new ArrayList<>();
    for (int point = 0; point < spec.points().size(); point++) {
      // The cut does not depend on the seed either: made once, applied to every seed.
      List<WorkUnit> cut =
          pointCost[point] > share
              ? UnitSplit.toShare(
                  List.of(new WorkUnit(point, 0, cells)), share, u -> CostModel.of(spec, u).flops())
              : List.of(new WorkUnit(point, 0, cells));
      for (int seed = 0; seed < spec.grid().seeds(); seed++) {
        for (WorkUnit part : cut) {
          out.add(new WorkUnit(point, seed, part.cells()));
        }
      }
    }
    return new GridPlan(spec, cells, List.copyOf(out));
  }

  /** How many (task point, seed) units are cut into sub-units. */
  public long cutSeedUnits() {
    return units.stream()
        .collect(
            Collectors.groupingBy(u -> List.of(u.point(), u.seedIndex()), Collectors.counting()))
        .values()
        .stream()
        .filter(parts -> parts > 1)
        .count();
  }

  /** Whether some seed's unit is cut into sub-units. */
  public boolean isCut() {
    return units.size() != (long) spec.points().size() * spec.grid().seeds();
  }

  /** Units per slot a large job's cut may aim at: {@link #cutFor} plays each out. */
  private static final int[] UNITS_PER_SLOT = {1, 2, 4};

  /**
   * Units below this many flops (about a minute of one slot) are never cut to fill the slots (only
   * at the schedule's tail, {@link #tailCut}): jobs of such units (the quickstart, Fig. 1, the
   * Fashion-MNIST jobs) have seeds enough for the slots they run on, and a cut would repeat a large
   * share of their setup.
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
