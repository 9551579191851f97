package org.rfsweep.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.Schedule;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.task.SparkUnitTask;
import org.rfsweep.task.UnitRunner;

/**
 * A sweep's units fitted on plain threads in this JVM, one per core with one BLAS thread each,
 * largest first, nothing written: the same arithmetic as a run's fits phase without its theory
 * columns, rows, Parquet and commits (and, on Spark, its tasks), so the difference between the two
 * is what those cost a sweep of this size.
 */
final class PlainThreadFits {
  private PlainThreadFits() {}

  /**
   * @return {wall seconds, result rows}
   */
  static double[] run(JobSpec spec, int threads) {
    GridPlan plan = GridPlan.of(spec);
    ConcurrentLinkedQueue<WorkUnit> queue =
        new ConcurrentLinkedQueue<>(
            Schedule.driverOrder(plan.units(), u -> CostModel.of(spec, u).flops()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  NativeLinalg.initialise(1);
                  Map<Integer, UnitRunner> runners = new HashMap<>(); // one per task point
                  int rows = 0;
                  for (WorkUnit unit = queue.poll(); unit != null; unit = queue.poll()) {
                    UnitRunner runner =
                        runners.computeIfAbsent(
                            unit.point(), p -> SparkUnitTask.runner(spec.at(spec.points().get(p))));
                    rows += runner.run(unit).size();
                  }
                  return rows;
                }));
      }
      int rows = 0;
      for (Future<Integer> worker : workers) {
        rows += worker.get();
      }
      return new double[] {(System.nanoTime() - start) * 1e-9, rows};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a unit failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
