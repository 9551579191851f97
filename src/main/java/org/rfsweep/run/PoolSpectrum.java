package org.rfsweep.run;

import java.util.ArrayList;
import java.util.List;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.features.Kernels;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.theory.ExponentEstimates;
import org.rfsweep.theory.MeasuredSpectrum;

/**
 * A dataset pool's eigenstructure (docs/THEORY.md, real data): the kernel matrix of the feature
 * map's infinite-width limit over the pool (native dsyrk), its eigendecomposition, the target power
 * per mode, and the exponent estimates, with how long the measurement took.
 */
public record PoolSpectrum(
    MeasuredSpectrum spectrum, List<ExponentEstimates.Estimate> exponents, double seconds) {
  public PoolSpectrum {
    exponents = List.copyOf(exponents);
  }

  /** BLAS threads a run's driver measures with: all its cores, before any task runs. */
  public static int measuringThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The backend's label as a run's driver measures (what a kept spectrum is keyed by). */
  public static String measuringBlas() {
    return NativeLinalg.backend().withThreads(measuringThreads()).label();
  }

  /** Measures the pool's spectrum with the BLAS threads this JVM has. */
  public static PoolSpectrum measure(JobSpec spec) {
    long start = System.nanoTime();
    DatasetTaskSpec task = (DatasetTaskSpec) spec.task();
    DatasetPool pool = DatasetPool.of(task, spec.seed());
    int points = pool.size();
    double[] kernel = new double[Math.multiplyExact(points, points)];
    Kernels.matrix(
        spec.features(), pool.inputs(), pool.dimension(), points, pool.dimension(), kernel);
    // The eigendecomposition destroys its input; the proxies still need the kernel itself.
    MeasuredSpectrum spectrum =
        MeasuredSpectrum.of(kernel.clone(), points, pool.targets(), pool.outputs());
    List<ExponentEstimates.Estimate> exponents =
        new ArrayList<>(ExponentEstimates.direct(spectrum, 10, Math.max(20, points / 10)));
    exponents.addAll(ExponentEstimates.proxies(kernel, points, spectrum, 20, points, 12));
    return new PoolSpectrum(spectrum, exponents, (System.nanoTime() - start) * 1e-9);
  }

  /**
   * The paper's proxy estimate of an exponent ({@code alpha} or {@code beta}), NaN if not measured.
   */
  public double proxy(String exponent) {
    return exponents.stream()
        .filter(e -> e.exponent().equals(exponent) && e.method().startsWith("proxy"))
        .mapToDouble(ExponentEstimates.Estimate::value)
        .findFirst()
        .orElse(Double.NaN);
  }
}
