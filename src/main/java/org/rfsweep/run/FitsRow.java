package org.rfsweep.run;

import org.rfsweep.io.ResultTable;
import org.rfsweep.task.FitResult;

/**
 * One row of the {@code fits} table, (cell, ridge, seed), after the run label; the record is the
 * table's only definition. Risks are mean squared errors in label units squared, times in seconds.
 *
 * @param cellKey content key of the (cell, seed) a resumed run checks ({@link RowStamp#cellKey})
 * @param job the task's columns
 * @param fit the fit's coordinates, risks, status and timings
 * @param theory the eigenframework's values, or null (null columns) when the spectrum is unknown
 * @param codeVersion the code that computed the row (provenance)
 * @param resultsVersion the version of its numbers ({@link ResultsVersion}); one per folder
 */
public record FitsRow(
    String cellKey,
    JobColumns job,
    FitResult fit,
    TheoryValues theory,
    String codeVersion,
    String resultsVersion) {
  public static final ResultTable<FitsRow> TABLE = ResultTable.of("fits", FitsRow.class);
}
