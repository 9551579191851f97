package org.rfsweep.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.run.JobColumns;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.FeatureSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.TaskPoint;

class HistoryTest {
  private static Aggregation.JobTables tables(
      double exponent, double low, double high, String verdict) {
    ExponentRow row =
        new ExponentRow(
            "width",
            "offset",
            "samples",
            256,
            10,
            exponent,
            low,
            high,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0.1,
            1.0,
            Double.NaN,
            0.01,
            Double.NaN,
            Double.NaN,
            200,
            1);
    Claim claim = new Claim("more_features_better", "", verdict, Claim.HOLDS, "", 1, 0, 0);
    Aggregation.Tables tables =
        new Aggregation.Tables(List.of(), List.of(), List.of(row), List.of(claim), Double.NaN);
    TaskPoint point =
        new TaskPoint(
            new PowerLawTaskSpec(1.5, 1.5, 0.5, 100, 10), new FeatureSpec(FeatureKind.LINEAR));
    return new Aggregation.JobTables(
        List.of(new Aggregation.PointTables(point, JobColumns.of(point), tables)),
        List.of(),
        List.of());
  }

  @Test
  void reportsExponentsThatMovedBeyondTheirIntervalsAndClaimsThatFlipped(@TempDir Path dir) {
    assertTrue(History.changes(dir).isEmpty(), "no history, no changes");
    History.append(dir, History.record("r1", "a", "v1", tables(0.66, 0.63, 0.69, Claim.HOLDS)));
    History.append(dir, History.record("r2", "a", "v2", tables(0.67, 0.64, 0.70, Claim.HOLDS)));
    assertEquals(List.of(), History.changes(dir), "a move inside both intervals is no change");
    var third = History.record("r3", "a", "v3", tables(0.75, 0.72, 0.78, Claim.FAILS));
    History.View pending = History.viewWith(dir, third);
    assertEquals(2, pending.changes().size(), "a run not yet appended, against the last record");
    assertEquals(3, pending.runs());
    History.append(dir, third);
    List<String> changes = History.changes(dir);
    assertEquals(2, changes.size(), changes.toString());
    assertTrue(
        changes
            .get(0)
            .startsWith("width/offset/samples=256 exponent moved beyond its interval: 0.6700"),
        changes.get(0));
    assertEquals("claim more_features_better flipped: holds -> fails", changes.get(1));
    assertEquals(3, History.runs(dir));
  }

  @Test
  void aRunIsRecordedOnceWhateverHappensAfterItsRecord(@TempDir Path dir) {
    var record = History.record("run-1", "a", "v1", tables(0.66, 0.63, 0.69, Claim.HOLDS));
    History.append(dir, record);
    History.append(dir, record); // e.g. the manifest write failed and the step ran again
    assertEquals(1, History.runs(dir));
    History.append(dir, History.record("run-2", "a", "v1", tables(0.66, 0.63, 0.69, Claim.HOLDS)));
    assertEquals(2, History.runs(dir));
  }
}
