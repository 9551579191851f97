package org.rfsweep.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.io.RecordColumns;
import org.rfsweep.io.SmallTableWriter;
import org.rfsweep.io.SpectrumFiles;
import org.rfsweep.io.TableFormat;
import org.rfsweep.run.TaskTheory;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.SpecException;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.theory.OptimalRidge;
import org.rfsweep.theory.RiskEstimate;
import org.rfsweep.theory.Spectrum;
import org.rfsweep.theory.TheorySweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Theory alone: the eigenframework's risks for dense grids, in seconds, without Spark. */
@Command(
    name = "theory",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the RF eigenframework's test and train risk, gamma and kappa for every combination of "
          + "width, samples and ridge (or the theory-optimal ridge with --optimal-ridge).",
      "Values come from SPEC (its task, cells and ridges) or from flags; flags override SPEC.",
      "Example: rfsweep theory --alpha 1.5 --beta 1.5 --modes 10000 --noise 0.5 --width 64,256,inf "
          + "--samples 100,1000 --ridge 0,0.01,1 --csv"
    })
final class TheoryCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SPEC",
      description = "job spec (YAML), optional")
  Path spec;

  @Parameters(index = "1..*", paramLabel = "FIELD=VALUE", description = SpecArguments.OVERRIDES)
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--spectrum",
      paramLabel = "powerlaw|PATH",
      description =
          "powerlaw (default), or a measured spectrum: CSV or Parquet with eigenvalue,target_power")
  String spectrum;

  @Option(names = "--alpha", description = "eigenvalue decay lambda_i = i^-alpha (> 1)")
  Double alpha;

  @Option(
      names = "--beta",
      description = "target decay v_i^2 = i^-beta (> 0; 1 < beta < 1 + alpha with tail)")
  Double beta;

  @Option(
      names = "--modes",
      paramLabel = "M|tail",
      description =
          "number of modes, or 'tail' for infinitely many (the tail carried analytically)")
  String modes;

  @Option(
      names = "--noise",
      description = "label-noise variance sigma^2 (default 0, or the spec's)")
  Double noise;

  @Option(
      names = "--width",
      split = ",",
      paramLabel = "N",
      description = "widths; 'inf' for kernel regression")
  List<String> widths;

  @Option(names = "--samples", split = ",", paramLabel = "n", description = "sample counts")
  List<String> samples;

  @Option(
      names = "--ridge",
      split = ",",
      paramLabel = "delta",
      description = "ridges >= 0 (0 = minimum norm)")
  List<String> ridges;

  @Option(
      names = "--optimal-ridge",
      description = "replace the ridge axis by the theory-optimal ridge")
  boolean optimalRidge;

  @Option(names = "--csv", description = "print CSV with full precision")
  boolean csv;

  @Option(
      names = "--parquet",
      paramLabel = "DIR",
      description = "also write the table as Parquet to DIR")
  Path parquet;

  @Override
  public Integer call() {
    JobSpec job =
        spec == null
            ? null
            : CommandSpecs.onePoint(SpecLoader.load(spec, overrides), spec, "theory");
    PowerLawTaskSpec task = job != null && job.task() instanceof PowerLawTaskSpec p ? p : null;
    double sigma2 =
        noise != null ? nonNegative("--noise", noise) : task != null ? task.noise() : 0.0;
    Spectrum theorySpectrum = spectrum(job, task);

    List<double[]> pairs = pairs(job);
    double[] ridgeAxis =
        ridges != null
            ? ridges.stream().mapToDouble(r -> ridge(r)).toArray()
            : job != null ? job.grid().ridgeArray() : null;
    if (ridgeAxis == null && !optimalRidge) {
      throw new SpecException("--ridge: give a list of ridges, a SPEC, or --optimal-ridge");
    }
    double[] widthOf = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] samplesOf = pairs.stream().mapToDouble(p -> p[1]).toArray();

    long start = System.nanoTime();
    if (optimalRidge) {
      List<Optimum> optima = optimalRows(theorySpectrum, sigma2, widthOf, samplesOf);
      start = report(start, optima.size(), theorySpectrum);
      emit(OPTIMUM, optima);
    } else {
      List<Point> points = estimateRows(theorySpectrum, sigma2, widthOf, samplesOf, ridgeAxis);
      start = report(start, points.size(), theorySpectrum);
      emit(POINT, points);
    }
    return 0;
  }

  /** A row of the theory table at given ridges (width and samples may be inf). */
  record Point(
      double width,
      double samples,
      double ridge,
      double testMse,
      double trainMse,
      double gamma,
      double kappa) {}

  /** A row of the theory table at the theory-optimal ridge. */
  record Optimum(
      double width,
      double samples,
      double ridge,
      double testMse,
      double trainMse,
      double fittingRatio) {}

  private static final RecordColumns<Point> POINT = RecordColumns.of(Point.class);
  private static final RecordColumns<Optimum> OPTIMUM = RecordColumns.of(Optimum.class);

  private static List<Optimum> optimalRows(
      Spectrum spectrum, double noise, double[] widths, double[] samples) {
    OptimalRidge.Result[] results = TheorySweep.optimal(spectrum, noise, widths, samples);
    List<Optimum> rows = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      OptimalRidge.Result r = results[i];
      rows.add(
          new Optimum(
              widths[i], samples[i], r.ridge(), r.testMse(), r.trainMse(), r.fittingRatio()));
    }
    return rows;
  }

  private static List<Point> estimateRows(
      Spectrum spectrum, double noise, double[] widths, double[] samples, double[] ridges) {
    RiskEstimate[][] estimates = TheorySweep.estimates(spectrum, noise, widths, samples, ridges);
    List<Point> rows = new ArrayList<>();
    for (int i = 0; i < estimates.length; i++) {
      for (int r = 0; r < ridges.length; r++) {
        RiskEstimate e = estimates[i][r];
        rows.add(
            new Point(
                widths[i], samples[i], ridges[r], e.testMse(), e.trainMse(), e.gamma(), e.kappa()));
      }
    }
    return rows;
  }

  /** Says how long the theory took (on stderr, so stdout stays the table). */
  private static long report(long start, int rows, Spectrum spectrum) {
    System.err.printf(
        Locale.ROOT,
        "rfsweep: %d theory points on %d spectrum entries in %.2f s%n",
        rows,
        spectrum.entries(),
        (System.nanoTime() - start) * 1e-9);
    return start;
  }

  /** Prints the table, and writes it as Parquet when asked. */
  private <R extends Record> void emit(RecordColumns<R> columns, List<R> rows) {
    List<Object[]> printable =
        rows.stream()
            .map(
                row -> {
                  Object[] values = columns.values(row);
                  for (int c = 0; c < 2; c++) {
                    // width and samples print as integers (or inf)
                    double value = (Double) values[c];
                    values[c] = Double.isFinite(value) ? (Object) (long) value : (Object) value;
                  }
                  return values;
                })
            .toList();
    if (csv) {
      TableFormat.csv(columns.names(), printable, System.out);
    } else {
      TableFormat.aligned(columns.names(), printable, System.out);
    }
    if (parquet != null) {
      SmallTableWriter.write(parquet, columns, rows);
    }
  }

  private Spectrum spectrum(JobSpec job, PowerLawTaskSpec task) {
    if (spectrum != null && !spectrum.equals("powerlaw")) {
      try {
        double[][] measured = SpectrumFiles.read(Path.of(spectrum));
        return Spectrum.measured(measured[0], measured[1]);
      } catch (IllegalArgumentException e) {
        throw new SpecException("--spectrum: " + e.getMessage());
      }
    }
    if (job != null && alpha == null && beta == null && modes == null) {
      return TaskTheory.spectrum(job, null)
          .orElseThrow(
              () ->
                  new SpecException(
                      "SPEC "
                          + spec
                          + ": its "
                          + job.features().kind().word()
                          + " features have no known spectrum; give --spectrum PATH (measured)"));
    }
    double a = alpha != null ? alpha : task != null ? task.alpha() : missing("--alpha");
    double b = beta != null ? beta : task != null ? task.beta() : missing("--beta");
    if (!(a > 1) || Double.isInfinite(a)) {
      throw new SpecException("--alpha: must be > 1, found " + a);
    }
    if (!(b > 0) || Double.isInfinite(b)) {
      throw new SpecException("--beta: must be > 0, found " + b);
    }
    String m =
        modes != null
            ? modes
            : task != null ? String.valueOf(task.modes()) : missing("--modes") + "";
    if (m.equalsIgnoreCase("tail")) {
      if (!(b > 1 && b < 1 + a)) {
        throw new SpecException(
            "--modes tail: needs 1 < beta < 1 + alpha, found alpha="
                + a
                + ", beta="
                + b
                + "; give a finite --modes");
      }
      return Spectrum.powerLawWithTail(a, b);
    }
    return Spectrum.powerLaw(a, b, positiveInt("--modes", m));
  }

  private List<double[]> pairs(JobSpec job) {
    List<double[]> pairs = new ArrayList<>();
    if (widths == null && samples == null && job != null) {
      for (Cell cell : GridPlan.of(job).cells()) {
        pairs.add(new double[] {cell.widthValue(), cell.samples()});
      }
      return pairs;
    }
    if (widths == null || samples == null) {
      throw new SpecException(
          (widths == null ? "--width" : "--samples") + ": required without a SPEC");
    }
    for (String w : widths) {
      for (String n : samples) {
        pairs.add(new double[] {width(w), positiveInt("--samples", n)});
      }
    }
    return pairs;
  }

  private static double width(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("inf") || t.equals("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    return positiveInt("--width", text);
  }

  private static double ridge(String text) {
    try {
      double value = Double.parseDouble(text.trim());
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new SpecException("--ridge: must be a finite number >= 0, found " + text.trim());
      }
      return value;
    } catch (NumberFormatException e) {
      throw new SpecException("--ridge: must be a number, found '" + text.trim() + "'");
    }
  }

  private static int positiveInt(String flag, String text) {
    try {
      double value = Double.parseDouble(text.trim());
      if (!(value >= 1) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
        throw new SpecException(flag + ": must be a positive integer, found " + text.trim());
      }
      return (int) value;
    } catch (NumberFormatException e) {
      throw new SpecException(flag + ": must be a positive integer, found '" + text.trim() + "'");
    }
  }

  private static double nonNegative(String flag, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new SpecException(flag + ": must be finite and >= 0, found " + value);
    }
    return value;
  }

  private static double missing(String flag) {
    throw new SpecException(flag + ": required without a SPEC");
  }
}
