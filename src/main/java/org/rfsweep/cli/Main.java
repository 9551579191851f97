package org.rfsweep.cli;

import org.rfsweep.data.DatasetException;
import org.rfsweep.driver.OutputConflictException;
import org.rfsweep.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code rfsweep <command>}. User errors print one line and exit 2; failures exit 1.
 */
@Command(
    name = "rfsweep",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Random-feature ridge regression sweeps on Apache Spark, with the theory beside every number.",
    subcommands = {
      RunCommand.class,
      PlanCommand.class,
      ShowCommand.class,
      ExportCommand.class,
      TheoryCommand.class,
      ReportCommand.class,
      BenchCommand.class,
      SpectrumCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  static final int USER_ERROR = 2;

  /** Stack frames printed with an internal error (one that is not a bad spec, input or folder). */
  private static final int INTERNAL_ERROR_FRAMES = 6;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof SpecException
              || e instanceof OutputConflictException
              || e instanceof DatasetException) {
            cmd.getErr().println("rfsweep: " + e.getMessage());
            return USER_ERROR;
          }
          cmd.getErr()
              .println("rfsweep: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
          Throwable cause = e;
          while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
          }
          if (cause != e) {
            cmd.getErr().println("  caused by: " + cause);
          }
          // Not the user's mistake but ours: where it happened, for the bug report.
          StackTraceElement[] frames = cause.getStackTrace();
          for (int i = 0; i < Math.min(INTERNAL_ERROR_FRAMES, frames.length); i++) {
            cmd.getErr().println("    at " + frames[i]);
          }
          return 1;
        });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
