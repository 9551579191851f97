package org.rfsweep.io;

import java.io.Serializable;

/** The columns every results table starts with: which job and which exact spec wrote the row. */
public record RunLabel(String jobName, String specHash) implements Serializable {
  public RunLabel {
    if (jobName == null || jobName.isBlank() || specHash == null || specHash.isBlank()) {
      throw new IllegalArgumentException("a run label needs a job name and a spec hash");
    }
  }
}
