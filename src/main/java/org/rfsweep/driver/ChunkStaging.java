package org.rfsweep.driver;

import java.util.function.Consumer;
import org.rfsweep.io.PartFile;
import org.rfsweep.io.TableFolder;

/**
 * Each chunk's Spark job writes into a folder of its own inside the table, {@code
 * fits/_chunk-NAME}, and its part files are then moved into the table. Two chunks' jobs can so run
 * at once: one job's committer never touches the other's temporary files, as it would in a shared
 * {@code fits/_temporary}. Readers skip the staging folders: Spark ignores names starting with an
 * underscore, and rfsweep's own readers take only the table's {@code .parquet} files.
 *
 * <p>A part file holds whole units (one Spark task's), so a table that received only some of a
 * chunk's parts is still consistent: the rest of the chunk's cells are simply not done yet.
 */
final class ChunkStaging {
  static final String PREFIX = "_chunk-";
  private static final String SUCCESS = "_SUCCESS";

  private ChunkStaging() {}

  /** The staging folder of a chunk, {@code name} unique to the chunk and run. */
  static TableFolder folder(TableFolder table, String name) {
    return table.child(PREFIX + name);
  }

  /**
   * Moves a committed chunk's part files into the table, one rename each (with its checksum side
   * file where the file system keeps one), then removes the staging folder.
   *
   * @return the part files moved
   */
  static int promote(TableFolder staging, TableFolder table) {
    int moved = 0;
    for (PartFile part : staging.parts()) {
      staging.movePart(part.name(), table);
      moved++;
    }
    staging.delete();
    return moved;
  }

  /**
   * Settles what a killed run left in the table's staging folders, holding the output lock: a chunk
   * whose job committed (its {@code _SUCCESS} is there) finishes moving into the table; one that
   * did not is discarded, its cells computed again.
   */
  static void recover(TableFolder table, Consumer<String> report) {
    for (TableFolder staging : table.folders(PREFIX)) {
      if (staging.hasFile(SUCCESS)) {
        int moved = promote(staging, table);
        report.accept(
            "moved "
                + moved
                + " committed part file(s) of an interrupted run from "
                + staging.name()
                + " into "
                + table);
      } else {
        staging.delete();
        report.accept("discarded the uncommitted output of an interrupted run (" + staging + ")");
      }
    }
  }
}
