package org.rfsweep.cli;

import java.util.List;
import java.util.function.Supplier;
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
        "Random-feature ridge regression sweeps on Apache Spark, with the theory beside every number.")
public final class Main implements Runnable {
  static final int USER_ERROR = 2;

  /** Stack frames printed with an internal error (one that is not a bad spec, input or folder). */
  private static final int INTERNAL_ERROR_FRAMES = 6;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    CommandLine commandLine = commandLine(args.length > 0 ? args[0] : "");
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

  /** A command by its name, made only when registered. */
  private record Named(String name, Supplier<Object> command) {}

  /**
   * The commands in the order {@code rfsweep --help} lists them. Each is introspected by picocli
   * only when registered: all of them cost about 0.3 s at start (reflection over every option of
   * every command), so a command line that names one registers that one alone.
   */
  private static final List<Named> COMMANDS =
      List.of(
          new Named("run", RunCommand::new),
          new Named("plan", PlanCommand::new),
          new Named("show", ShowCommand::new),
          new Named("export", ExportCommand::new),
          new Named("theory", TheoryCommand::new),
          new Named("report", ReportCommand::new),
          new Named("bench", BenchCommand::new),
          new Named("spectrum", SpectrumCommand::new),
          new Named("help", CommandLine.HelpCommand::new));

  /**
   * The command line for arguments starting with {@code first}: only that command when it names one
   * (help needs them all, to describe any), else all of them.
   */
  static CommandLine commandLine(String first) {
    // Without this picocli's factory looks for Groovy's closure class when first used, and the miss
    // opens every jar on the class path in turn before the command line is parsed (0.1 s; `plan`
    // 0.81 -> 0.79 s, while commands that read Parquet open them later for Hadoop's settings).
    System.setProperty("picocli.disable.closures", "true");
    CommandLine line = new CommandLine(new Main());
    List<Named> named =
        COMMANDS.stream().filter(c -> c.name().equals(first) && !first.equals("help")).toList();
    for (Named command : named.isEmpty() ? COMMANDS : named) {
      line.addSubcommand(command.name(), command.command().get());
    }
    return line;
  }

  @Override
  public void run() {
    commandLine("").usage(System.out);
  }
}
