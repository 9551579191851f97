package org.rfsweep.run;

import java.io.Serializable;
import org.rfsweep.io.RunLabel;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.task.FitResult;

/**
 * What every {@code fits} row of one task point carries besides its fit: small, serialisable, sent
 * to the executors that turn fits into rows.
 *
 * @param pointHash {@link SpecFingerprint#pointHash} of the task point
 */
public record RowStamp(
    RunLabel label, JobColumns job, String pointHash, String codeVersion, String resultsVersion)
    implements Serializable {

  /**
   * The content key of a (task point, cell, seed): what a resumed run checks to skip work already
   * done. It holds the results version, not the code version: a commit that cannot change the
   * numbers keeps every key.
   */
  public String cellKey(double width, int samples, int seed) {
    return SpecFingerprint.cellKey(pointHash, resultsVersion, width, samples, seed);
  }

  /** A fit's row in the table's column order, with its theory values or null. */
  public Object[] values(FitResult fit, TheoryValues theory) {
    FitsRow row =
        new FitsRow(
            cellKey(fit.width(), fit.samples(), fit.seed()),
            job,
            fit,
            theory,
            codeVersion,
            resultsVersion);
    return FitsRow.TABLE.values(label, row);
  }
}
