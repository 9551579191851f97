package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.io.Manifest;
import org.rfsweep.testing.Cli;
import org.rfsweep.testing.Cli.Outcome;
import org.rfsweep.testing.Specs;

/**
 * {@code FIELD=VALUE} overrides on the command line: validated like the file, recorded in the
 * manifest, and refused with the field named when they make the spec unable to extend the folder.
 */
@Tag("spark")
class OverridesCliTest {

  @Test
  void planPrintsTheOverriddenGridPerTaskPointAndRefusesABadOverride(@TempDir Path dir)
      throws Exception {
    Path spec = Files.writeString(dir.resolve("s.yaml"), Specs.small());
    Outcome plan = Cli.execute("plan", spec.toString(), "task.alpha=[1.5, 2]", "grid.seeds=2");
    assertEquals(0, plan.code(), plan.err());
    assertTrue(plan.out().contains("task points 2: task.alpha"), plan.out());
    assertTrue(
        plan.out().contains("powerlaw(alpha=2,beta=1.3,noise=0.25,modes=300)/linear"), plan.out());
    assertTrue(plan.out().contains("2 task points x 9 cells x 2 seeds = 36 fits"), plan.out());
    Outcome bad = Cli.execute("plan", spec.toString(), "task.noise=-1");
    assertEquals(2, bad.code());
    assertTrue(
        bad.err().contains("task.noise (override task.noise=-1): must be a variance >= 0"),
        bad.err());
  }

  @Test
  void runRecordsItsOverridesAndRefusesOnesThatCannotExtendTheFolder(@TempDir Path dir)
      throws Exception {
    Path spec = Files.writeString(dir.resolve("s.yaml"), Specs.small());
    Path out = dir.resolve("out");
    Outcome run =
        Cli.execute(
            "run", spec.toString(), "grid.seeds=2", "task.noise=0.1", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode manifest = Manifest.read(out);
    List<String> overrides = new ArrayList<>();
    manifest.path("overrides").forEach(o -> overrides.add(o.asText()));
    assertEquals(List.of("grid.seeds=2", "task.noise=0.1"), overrides);
    assertEquals(0.1, manifest.path("spec").path("task").path("noise").asDouble());

    Outcome refused =
        Cli.execute("run", spec.toString(), "grid.ridges=[0, 1]", "--out", out.toString());
    assertEquals(2, refused.code());
    assertTrue(
        refused.err().contains("grid.ridges is [0.0,0.01,1.0] in the folder"), refused.err());
    assertTrue(refused.err().contains("Choose another --out"), refused.err());
    assertFalse(refused.err().contains("Exception"), refused.err());

    // The report's slices, named on the command line, are checked against the grid.
    Outcome sliced =
        Cli.execute("report", out.toString(), "--widths-at", "24", "--samples-at", "8,48");
    assertEquals(0, sliced.code(), sliced.err());
    assertTrue(Files.exists(out.resolve("report/risk-vs-width-n24.png")));
    assertTrue(Files.exists(out.resolve("report/risk-vs-samples-N48.png")));
    Outcome wrong = Cli.execute("report", out.toString(), "--widths-at", "7");
    assertEquals(2, wrong.code());
    assertTrue(
        wrong.err().contains("--widths-at 7: not a sample count of the grid [16, 24, 40]"),
        wrong.err());
    Outcome noKernel = Cli.execute("report", out.toString(), "--samples-at", "inf");
    assertEquals(2, noKernel.code());
    assertTrue(
        noKernel.err().contains("--samples-at inf: not a width of the grid [8, 24, 48]"),
        noKernel.err());
  }
}
