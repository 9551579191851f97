package org.rfsweep.driver;

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
   * @return the cost of the unit that holds the most memory
   * @throws SpecException naming the array or the memory that does not fit
   */
  public static CostModel.UnitCost check(JobSpec spec, GridPlan plan, ExecutorBudget budget) {
    CostModel.UnitCost largest = null;
    for (WorkUnit unit : plan.units()) {
      CostModel.UnitCost cost = CostModel.of(spec, unit);
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
    if (largest != null && largest.peakBytes() > budget.bytesPerTask()) {
      throw new SpecException(
          "grid: the largest unit needs about "
              + ExecutorBudget.bytes(largest.peakBytes())
              + " but a task slot has "
              + ExecutorBudget.bytes(budget.bytesPerTask())
              + " ("
              + budget.source()
              + "); give executors more memory, fewer cores each, or shrink the largest cell");
    }
    return largest;
  }
}
