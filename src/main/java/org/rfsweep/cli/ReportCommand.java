package org.rfsweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rfsweep.driver.LazySession;
import org.rfsweep.driver.ReportBuilder;
import org.rfsweep.driver.SparkSessions;
import org.rfsweep.run.FitsRow;
import org.rfsweep.run.RunContext;
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

  @Override
  public Integer call() {
    RunContext context = ReportBuilder.contextOf(folder);
    if (!Files.isDirectory(FitsRow.TABLE.in(folder))) {
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
}
