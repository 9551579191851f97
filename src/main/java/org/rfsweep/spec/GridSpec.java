package org.rfsweep.spec;

import java.io.Serializable;
import java.util.List;

/**
 * The grid of a job: (width, samples) cells from the union of its sweeps, every cell fitted at
 * every ridge for every seed index 0 .. seeds-1. Ridge is never a parallel axis: one decomposition
 * serves all of them.
 *
 * @param sweeps products of widths and sample counts
 * @param ridges distinct ridges >= 0, ascending (0 is the minimum-norm solution)
 * @param seeds number of independent seeds, >= 1
 */
public record GridSpec(List<Sweep> sweeps, List<Double> ridges, int seeds) implements Serializable {
  public GridSpec {
    sweeps = List.copyOf(sweeps);
    ridges = List.copyOf(ridges);
    if (sweeps.isEmpty()) {
      throw new SpecException("grid: needs widths and samples (or sweeps)");
    }
    if (ridges.isEmpty()) {
      throw new SpecException("grid.ridges: needs at least one ridge");
    }
    for (int i = 0; i < ridges.size(); i++) {
      double ridge = ridges.get(i);
      if (!(ridge >= 0) || Double.isInfinite(ridge)) {
        throw new SpecException("grid.ridges[" + i + "]: must be finite and >= 0, found " + ridge);
      }
      if (i > 0 && !(ridge > ridges.get(i - 1))) {
        throw new SpecException(
            "grid.ridges["
                + i
                + "]: ridges must be distinct and ascending, found "
                + ridge
                + " after "
                + ridges.get(i - 1));
      }
    }
    if (seeds < 1) {
      throw new SpecException("grid.seeds: must be >= 1, found " + seeds);
    }
  }

  /** The ridges as a primitive array, in order. */
  public double[] ridgeArray() {
    return ridges.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
