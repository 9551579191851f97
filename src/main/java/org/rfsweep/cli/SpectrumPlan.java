package org.rfsweep.cli;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.grid.CostModel;
import org.rfsweep.run.PoolSpectrum;
import org.rfsweep.run.SpectrumCache;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.spec.TaskPoint;

/**
 * What {@code plan} says about a dataset job's pool spectra: a run measures each distinct pool and
 * kernel once on the driver, before any fit, unless the output folder or the user's cache has it.
 */
final class SpectrumPlan {
  private SpectrumPlan() {}

  /**
   * Prints a line per distinct pool and kernel and returns the seconds the measurements not in the
   * cache would add to a run.
   *
   * @param gflops this machine's single-thread dgemm speed
   */
  static double print(JobSpec job, double gflops) {
    int threads = PoolSpectrum.measuringThreads();
    String blas = PoolSpectrum.measuringBlas();
    SpectrumCache cache = SpectrumCache.fromEnvironment();
    Set<String> seen = new HashSet<>();
    double seconds = 0;
    for (TaskPoint point : job.points()) {
      JobSpec spec = job.at(point);
      if (!(spec.task() instanceof DatasetTaskSpec dataset)
          || !seen.add(SpecFingerprint.spectrumKey(spec))) {
        continue;
      }
      DatasetPool pool = DatasetPool.of(dataset, job.seed());
      String what =
          pool.size() + "-point pool, " + TaskPoint.featureWords(point.features()) + " kernel";
      Optional<SpectrumCache.Entry> kept;
      try {
        kept = cache.find(spec, pool, blas);
      } catch (IOException unreadable) {
        kept = Optional.empty(); // measured again by the run, which says why
      }
      if (kept.isPresent()) {
        System.out.printf(
            "spectrum    %s: in the cache, %s (%s)%n",
            what, SpectrumCache.describe(kept.get()), kept.get().folder());
        continue;
      }
      double measure = CostModel.spectrumSeconds(pool.size(), pool.dimension(), gflops, threads);
      seconds += measure;
      System.out.printf(
          "spectrum    %s: about %s on %d BLAS threads before the fits, once (%s)%n",
          what,
          PlanCommand.duration(measure),
          threads,
          cache.enabled()
              ? "later runs take it from DIR/spectrum or the cache, " + cache.where()
              : "later runs into the same DIR reuse it; the cache is off");
    }
    return seconds;
  }
}
