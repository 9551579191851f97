package org.rfsweep.run;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rfsweep.grid.Cell;
import org.rfsweep.theory.RiskEstimate;
import org.rfsweep.theory.Spectrum;
import org.rfsweep.theory.TheorySweep;

/**
 * The theory values of every (cell, ridge) of a sweep, computed once on the driver (they do not
 * depend on the seed) and broadcast to the executors that write the rows. Small: four doubles per
 * (cell, ridge). Immutable.
 */
public final class CellTheory implements Serializable {
  private static final long serialVersionUID = 1L;
  private final double[] ridges;
  private final Map<Key, TheoryValues[]> values; // one per ridge

  /** A cell by its width as the tables hold it (+Infinity for the kernel limit) and samples. */
  private record Key(double width, int samples) implements Serializable {}

  private CellTheory(double[] ridges, Map<Key, TheoryValues[]> values) {
    this.ridges = ridges;
    this.values = values;
  }

  public static CellTheory compute(
      Spectrum spectrum, double noise, List<Cell> cells, double[] ridges) {
    double[] widths = cells.stream().mapToDouble(Cell::widthValue).toArray();
    double[] samples = cells.stream().mapToDouble(Cell::samples).toArray();
    RiskEstimate[][] estimates = TheorySweep.estimates(spectrum, noise, widths, samples, ridges);
    Map<Key, TheoryValues[]> values = new HashMap<>();
    for (int c = 0; c < cells.size(); c++) {
      TheoryValues[] row = new TheoryValues[ridges.length];
      for (int r = 0; r < ridges.length; r++) {
        RiskEstimate e = estimates[c][r];
        row[r] = new TheoryValues(e.testMse(), e.trainMse(), e.gamma(), e.kappa());
      }
      values.put(new Key(cells.get(c).widthValue(), cells.get(c).samples()), row);
    }
    return new CellTheory(ridges.clone(), Map.copyOf(values));
  }

  /** The theory of a fit, or null if its (cell, ridge) is not in the sweep. */
  public TheoryValues lookup(double width, int samples, double ridge) {
    TheoryValues[] row = values.get(new Key(width, samples));
    int r = Arrays.binarySearch(ridges, ridge);
    return row == null || r < 0 ? null : row[r];
  }
}
