package org.rfsweep.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How a sweep's units run on a cluster, as the driver schedules them: committed in chunks (one
 * Spark job each, {@link #IN_FLIGHT} at a time), each chunk packed into Spark tasks by {@link
 * UnitBins}, and the tasks taken in order by whichever task slot is free. {@link #simulate} plays
 * that out with each unit's estimated seconds: the makespan and how busy the slots are.
 *
 * @param makespanSeconds from the first task to the last
 * @param utilisation the units' seconds over slots x makespan
 * @param chunks Spark jobs
 * @param largestUnitSeconds the longest unit: no schedule finishes sooner
 * @param utilisationBound the most any schedule of these units could reach: their seconds over
 *     slots x the longest unit, or 1 when a slot's share of the work is longer than that unit
 */
public record Schedule(
    double makespanSeconds,
    double utilisation,
    int chunks,
    double largestUnitSeconds,
    double utilisationBound) {
  /**
   * The conservative sustained rate per task slot the driver sizes its chunks at (measured: 30-40
   * GFLOP/s here), so a spec and a slot count give the same chunks on any machine.
   */
  public static final double DRIVER_FLOPS_PER_SLOT = 30e9;

  /** A sweep is committed in about this many chunks (at least two units per task slot each). */
  public static final int CHUNKS = 10;

  /** Sweeps estimated to take less than this on all slots are committed as one chunk. */
  public static final double ONE_CHUNK_SECONDS = 120;

  /**
   * Units per committed chunk: an interruption loses at most the chunks in flight. A sweep of a few
   * minutes is one chunk (each extra Spark job costs a fraction of a second, and losing it all
   * costs little); longer ones about ten chunks of at least two units per slot.
   *
   * @param seconds the units' estimated seconds on one slot
   */
  public static int chunkUnits(
      List<WorkUnit> units, int slots, ToDoubleFunction<WorkUnit> seconds) {
    double total = units.stream().mapToDouble(seconds).sum();
    if (total / slots < ONE_CHUNK_SECONDS) {
      return Math.max(1, units.size());
    }
    return Math.max(2 * slots, (units.size() + CHUNKS - 1) / CHUNKS);
  }

  /**
   * Units per committed chunk as the driver decides it: {@link #chunkUnits} with each unit's {@code
   * flops} at {@link #DRIVER_FLOPS_PER_SLOT}, the same on any machine.
   */
  public static int driverChunkUnits(
      List<WorkUnit> units, int slots, ToDoubleFunction<WorkUnit> flops) {
    return chunkUnits(units, slots, u -> flops.applyAsDouble(u) / DRIVER_FLOPS_PER_SLOT);
  }

  /** Spark tasks for a chunk: one per unit, up to two per task slot (as the driver packs them). */
  public static int tasks(int units, int slots) {
    return Math.min(units, 2 * Math.max(1, slots));
  }

  /**
   * Chunks whose Spark jobs run at the same time: when a chunk's last tasks leave slots free, the
   * next chunk's tasks take them (Spark's FIFO scheduler runs the earlier job's tasks first).
   */
  public static final int IN_FLIGHT = 2;

  /**
   * Plays the driver's schedule out: each chunk's tasks in order on whichever slot is free first, a
   * chunk's job submitted once the chunk {@link #IN_FLIGHT} before it has ended.
   *
   * @param units the units in the order the driver takes them (largest first)
   * @param slots task slots of the cluster
   * @param seconds each unit's estimated seconds on one slot
   */
  public static Schedule simulate(
      List<WorkUnit> units, int slots, ToDoubleFunction<WorkUnit> seconds) {
    return simulate(units, slots, seconds, chunkUnits(units, slots, seconds));
  }

  /**
   * {@link #simulate(List, int, ToDoubleFunction)} with the driver's chunk size, which it decides
   * at {@link #DRIVER_FLOPS_PER_SLOT} whatever the machine: {@code chunk} units a chunk.
   */
  public static Schedule simulate(
      List<WorkUnit> units, int slots, ToDoubleFunction<WorkUnit> seconds, int chunk) {
    double[] free = new double[slots]; // when each slot is next free
    List<Double> chunkEnds = new ArrayList<>();
    double work = 0;
    double largest = 0;
    for (int from = 0; from < units.size(); from += chunk) {
      List<WorkUnit> part = units.subList(from, Math.min(units.size(), from + chunk));
      List<List<WorkUnit>> bins = UnitBins.pack(part, tasks(part.size(), slots), seconds);
      int index = chunkEnds.size();
      double submitted = index >= IN_FLIGHT ? chunkEnds.get(index - IN_FLIGHT) : 0;
      double end = submitted;
      for (List<WorkUnit> bin : bins) {
        int slot = 0;
        for (int s = 1; s < slots; s++) {
          if (free[s] < free[slot]) {
            slot = s;
          }
        }
        double binSeconds = bin.stream().mapToDouble(seconds).sum();
        free[slot] = Math.max(free[slot], submitted) + binSeconds;
        end = Math.max(end, free[slot]);
        work += binSeconds;
        for (WorkUnit unit : bin) {
          largest = Math.max(largest, seconds.applyAsDouble(unit));
        }
      }
      chunkEnds.add(end);
    }
    double makespan = 0;
    for (double f : free) {
      makespan = Math.max(makespan, f);
    }
    return new Schedule(
        makespan,
        makespan == 0 ? 0 : work / (slots * makespan),
        chunkEnds.size(),
        largest,
        largest == 0 ? 1 : Math.min(1, work / (slots * largest)));
  }

  /** The units of a plan in the driver's order: largest first. */
  public static List<WorkUnit> driverOrder(List<WorkUnit> units, ToDoubleFunction<WorkUnit> cost) {
    List<WorkUnit> sorted = new ArrayList<>(units);
    sorted.sort(java.util.Comparator.comparingDouble(cost).reversed());
    return sorted;
  }
}
