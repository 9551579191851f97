package org.rfsweep.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.rfsweep.driver.LazySession;
import org.rfsweep.driver.ReportBuilder;
import org.rfsweep.driver.SparkSessions;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.RunContext;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.ReportSpec;
import org.rfsweep.spec.SpecException;
import org.rfsweep.spec.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Regenerates the tables and the report of a finished run from its fits. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild DIR's tables (curves, optimal, exponents, claims) and DIR/report/index.html from "
            + "DIR/fits, without refitting.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "output folder of a run")
  Path folder;

  @Option(
      names = "--ui",
      description = "start Spark's web UI (off by default: it has no authentication)")
  boolean ui;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*])")
  String master;

  @Option(
      names = "--widths-at",
      paramLabel = "n",
      split = ",",
      description =
          "draw risk against width at these sample counts (values of the grid; default: the spec's"
              + " report.widths_at, else up to three spread over the grid)")
  List<Integer> widthsAt;

  @Option(
      names = "--samples-at",
      paramLabel = "N",
      split = ",",
      converter = WidthConverter.class,
      description =
          "draw risk against samples at these widths (as --widths-at; inf for the kernel limit)")
  List<Integer> samplesAt;

  /** A width on the command line: a positive integer, or inf. */
  static final class WidthConverter implements picocli.CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      String word = value.trim().toLowerCase(java.util.Locale.ROOT);
      if (word.equals("inf") || word.equals(".inf")) {
        return Sweep.INFINITE_WIDTH;
      }
      return Integer.valueOf(word);
    }
  }

  @Override
  public Integer call() {
    RunContext context = withSlices(ReportBuilder.contextOf(folder));
    if (QuickJit.reportNeedsC2(context.spec(), GridPlan.of(context.spec()).rows())) {
      return QuickJit.RELAUNCH; // nothing printed or written yet
    }
    if (!FitsLocation.of(folder).exists()) {
      System.err.println("rfsweep: DIR " + folder + ": has no fits table");
      return Main.USER_ERROR;
    }
    // Spark starts only if the folder needs it (a large fits table, or one to repair).
    try (LazySession spark =
        new LazySession(
            () ->
                SparkSessions.create(
                    "rfsweep report " + context.spec().name(), master, ui, java.util.Map.of()))) {
      Path index =
          ReportBuilder.rebuild(
              spark, context, folder, line -> System.out.println("rfsweep: " + line));
      System.out.println("rfsweep: report: " + index);
      return 0;
    }
  }

  /** The folder's context with the slices the command line names, checked against the grid. */
  private RunContext withSlices(RunContext context) {
    if (widthsAt == null && samplesAt == null) {
      return context;
    }
    JobSpec spec = context.spec();
    Set<Integer> widths = new TreeSet<>();
    Set<Integer> samples = new TreeSet<>();
    for (Sweep sweep : spec.grid().sweeps()) {
      widths.addAll(sweep.widths());
      samples.addAll(sweep.samples());
    }
    check("--widths-at", widthsAt, samples, "sample count");
    check("--samples-at", samplesAt, widths, "width");
    ReportSpec report =
        new ReportSpec(
            widthsAt != null ? widthsAt : spec.report().widthsAt(),
            samplesAt != null ? samplesAt : spec.report().samplesAt());
    JobSpec sliced =
        new JobSpec(spec.name(), spec.seed(), spec.points(), spec.grid(), spec.fit(), report);
    return new RunContext(
        sliced,
        context.specHash(),
        context.compatibilityHash(),
        context.codeVersion(),
        context.resultsVersion(),
        context.blasBackend(),
        context.pools());
  }

  private static void check(String option, List<Integer> values, Set<Integer> grid, String what) {
    for (int value : values == null ? List.<Integer>of() : values) {
      if (!grid.contains(value)) {
        throw new SpecException(
            option
                + " "
                + Sweep.widthForSpec(value)
                + ": not a "
                + what
                + " of the grid "
                + grid.stream().map(Sweep::widthForSpec).toList());
      }
    }
  }
}
