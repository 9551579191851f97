package org.rfsweep.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.CostModel;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.io.TableFolder;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.FitsRow;
import org.rfsweep.run.RowStamp;

/**
 * What an output folder's {@code fits} already holds: the work a resumed or extended run still has
 * to do.
 */
final class FitsFolder {
  private FitsFolder() {}

  /** The cell keys {@code DIR/fits} holds, read by Spark (for a table of any size). */
  static Set<String> doneKeys(SparkSession spark, Path out) {
    Set<String> done = new HashSet<>();
    TableFolder fits = FitsLocation.of(out);
    if (!fits.parts().isEmpty()) {
      done.addAll(
          spark
              .read()
              .schema(FitsRow.TABLE.schema())
              .parquet(fits.uri())
              .select("cell_key")
              .distinct()
              .as(Encoders.STRING())
              .collectAsList());
    }
    return done;
  }

  /** The units whose cells' keys are not in {@code done}, largest first. */
  static List<WorkUnit> remaining(GridPlan plan, List<RowStamp> stamps, Set<String> done) {
    List<WorkUnit> units = new ArrayList<>();
    for (WorkUnit unit : plan.units()) {
      RowStamp stamp = stamps.get(unit.point());
      List<Cell> missing =
          unit.cells().stream()
              .filter(
                  c -> !done.contains(stamp.cellKey(c.widthValue(), c.samples(), unit.seedIndex())))
              .toList();
      if (!missing.isEmpty()) {
        units.add(unit.withCells(missing));
      }
    }
    // Largest units first, so a big one does not run last and alone (results do not depend on the
    // order).
    units.sort(Comparator.comparingDouble((WorkUnit u) -> -CostModel.of(plan.spec(), u).flops()));
    return units;
  }

  /**
   * Settles what a killed run left: its chunks' staging folders ({@link ChunkStaging#recover}) and
   * {@code fits/_temporary} of runs before staging. Spark's committer moves every task output found
   * in _temporary into the table when a job commits, so leftovers of a run killed during its commit
   * would be appended a second time by the next job, beside the same units recomputed. Holding the
   * output lock, nothing else writes here: all of it belongs to a dead run.
   */
  static void discardUncommitted(TableFolder table, Consumer<String> report) {
    ChunkStaging.recover(table, report);
    TableFolder temporary = table.child("_temporary");
    if (!temporary.exists()) {
      return;
    }
    temporary.delete();
    report.accept("discarded the uncommitted output of an interrupted run (" + temporary + ")");
  }
}
