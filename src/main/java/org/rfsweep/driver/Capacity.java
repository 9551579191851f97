package org.rfsweep.driver;

import java.util.ArrayList;
import java.util.List;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;

/**
 * Whether a grid's work units fit where they will run: no array beyond what Java can allocate, and
 * the largest unit within a task slot's memory. {@code plan} and {@code run} both check it, before
 * any Spark or any file.
 */
public final class Capacity {
  private Capacity() {}

  /**
   * What a grid holds in memory.
   *
   * @param largestUnitBytes the unit that holds the most at once
   * @param slotBytes what a task slot holds at most: that, or more when its thread keeps arrays
   *     from units of other shapes ({@link CostModel#slotPeakBytes})
   */
  public record Memory(long largestUnitBytes, long slotBytes) {}

  /**
   * @throws SpecException naming the array or the memory that does not fit
   */
  public static Memory check(JobSpec spec, GridPlan plan, ExecutorBudget budget) {
    CostModel.UnitCost largest = null;
    List<CostModel.UnitCost> costs = new ArrayList<>();
    for (WorkUnit unit : plan.units()) {
      CostModel.UnitCost cost = CostModel.of(spec, unit);
      costs.add(cost);
      if (cost.largestArray() > CostModel.MAX_ARRAY) {
        throw new SpecException(
            "grid: "
                + cost.largestArrayName()
                + " would need "
                + cost.largestArray()
                + " doubles in one array; Java arrays hold at most "
                + CostModel.MAX_ARRAY
                + ". Shrink task.modes, task.test_samples or the largest width or sample count");
      }
      if (largest == null || cost.peakBytes() > largest.peakBytes()) {
        largest = cost;
      }
    }
    long slot = CostModel.slotPeakBytes(costs);
    if (largest != null && slot > budget.bytesPerTask()) {
      throw new SpecException(
          "grid: a task slot needs about "
              + ExecutorBudget.bytes(slot)
              + (slot > largest.peakBytes()
                  ? " (the largest unit "
                      + ExecutorBudget.bytes(largest.peakBytes())
                      + ", with the arrays its thread keeps from other units)"
                  : " for the largest unit")
              + " but has "
              + ExecutorBudget.bytes(budget.bytesPerTask())
              + " ("
              + budget.source()
              + "); give executors more memory, fewer cores each, or shrink the largest cell");
    }
    return new Memory(largest == null ? 0 : largest.peakBytes(), slot);
  }
}
