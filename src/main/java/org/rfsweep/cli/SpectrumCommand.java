package org.rfsweep.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.io.RunLabel;
import org.rfsweep.linalg.BlasBackend;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.run.PoolSpectrum;
import org.rfsweep.run.SpectrumCache;
import org.rfsweep.run.SpectrumTables;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.theory.ExponentEstimates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures a dataset task's kernel eigenstructure on its pool, without Spark. */
@Command(
    name = "spectrum",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the pool's kernel matrix for SPEC's feature map (native BLAS), eigendecompose it, and "
          + "write DIR/spectrum (index, eigenvalue, target_power) and DIR/spectrum_exponents: alpha and beta by "
          + "direct log-log fits and by the paper's proxies, each with a 95%% interval.",
      "Cost: about P^2 d flops for the kernel and 10 P^3 for the eigendecomposition; P = 10,000 takes a few "
          + "minutes and 2.4 GB here. The result is kept in the user's cache (RFSWEEP_CACHE, else "
          + "$XDG_CACHE_HOME/rfsweep or ~/.cache/rfsweep; off turns it off), keyed by the pool's content, the "
          + "kernel, the seed and the BLAS library and threads, and reused by later spectrum and run commands."
    })
final class SpectrumCommand implements Callable<Integer> {
  @Mixin SpecArguments arguments;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output folder (default: out/<job name>)")
  Path out;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "BLAS threads (default: all cores)")
  int threads;

  @Override
  public Integer call() {
    JobSpec job = CommandSpecs.onePoint(arguments.load(), arguments.spec, "spectrum");
    if (!(job.task() instanceof DatasetTaskSpec task)) {
      throw new SpecException(
          "task.type: spectrum needs a dataset task; the power-law task's spectrum is known");
    }
    BlasBackend blas =
        NativeLinalg.initialise(threads > 0 ? threads : PoolSpectrum.measuringThreads());
    Path folder = out != null ? out : Path.of("out", job.name());
    SpectrumCache cache = SpectrumCache.fromEnvironment();
    DatasetPool pool = DatasetPool.of(task, job.seed());
    Consumer<String> warn = line -> System.err.println("rfsweep: " + line);
    Optional<SpectrumCache.Hit> hit = cache.lookup(job, pool, blas.label(), warn);
    PoolSpectrum result;
    if (hit.isPresent()) {
      System.out.printf(
          "rfsweep: the %s kernel spectrum of the %d-point pool from the cache, %s (%s; %s=off "
              + "measures it again)%n",
          job.features().kind().word(),
          task.pool(),
          SpectrumCache.describe(hit.get().entry()),
          hit.get().entry().folder(),
          SpectrumCache.ENV);
      result = hit.get().spectrum();
    } else {
      System.out.printf(
          "rfsweep: measuring the %s kernel spectrum of a %d-point pool%n",
          job.features().kind().word(), task.pool());
      result = PoolSpectrum.measure(job);
      cache
          .store(job, pool, blas.label(), result, warn)
          .ifPresent(entry -> System.out.printf("rfsweep: kept for later runs in %s%n", entry));
    }
    SpectrumTables.write(folder, new RunLabel(job.name(), SpecFingerprint.hash(job)), job, result);
    for (ExponentEstimates.Estimate e : result.exponents()) {
      System.out.printf(
          Locale.ROOT,
          "%-5s %6.3f  [%6.3f, %6.3f]  %s, window %.0f..%.0f (%d points)%n",
          e.exponent(),
          e.value(),
          e.low(),
          e.high(),
          e.method(),
          e.from(),
          e.to(),
          e.points());
    }
    System.out.printf(
        Locale.ROOT,
        "rfsweep: done%s: %s, %s%n",
        hit.isPresent() ? "" : String.format(Locale.ROOT, " in %.1f s", result.seconds()),
        SpectrumTables.Mode.TABLE.in(folder),
        SpectrumTables.Estimate.TABLE.in(folder));
    return 0;
  }
}
