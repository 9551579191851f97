package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.testing.Cli;
import org.rfsweep.testing.Cli.Outcome;
import org.rfsweep.testing.Specs;

/**
 * {@code run} refuses what {@code plan} refuses, and a held folder, before starting Spark or
 * writing anything (before this, a grid too large for a task slot started Spark, wrote the folder
 * and died of OutOfMemoryError; sizes that overflow an array failed inside the Spark job).
 */
class RunChecksFirstTest {

  private static Outcome both(Path dir, String specText, String... expected) throws Exception {
    Path spec = dir.resolve("t.yaml");
    Files.writeString(spec, specText);
    Path out = dir.resolve("out");
    Outcome planned = Cli.execute("plan", spec.toString());
    Outcome run = Cli.execute("run", spec.toString(), "--out", out.toString());
    for (Outcome outcome : new Outcome[] {planned, run}) {
      assertEquals(2, outcome.code(), outcome.err());
      for (String text : expected) {
        assertTrue(outcome.err().contains(text), outcome.err());
      }
    }
    assertEquals(1, run.err().lines().count(), "one line: " + run.err());
    assertEquals("", run.out(), "run printed nothing before refusing");
    assertFalse(Files.exists(out), "run wrote its output folder");
    return run;
  }

  @Test
  void aGridLargerThanATaskSlotIsRefusedByRunAsByPlan(@TempDir Path dir) throws Exception {
    both(
        dir,
        Specs.small()
            .replace("widths: [8, 24, 48]", "widths: [8, 40000]")
            .replace("samples: [16, 24, 40]", "samples: [16, 40000]"),
        "grid: a task slot needs about ",
        " but has ");
  }

  @Test
  void sizesThatOverflowAnArrayAreNamed(@TempDir Path dir) throws Exception {
    both(
        dir,
        Specs.smallWith("modes", "modes: 100000000"),
        "(input dimension 100000000 x ",
        "Java arrays hold at most");
    both(
        dir,
        Specs.small()
            .replace("features: linear", "features: relu")
            .replace("test_samples: 200", "test_samples: 50000000"),
        "the test features (50000000 test points x widest width 48)");
  }

  @Test
  void aFolderHeldByALiveRunIsRefusedBeforeSparkStarts(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("t.yaml");
    Files.writeString(spec, Specs.small());
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    String lock =
        "{\"host\": \""
            + java.net.InetAddress.getLocalHost().getHostName()
            + "\", \"pid\": "
            + ProcessHandle.current().pid()
            + ", \"started_at\": \"2026-12-01T00:00:00Z\"}";
    Files.writeString(out.resolve(".rfsweep.lock"), lock);
    Outcome run = Cli.execute("run", spec.toString(), "--out", out.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("another run is writing here"), run.err());
    assertEquals("", run.out(), "refused before the run's first line (and before Spark)");
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(1, files.count(), "nothing written beside the lock");
    }
  }

  @Test
  void sparkSettingsAreCheckedBeforeSparkStarts(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("t.yaml"), Specs.small());
    Path out = dir.resolve("out");
    Outcome notSpark =
        Cli.execute(
            "run", spec.toString(), "--out", out.toString(), "--conf", "executor.memory=4g");
    assertEquals(2, notSpark.code(), notSpark.err());
    assertEquals(
        "rfsweep: --conf executor.memory=4g: a Spark setting starts with 'spark.'",
        notSpark.err().strip());
    Outcome missing =
        Cli.execute(
            "run",
            spec.toString(),
            "--out",
            out.toString(),
            "--properties-file",
            dir.resolve("nope").toString());
    assertEquals(2, missing.code(), missing.err());
    assertTrue(
        missing.err().startsWith("rfsweep: --properties-file " + dir.resolve("nope")),
        missing.err());
    assertFalse(Files.exists(out), "nothing written");
  }
}
