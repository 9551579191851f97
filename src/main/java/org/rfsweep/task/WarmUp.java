package org.rfsweep.task;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;

/**
 * Compiles the fit's hot loops while Spark starts. In local mode the tasks run in this JVM, and the
 * first units of each task slot otherwise run interpreted and half-compiled (measured on the
 * quickstart: its first round of tasks took 4.1 s for four units, the second 2.3 s), while Spark's
 * start keeps one core of two busy and leaves the other idle. A few small cells of the job's own
 * first task point and feature map are fitted on a background thread and their results dropped;
 * {@link #close} stops it after the cell in progress. A synthetic task only: a dataset's pool would
 * be read a second time.
 */
public final class WarmUp implements AutoCloseable {
  /** Cells up to this size on both sides: each fits in milliseconds, yet runs every loop. */
  static final int LARGEST = 128;

  private static final int MAX_CELLS = 24;

  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicInteger fitted = new AtomicInteger();

  private WarmUp() {}

  /** Starts warming up for {@code job} on a daemon thread. */
  public static WarmUp start(JobSpec job) {
    WarmUp warmUp = new WarmUp();
    JobSpec point = job.at(job.points().get(0));
    if (!(point.task() instanceof DatasetTaskSpec)) {
      Thread thread = new Thread(() -> warmUp.run(point), "rfsweep-warm-up");
      thread.setDaemon(true);
      thread.setPriority(Thread.MIN_PRIORITY);
      thread.start();
    }
    return warmUp;
  }

  private void run(JobSpec point) {
    try {
      List<Cell> cells =
          GridPlan.of(point).cells().stream()
              .filter(c -> !c.isKernel() && c.width() <= LARGEST && c.samples() <= LARGEST)
              .limit(MAX_CELLS)
              .toList();
      UnitRunner runner = SparkUnitTask.runner(point);
      for (Cell cell : cells) {
        if (stopped.get()) {
          return;
        }
        runner.run(new WorkUnit(0, List.of(cell)));
        fitted.incrementAndGet();
      }
    } catch (RuntimeException | LinkageError e) {
      // Only a head start: the run itself fits every cell and reports its own failures.
    }
  }

  /** Cells fitted so far (for tests). */
  int cellsFitted() {
    return fitted.get();
  }

  /** Stops after the cell in progress. */
  @Override
  public void close() {
    stopped.set(true);
  }
}
