package org.rfsweep.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Each chunk's Spark job writes into a folder of its own inside the table, {@code fits/_chunk-ID},
 * and its part files are then moved into the table. Two chunks' jobs can so run at once: one job's
 * committer never touches the other's temporary files, as it would in a shared {@code
 * fits/_temporary}. Readers skip the staging folders: Spark ignores names starting with an
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
  static Path folder(Path table, String name) {
    return table.resolve(PREFIX + name);
  }

  /**
   * Moves a committed chunk's part files (each with its checksum side file) into the table, one
   * atomic rename each, then removes the staging folder.
   *
   * @return the part files moved
   */
  static int promote(Path staging, Path table) {
    int moved = 0;
    try {
      for (Path part : parts(staging)) {
        String name = part.getFileName().toString();
        Files.move(part, table.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        Path checksum = staging.resolve("." + name + ".crc");
        if (Files.exists(checksum)) {
          Files.move(checksum, table.resolve("." + name + ".crc"), StandardCopyOption.ATOMIC_MOVE);
        }
        moved++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the rows of " + staging + " into " + table, e);
    }
    delete(staging);
    return moved;
  }

  /**
   * Settles what a killed run left in the table's staging folders, holding the output lock: a chunk
   * whose job committed (its {@code _SUCCESS} is there) finishes moving into the table; one that
   * did not is discarded, its cells computed again.
   */
  static void recover(Path table, Consumer<String> report) {
    for (Path staging : stagingFolders(table)) {
      if (Files.exists(staging.resolve(SUCCESS))) {
        int moved = promote(staging, table);
        report.accept(
            "moved "
                + moved
                + " committed part file(s) of an interrupted run from "
                + staging.getFileName()
                + " into "
                + table);
      } else {
        delete(staging);
        report.accept(
            "discarded the uncommitted output of an interrupted run ("
                + table.resolve(staging.getFileName())
                + ")");
      }
    }
  }

  private static List<Path> stagingFolders(Path table) {
    if (!Files.isDirectory(table)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(table)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + table, e);
    }
  }

  private static List<Path> parts(Path staging) throws IOException {
    try (Stream<Path> entries = Files.list(staging)) {
      return entries
          .filter(p -> Files.isRegularFile(p))
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
