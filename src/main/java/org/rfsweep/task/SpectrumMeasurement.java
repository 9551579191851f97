package org.rfsweep.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.features.Kernels;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.io.SmallTableWriter;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.theory.ExponentEstimates;
import org.rfsweep.theory.MeasuredSpectrum;

/**
 * Measures a dataset task's eigenstructure on its pool (THEORY.md section 4) and keeps it: the kernel matrix of
 * the feature map's infinite-width limit over the pool (native dsyrk), its eigendecomposition, target power per
 * mode, and the exponent estimates. Written to {@code DIR/spectrum} and {@code DIR/spectrum_exponents}; a run on
 * the same pool and kernel reuses them.
 */
public final class SpectrumMeasurement {
  public static final String TABLE = "spectrum";
  public static final String EXPONENTS = "spectrum_exponents";
  private static final Map<String, MeasuredSpectrum> MEASURED = new ConcurrentHashMap<>();

  /** The spectrum, its exponent estimates and how long the measurement took. */
  public record Result(MeasuredSpectrum spectrum, List<ExponentEstimates.Estimate> exponents, double seconds) {}

  private SpectrumMeasurement() {}

  /** What the spectrum depends on: the pool (files, target, size, job seed) and the kernel. */
  static String key(JobSpec spec) {
    return spec.task() + "|" + spec.seed() + "|" + spec.features();
  }

  /** The measured spectrum of a dataset spec, if this JVM measured or loaded it. */
  public static Optional<MeasuredSpectrum> known(JobSpec spec) {
    return Optional.ofNullable(MEASURED.get(key(spec)));
  }

  /** Measures the pool's spectrum with all cores of this JVM. */
  public static Result measure(JobSpec spec) {
    long start = System.nanoTime();
    DatasetTaskSpec task = (DatasetTaskSpec) spec.task();
    DatasetPool pool = DatasetPool.of(task, spec.seed());
    int points = pool.size();
    double[] kernel = new double[Math.multiplyExact(points, points)];
    Kernels.matrix(spec.features(), pool.inputs(), pool.dimension(), points, pool.dimension(), kernel);
    // The eigendecomposition destroys its input; the proxies still need the kernel itself.
    MeasuredSpectrum spectrum = MeasuredSpectrum.of(kernel.clone(), points, pool.targets(), pool.outputs());
    List<ExponentEstimates.Estimate> exponents = new ArrayList<>(
        ExponentEstimates.direct(spectrum, 10, Math.max(20, points / 10)));
    exponents.addAll(ExponentEstimates.proxies(kernel, points, spectrum, 20, points, 12));
    MEASURED.put(key(spec), spectrum);
    return new Result(spectrum, exponents, (System.nanoTime() - start) * 1e-9);
  }

  public static void write(Path out, JobSpec spec, Result result) {
    List<double[]> rows = new ArrayList<>();
    MeasuredSpectrum s = result.spectrum();
    for (int i = 0; i < s.eigenvalues().length; i++) {
      rows.add(new double[] {i + 1, s.eigenvalues()[i], s.targetPower()[i]});
    }
    SmallTableWriter.write(out.resolve(TABLE), List.of("index", "eigenvalue", "target_power"), rows);
    List<Object[]> estimates = new ArrayList<>();
    for (ExponentEstimates.Estimate e : result.exponents()) {
      estimates.add(new Object[] {e.exponent(), e.method(), e.value(), e.low(), e.high(), e.from(), e.to(),
          (double) e.points(), key(spec)});
    }
    SmallTableWriter.writeMixed(out.resolve(EXPONENTS), List.of("exponent", "method", "value", "ci_low", "ci_high",
        "window_from", "window_to", "points", "measured_on"), estimates);
  }

  /** The spectrum written in {@code out} for this spec's pool and kernel, if there is one. */
  public static Optional<MeasuredSpectrum> read(Path out, JobSpec spec) {
    if (!Files.isDirectory(out.resolve(TABLE)) || !Files.isDirectory(out.resolve(EXPONENTS))) {
      return Optional.empty();
    }
    ParquetTable exponents = ParquetTable.read(out.resolve(EXPONENTS));
    int on = exponents.columns().indexOf("measured_on");
    if (exponents.rows().isEmpty() || !key(spec).equals(exponents.rows().get(0)[on])) {
      return Optional.empty();
    }
    ParquetTable table = ParquetTable.read(out.resolve(TABLE));
    double[] eigenvalues = table.rows().stream().mapToDouble(r -> (Double) r[1]).toArray();
    double[] power = table.rows().stream().mapToDouble(r -> (Double) r[2]).toArray();
    MeasuredSpectrum spectrum = new MeasuredSpectrum(eigenvalues, power);
    MEASURED.put(key(spec), spectrum);
    return Optional.of(spectrum);
  }
}
