package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.Cli;
import org.rfsweep.testing.Specs;

/**
 * Which commands stay on the C1-only JVM the launcher starts first, and that the others hand back
 * (exit 75) before printing or writing anything.
 */
class QuickJitTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(QuickJit.PROPERTY);
  }

  private static JobSpec small(String key, String line) {
    return SpecLoader.parse(Specs.smallWith(key, line), "test");
  }

  @Test
  void onlySmallLinearPowerLawSweepsStayOnC1() {
    JobSpec linear = SpecLoader.parse(Specs.small(), "test");
    assertFalse(QuickJit.runNeedsC2(linear, true, 6), "outside the launcher nothing changes");
    System.setProperty(QuickJit.PROPERTY, "quick");
    assertFalse(QuickJit.runNeedsC2(linear, true, 6));
    assertTrue(QuickJit.runNeedsC2(linear, true, QuickJit.RUN_MAX_FIT_SECONDS + 1), "long fits");
    assertTrue(QuickJit.runNeedsC2(linear, false, 6), "fits as Spark tasks");
    assertTrue(QuickJit.runNeedsC2(small("features", "features: relu"), true, 6));
    assertTrue(QuickJit.runNeedsC2(small("alpha", "alpha: [1.5, 2.0]"), true, 6), "task axes");
    assertFalse(QuickJit.reportNeedsC2(linear, QuickJit.REPORT_MAX_ROWS));
    assertTrue(QuickJit.reportNeedsC2(linear, QuickJit.REPORT_MAX_ROWS + 1));
    assertTrue(QuickJit.reportNeedsC2(small("features", "features: relu"), 100));
  }

  @Test
  void aRunThatNeedsC2HandsBackBeforeWritingAnything(@TempDir Path dir) throws Exception {
    System.setProperty(QuickJit.PROPERTY, "quick");
    Path out = dir.resolve("fig1");
    Cli.Outcome run = Cli.execute("run", "jobs/more-is-better-fig1.yaml", "--out", out.toString());
    assertEquals(QuickJit.RELAUNCH, run.code(), run.err());
    assertEquals("", run.out());
    assertEquals("", run.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aReportThatNeedsC2HandsBackBeforeWritingAnything(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("relu"));
    Files.writeString(
        folder.resolve("manifest.json"),
        """
        {"spec": {"name": "relu", "seed": 1,
          "task": {"type": "powerlaw", "alpha": 1.5, "beta": 1.5, "noise": 0.1, "modes": 100},
          "features": "relu",
          "grid": {"widths": [8], "samples": [8], "ridges": [0], "seeds": 1}}}
        """);
    System.setProperty(QuickJit.PROPERTY, "quick");
    Cli.Outcome report = Cli.execute("report", folder.toString());
    assertEquals(QuickJit.RELAUNCH, report.code(), report.err());
    assertEquals("", report.out() + report.err());
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(folder.resolve("manifest.json")), files.toList(), "nothing written");
    }
  }
}
