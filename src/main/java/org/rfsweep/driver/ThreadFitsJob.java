package org.rfsweep.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.io.TableFolder;
import org.rfsweep.run.CellTheory;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.FitsRow;
import org.rfsweep.run.RowStamp;
import org.rfsweep.run.RunContext;
import org.rfsweep.task.PointFit;
import org.rfsweep.task.SparkUnitTask;

/**
 * A local sweep's units fitted on the driver's own threads, without Spark: starting Spark and
 * running the units as its tasks cost a small sweep as much as its fits, a long one a tenth. What
 * is computed and written is the Spark path's ({@link FitsJob}): the same bins of units, fitted by
 * the same task code into the same rows, one part file per bin.
 *
 * <p>Each bin's part file is written into the run's staging folder ({@link ChunkStaging}) and moved
 * into the table by one rename once complete, so the table only ever holds whole bins: a run killed
 * mid-way keeps the bins it finished and leaves a staging folder with at most partial files, which
 * the next run discards before computing the rest.
 */
final class ThreadFitsJob {
  private ThreadFitsJob() {}

  /**
   * Fits {@code units} in chunks of {@code chunk} units on {@code slots} threads, each with {@code
   * taskCpus} BLAS threads; bins are taken in chunk order, so the table fills as Spark's does.
   *
   * @param theory {@link FitsJob#theory} of the grid
   */
  static void run(
      RunContext context,
      List<CellTheory> theory,
      List<WorkUnit> units,
      int chunk,
      int slots,
      int taskCpus,
      SweepDriver.Options options,
      Consumer<String> report) {
    if (units.isEmpty()) {
      return;
    }
    Progress progress = new Progress(context.spec(), units, report, options.out());
    TableFolder table = FitsLocation.of(options.out());
    String run = UUID.randomUUID().toString().substring(0, 8);
    TableFolder staging = ChunkStaging.folder(table, "threads-" + run);
    List<RowStamp> stamps = context.stamps();
    SparkUnitTask task = new SparkUnitTask(context.spec(), options.allowJavaBlas());
    ExecutorService threads =
        Executors.newFixedThreadPool(
            slots,
            work -> {
              Thread thread = new Thread(work, "rfsweep-fits");
              thread.setDaemon(true); // a signal's shutdown hooks need not wait for a fit
              return thread;
            });
    Failure failure = new Failure();
    try {
      int index = 0;
      for (int from = 0; from < units.size(); from += chunk) {
        List<WorkUnit> part = units.subList(from, Math.min(units.size(), from + chunk));
        for (List<WorkUnit> bin :
            FitsJob.bins(context, part, FitsJob.tasks(part.size(), slots, options))) {
          String name = String.format("part-%05d-%s.snappy.parquet", index++, run);
          threads.submit(
              () -> {
                if (failure.happened()) {
                  return; // the run has given up: no new bin starts
                }
                try {
                  List<Object[]> rows = new ArrayList<>();
                  for (PointFit fit : task.fit(bin, taskCpus)) {
                    rows.add(FitsJob.values(stamps, theory, fit));
                  }
                  staging.writePart(name, FitsRow.TABLE.parquetSchema(), rows);
                  staging.movePart(name, table);
                  progress.done(bin);
                } catch (RuntimeException | Error e) {
                  failure.record(e);
                }
              });
        }
      }
      threads.shutdown();
      awaitStop(threads, failure);
      failure.rethrow();
      progress.complete();
    } finally {
      threads.shutdownNow();
      staging.delete();
    }
  }

  /**
   * Waits for every bin to end. After a failure the bins already running still finish and keep
   * their rows (a fit inside BLAS does not heed an interrupt anyway); no thread writes into the
   * folder once this returns.
   */
  private static void awaitStop(ExecutorService threads, Failure failure) {
    try {
      while (!threads.awaitTermination(1, TimeUnit.SECONDS)) {
        // fitting
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.record(new IllegalStateException("interrupted while the sweep's fits ran", e));
    }
  }

  /**
   * The first failure of a bin: what the run reports. Bins not started by then are skipped; bins
   * already running finish and keep their rows, as a Spark job's committed chunks do.
   */
  private static final class Failure {
    private volatile Throwable first;

    synchronized void record(Throwable cause) {
      if (first == null) {
        first = cause;
      }
    }

    boolean happened() {
      return first != null;
    }

    void rethrow() {
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error e) {
        throw e;
      }
      if (first != null) {
        throw new IllegalStateException(first.getMessage(), first);
      }
    }
  }
}
