package org.rfsweep.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 * A measured pool spectrum in an output folder: {@code DIR/spectrum} (eigenvalue and target power
 * per mode) and {@code DIR/spectrum_exponents} (the exponent estimates), written by {@code
 * spectrum} and by a dataset {@code run}, which reuses them when the pool and kernel are the same.
 */
public final class SpectrumTables {
  /** One mode: its 1-based index, eigenvalue (descending) and target power summed over outputs. */
  public record Mode(int index, double eigenvalue, double targetPower) {
    public static final ResultTable<Mode> TABLE = ResultTable.of("spectrum", Mode.class);
  }

  /**
   * One exponent estimate.
   *
   * @param windowFrom first index (direct) or sample count (proxy) of the fitted window; windowTo
   *     the last
   * @param measuredOn the key of what the spectrum depends on ({@link SpecFingerprint#spectrumKey})
   * @param task the task's readable columns, as {@code fits} has them (task type, pool size as
   *     modes, test samples, feature map)
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

  public static void write(Path out, RunLabel label, JobSpec spec, PoolSpectrum measured) {
    MeasuredSpectrum s = measured.spectrum();
    List<Mode> modes =
        IntStream.range(0, s.eigenvalues().length)
            .mapToObj(i -> new Mode(i + 1, s.eigenvalues()[i], s.targetPower()[i]))
            .toList();
    SmallTableWriter.write(out, Mode.TABLE, label, modes);
    String key = SpecFingerprint.spectrumKey(spec);
    List<Estimate> estimates =
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
                        JobColumns.of(spec)))
            .toList();
    SmallTableWriter.write(out, Estimate.TABLE, label, estimates);
  }

  /** The spectrum written in {@code out} for this spec's pool and kernel, if there is one. */
  public static Optional<PoolSpectrum> read(Path out, JobSpec spec) {
    Path modesTable = Mode.TABLE.in(out);
    Path estimatesTable = Estimate.TABLE.in(out);
    if (!Files.isDirectory(modesTable) || !Files.isDirectory(estimatesTable)) {
      return Optional.empty();
    }
    List<Estimate> estimates;
    try {
      estimates = Estimate.TABLE.fromTable(ParquetTable.read(estimatesTable));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // written by an earlier rfsweep with other columns: measure again
    }
    String key = SpecFingerprint.spectrumKey(spec);
    if (estimates.isEmpty() || !estimates.stream().allMatch(e -> key.equals(e.measuredOn()))) {
      return Optional.empty();
    }
    List<Mode> modes = Mode.TABLE.fromTable(ParquetTable.read(modesTable));
    double[] eigenvalues = modes.stream().mapToDouble(Mode::eigenvalue).toArray();
    double[] power = modes.stream().mapToDouble(Mode::targetPower).toArray();
    return Optional.of(
        new PoolSpectrum(
            new MeasuredSpectrum(eigenvalues, power),
            estimates.stream().map(Estimate::toEstimate).toList(),
            Double.NaN));
  }
}
