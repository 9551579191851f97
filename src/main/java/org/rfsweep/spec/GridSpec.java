package org.rfsweep.spec;

import java.io.Serializable;
import java.util.List;

/**
 * The grid of a job: (width, samples) cells from the union of its sweeps, every cell fitted at every ridge for
 * every seed index 0 .. seeds-1. Ridge is never a parallel axis: one decomposition serves all of them.
 *
 * @param sweeps products of widths and sample counts
 * @param ridges distinct ridges >= 0, ascending (0 is the minimum-norm solution)
 * @param seeds  number of independent seeds, >= 1
 */
public record GridSpec(List<Sweep> sweeps, List<Double> ridges, int seeds) implements Serializable {
  public GridSpec {
    sweeps = List.copyOf(sweeps);
    ridges = List.copyOf(ridges);
  }

  /** The ridges as a primitive array, in order. */
  public double[] ridgeArray() {
    return ridges.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
