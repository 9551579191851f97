package org.rfsweep.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.io.ResultTable;
import org.rfsweep.io.RunLabel;
import org.rfsweep.io.SmallTableWriter;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.theory.ExponentEstimates;
import org.rfsweep.theory.MeasuredSpectrum;

/**
 * Measured pool spectra in an output folder: {@code DIR/spectrum} (eigenvalue and target power per
 * mode) and {@code DIR/spectrum_exponents} (the exponent estimates), written by {@code spectrum}
 * and by a dataset {@code run}, which reuses them when the pool and kernel are the same. A job with
 * task axes keeps one spectrum per distinct pool and kernel, told apart by {@code measured_on}.
 */
public final class SpectrumTables {
  /**
   * One mode: its 1-based index, eigenvalue (descending) and target power summed over outputs.
   *
   * @param measuredOn the key of what the spectrum depends on ({@link SpecFingerprint#spectrumKey})
   * @param task the columns of the task point it was measured for, as {@code fits} has them
   */
  public record Mode(
      String measuredOn, int index, double eigenvalue, double targetPower, JobColumns task) {
    public static final ResultTable<Mode> TABLE = ResultTable.of("spectrum", Mode.class);
  }

  /**
   * One exponent estimate.
   *
   * @param windowFrom first index (direct) or sample count (proxy) of the fitted window; windowTo
   *     the last
   * @param measuredOn the key of what the spectrum depends on ({@link SpecFingerprint#spectrumKey})
   * @param task the task point's readable columns, as {@code fits} has them
   */
  public record Estimate(
      String exponent,
      String method,
      double value,
      double ciLow,
      double ciHigh,
      double windowFrom,
      double windowTo,
      long points,
      String measuredOn,
      JobColumns task) {
    public static final ResultTable<Estimate> TABLE =
        ResultTable.of("spectrum_exponents", Estimate.class);

    ExponentEstimates.Estimate toEstimate() {
      return new ExponentEstimates.Estimate(
          exponent, method, value, ciLow, ciHigh, windowFrom, windowTo, (int) points);
    }
  }

  private SpectrumTables() {}

  /**
   * Writes the spectrum of a job of one task point, keeping the folder's spectra of other pools and
   * kernels.
   */
  public static void write(Path out, RunLabel label, JobSpec spec, PoolSpectrum measured) {
    String key = SpecFingerprint.spectrumKey(spec);
    MeasuredSpectrum s = measured.spectrum();
    JobColumns task = JobColumns.of(spec.points().get(0));
    List<Mode> modes = new ArrayList<>(others(Mode.TABLE, out, Mode::measuredOn, key));
    IntStream.range(0, s.eigenvalues().length)
        .mapToObj(i -> new Mode(key, i + 1, s.eigenvalues()[i], s.targetPower()[i], task))
        .forEach(modes::add);
    SmallTableWriter.write(out, Mode.TABLE, label, modes);
    List<Estimate> estimates =
        new ArrayList<>(others(Estimate.TABLE, out, Estimate::measuredOn, key));
    measured.exponents().stream()
        .map(
            e ->
                new Estimate(
                    e.exponent(),
                    e.method(),
                    e.value(),
                    e.low(),
                    e.high(),
                    e.from(),
                    e.to(),
                    e.points(),
                    key,
                    task))
        .forEach(estimates::add);
    SmallTableWriter.write(out, Estimate.TABLE, label, estimates);
  }

  /** The rows of a table measured on something else (none when the table is absent or older). */
  private static <R extends Record> List<R> others(
      ResultTable<R> table, Path out, Function<R, String> keyOf, String key) {
    return readable(table, out).stream().filter(r -> !key.equals(keyOf.apply(r))).toList();
  }

  private static <R extends Record> List<R> readable(ResultTable<R> table, Path out) {
    if (!Files.isDirectory(table.in(out))) {
      return List.of();
    }
    try {
      return table.fromTable(ParquetTable.read(table.in(out)));
    } catch (IllegalArgumentException e) {
      return List.of(); // written by an earlier rfsweep with other columns: measured again
    }
  }

  /** The spectrum written in {@code out} for this job's (one task point's) pool and kernel. */
  public static Optional<PoolSpectrum> read(Path out, JobSpec spec) {
    String key = SpecFingerprint.spectrumKey(spec);
    List<Estimate> estimates =
        readable(Estimate.TABLE, out).stream().filter(e -> key.equals(e.measuredOn())).toList();
    List<Mode> modes =
        readable(Mode.TABLE, out).stream()
            .filter(m -> key.equals(m.measuredOn()))
            .sorted(java.util.Comparator.comparingInt(Mode::index))
            .toList();
    if (estimates.isEmpty() || modes.isEmpty()) {
      return Optional.empty();
    }
    double[] eigenvalues = modes.stream().mapToDouble(Mode::eigenvalue).toArray();
    double[] power = modes.stream().mapToDouble(Mode::targetPower).toArray();
    return Optional.of(
        new PoolSpectrum(
            new MeasuredSpectrum(eigenvalues, power),
            estimates.stream().map(Estimate::toEstimate).toList(),
            Double.NaN));
  }
}
