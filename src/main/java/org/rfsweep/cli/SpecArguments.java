package org.rfsweep.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import picocli.CommandLine.Parameters;

/**
 * {@code SPEC [FIELD=VALUE]...}, as {@code run}, {@code plan} and {@code spectrum} take them (a
 * picocli mixin, one definition for the three; {@code theory}'s SPEC is optional).
 */
final class SpecArguments {
  /** The help text of {@code FIELD=VALUE}, here and in {@code theory}. */
  static final String OVERRIDES =
      "override a spec field by its dotted path, validated like the file: task.alpha=1.3, "
          + "grid.seeds=4, grid.widths=[64,256,inf], features=relu";

  @Parameters(index = "0", paramLabel = "SPEC", description = "job spec (YAML)")
  Path spec;

  @Parameters(index = "1..*", paramLabel = "FIELD=VALUE", description = OVERRIDES)
  List<String> overrides = new ArrayList<>();

  /** The spec with its overrides applied, validated. */
  JobSpec load() {
    return SpecLoader.load(spec, overrides);
  }
}
