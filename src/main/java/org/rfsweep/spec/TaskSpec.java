package org.rfsweep.spec;

import java.io.Serializable;

/** Where a job's inputs and labels come from. */
public sealed interface TaskSpec extends Serializable permits PowerLawTaskSpec, DatasetTaskSpec {

  /** The {@code task.type} word of the spec. */
  String type();
}
