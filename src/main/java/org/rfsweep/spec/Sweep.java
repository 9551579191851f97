package org.rfsweep.spec;

import java.io.Serializable;
import java.util.List;

/**
 * One product of widths and sample counts; a grid is the union of its sweeps.
 *
 * @param widths distinct positive widths N, ascending
 * @param samples distinct positive sample counts n, ascending
 */
public record Sweep(List<Integer> widths, List<Integer> samples) implements Serializable {
  public Sweep {
    widths = List.copyOf(widths);
    samples = List.copyOf(samples);
    Invariants.ascendingPositive("grid.widths", widths);
    Invariants.ascendingPositive("grid.samples", samples);
  }
}
