package org.rfsweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.testing.Specs;

/** Command-line overrides: set any field by its dotted path, validated like the file. */
class SpecOverridesTest {

  private static JobSpec parse(String... overrides) {
    return SpecLoader.parse(Specs.small(), "small.yaml", List.of(overrides));
  }

  private static String refusal(String... overrides) {
    return assertThrows(SpecException.class, () -> parse(overrides)).getMessage();
  }

  @Test
  void overridesSetScalarsListsAxesAndWholeSections() {
    JobSpec job =
        parse(
            "task.alpha=1.3",
            "grid.seeds=4",
            "grid.widths=[64,256]",
            "features=relu",
            "fit.loo=false",
            "task.beta=[1.1, 2.0]");
    assertEquals(2, job.points().size());
    assertEquals(1.3, ((PowerLawTaskSpec) job.points().get(0).task()).alpha());
    assertEquals(4, job.grid().seeds());
    assertEquals(List.of(64, 256), job.grid().sweeps().get(0).widths());
    assertEquals("relu", job.points().get(0).features().kind().word());
    assertFalse(job.fit().leaveOneOut(), "a missing section is created");
    JobSpec rff = parse("features={type: rff, length: 2}");
    assertEquals(2.0, rff.points().get(0).features().length());
    assertEquals(
        SpecFingerprint.hash(SpecLoader.parse(Specs.smallWith("alpha", "alpha: 1.3"), "x")),
        SpecFingerprint.hash(parse("task.alpha=1.3")),
        "an override means what the same line in the file means");
  }

  @Test
  void aBadOverrideNamesTheOverrideAndTheValue() {
    assertEquals(
        "task.alpha (override task.alpha=0.5): must be > 1 (eigenvalues i^-alpha must be "
            + "summable), found 0.5",
        refusal("task.alpha=0.5"));
    assertTrue(refusal("grid.seeds=two").contains("(override grid.seeds=two)"));
    assertTrue(
        refusal("task.alpah=2").contains("task.alpah (override task.alpah=2): unknown field"));
    assertTrue(refusal("task.alpha").contains("expected FIELD=VALUE"));
    assertTrue(refusal("task.alpha=").contains("the value is empty"));
    assertTrue(refusal("Task..alpha=2").contains("not a dotted field path"));
    assertTrue(refusal("task.alpha=[1.5").contains("not valid YAML"));
    String scalar = refusal("features.length=2");
    assertTrue(scalar.contains("features is a single value"), scalar);
  }
}
