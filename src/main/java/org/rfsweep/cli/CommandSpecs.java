package org.rfsweep.cli;

import java.nio.file.Path;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;

/** What the commands that take one task point ask of a spec. */
final class CommandSpecs {
  private CommandSpecs() {}

  /** The spec itself when it has one task point; else an error saying how to pick one. */
  static JobSpec onePoint(JobSpec job, Path file, String command) {
    if (!job.hasTaskAxes()) {
      return job;
    }
    String example =
        job.points().get(0).coordinates().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .reduce((a, b) -> a + " " + b)
            .orElse("task.alpha=1.5");
    throw new SpecException(
        file
            + ": "
            + job.points().size()
            + " task points; "
            + command
            + " takes one: pick it with overrides, e.g. rfsweep "
            + command
            + " "
            + file
            + " "
            + example);
  }
}
