package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rfsweep.testing.Cli;
import org.rfsweep.testing.Cli.Outcome;
import org.rfsweep.testing.Specs;

/**
 * Every bad input makes {@code plan} and {@code run} exit 2 with one line naming the field and the
 * value, before any Spark job starts and without writing anything.
 */
class BadInputTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      plan | widths: [8, -8]      | grid.widths[1] (line 12): must be a positive integer or inf (the kernel limit), found -8
      run  | widths: [8, -8]      | grid.widths[1] (line 12): must be a positive integer or inf (the kernel limit), found -8
      plan | samples: [0.5]       | grid.samples[0] (line 13): must be a positive integer, found 0.5
      run  | ridges: [-1]         | grid.ridges[0] (line 14): must be a finite number >= 0 (0 = minimum-norm), found -1
      run  | ridges: [.nan]       | grid.ridges[0] (line 14): must be a finite number >= 0 (0 = minimum-norm), found .nan
      plan | alpha: 1             | task.alpha (line 5): must be > 1 (eigenvalues i^-alpha must be summable), found 1
      run  | alpha: 0.9           | task.alpha (line 5): must be > 1 (eigenvalues i^-alpha must be summable), found 0.9
      run  | samples: []          | grid.samples (line 13): must not be empty
      plan | seeds: 0             | grid.seeds (line 15): must be an integer count >= 1, found 0
      run  | seeds: 0             | grid.seeds (line 15): must be an integer count >= 1, found 0
      run  | beta: 1.3 1.4        | task.beta (line 6): must be a number, found '1.3 1.4'
      run  | modes: [300          | t.yaml: malformed YAML at line 9, column 15: expected ',' or ']', but got :
      plan | colour: red          | task.colour (line 9): unknown field; expected one of alpha, beta, modes, noise, test_samples, type
      """)
  void refusesWithOneLineAndWritesNothing(
      String command, String line, String message, @TempDir Path dir) throws Exception {
    String key = line.substring(0, line.indexOf(':'));
    String text =
        key.equals("colour") ? Specs.smallWith("test_samples", line) : Specs.smallWith(key, line);
    Path spec = dir.resolve("t.yaml");
    Files.writeString(spec, text);
    Path out = dir.resolve("out");
    Outcome outcome =
        command.equals("run")
            ? Cli.execute("run", spec.toString(), "--out", out.toString())
            : Cli.execute("plan", spec.toString());
    assertEquals(2, outcome.code(), outcome.err());
    String expected =
        message.startsWith("t.yaml") ? spec + message.substring("t.yaml".length()) : message;
    assertEquals("rfsweep: " + expected + System.lineSeparator(), outcome.err());
    assertEquals("", outcome.out());
    assertFalse(Files.exists(out), "run wrote its output folder");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan", "run"})
  void missingSpecFileIsNamed(String command, @TempDir Path dir) {
    Path spec = dir.resolve("nope.yaml");
    Outcome outcome = Cli.execute(command, spec.toString(), "--out", dir.resolve("o").toString());
    if (command.equals("plan")) {
      outcome = Cli.execute(command, spec.toString());
    }
    assertEquals(2, outcome.code());
    assertEquals(
        "rfsweep: " + spec + ": no such spec file" + System.lineSeparator(), outcome.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "plan", "show"})
  void everyCommandHasHelp(String command) {
    Outcome outcome = Cli.execute(command, "--help");
    assertEquals(0, outcome.code());
    assertTrue(outcome.out().startsWith("Usage: rfsweep " + command), outcome.out());
  }

  @org.junit.jupiter.api.Test
  void runRefusesAnOutputFolderOfAnotherSpecBeforeStartingSpark(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(
        out.resolve("manifest.json"),
        "{\"job_name\": \"other\", \"spec_hash\": \"0123456789abcdef\"}");
    Path spec = dir.resolve("t.yaml");
    Files.writeString(spec, Specs.small());
    Outcome outcome = Cli.execute("run", spec.toString(), "--out", out.toString());
    assertEquals(2, outcome.code());
    assertTrue(
        outcome
            .err()
            .startsWith(
                "rfsweep: --out "
                    + out
                    + ": holds results of job 'other' that this spec cannot extend: "),
        outcome.err());
    assertEquals(1, outcome.err().lines().count());
    try (var entries = Files.list(out)) {
      assertEquals(1, entries.count(), "run wrote into the other spec's folder");
    }
  }

  @org.junit.jupiter.api.Test
  void planPrintsTheGridWithoutSpark(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("t.yaml");
    Files.writeString(spec, Specs.small());
    Outcome outcome = Cli.execute("plan", spec.toString());
    assertEquals(0, outcome.code(), outcome.err());
    assertTrue(
        outcome.out().contains("9 cells x 3 seeds = 27 fits; x 3 ridges = 81 rows; 3 units"),
        outcome.out());
    assertTrue(
        outcome.out().contains("whole run   about ")
            && outcome.out().contains("JVM start about")
            && outcome.out().contains("on the driver's threads")
            && outcome.out().contains("tables and report about"),
        "plan estimates the whole run, not only the fits: " + outcome.out());
    assertTrue(outcome.out().contains("flops"), outcome.out());
    assertTrue(outcome.out().contains("largest unit holds"), outcome.out());
  }

  @org.junit.jupiter.api.Test
  void planRefusesAGridWhoseLargestTaskDoesNotFitAnExecutorSlot(@TempDir Path dir)
      throws Exception {
    Path spec = dir.resolve("t.yaml");
    Files.writeString(
        spec,
        Specs.small()
            .replace("widths: [8, 24, 48]", "widths: [8, 4000]")
            .replace("samples: [16, 24, 40]", "samples: [16, 4000]"));
    Path config = dir.resolve("tiny.properties");
    Files.writeString(
        config,
        "spark.master spark://127.0.0.1:7077\nspark.executor.memory 1200m\n"
            + "spark.executor.cores 2\n");
    Outcome outcome = Cli.execute("plan", spec.toString(), "--config", config.toString());
    assertEquals(2, outcome.code(), outcome.out());
    assertTrue(outcome.err().startsWith("rfsweep: grid: a task slot needs about "), outcome.err());
    assertTrue(
        outcome.err().contains("executor memory 1.2 GiB less 600 MiB over 2 slots"), outcome.err());
  }
}
