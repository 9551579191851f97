package org.rfsweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet table's folder: on the driver's disk, or on any file system Hadoop reaches (HDFS,
 * object stores). On a cluster whose executors do not share the driver's disk, the {@code fits}
 * table lives on such a file system, so every operation on it (listing, moving part files,
 * quarantining, superseding) goes through this class, and Spark is always given a fully qualified
 * URI: a bare path would resolve against the cluster's default file system (on YARN, HDFS) while
 * the driver looked on its own disk.
 *
 * <p>A folder on the driver's disk is handled with java.nio and Parquet's local files, without
 * Hadoop: starting Hadoop's local file system (and the logging it pulls in) cost a small command
 * about 0.45 s of its 3 (measured in one JVM here: 165 ms for the file system, 290 ms for log4j).
 */
public abstract sealed class TableFolder permits LocalTableFolder, HadoopTableFolder {

  /** A folder on the driver's disk. */
  public static TableFolder local(java.nio.file.Path folder) {
    return new LocalTableFolder(folder.toAbsolutePath().normalize());
  }

  /**
   * A folder by URI ({@code hdfs://namenode:8020/sweeps/x/fits}, {@code file:/data/x/fits}) or
   * local path; for other file systems than the local one the Hadoop configuration is the class
   * path's (HADOOP_CONF_DIR).
   */
  public static TableFolder of(String location) {
    if (!location.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return local(java.nio.file.Path.of(location));
    }
    String local = LocalTableFolder.pathOf(location);
    return local != null ? local(java.nio.file.Path.of(local)) : HadoopTableFolder.at(location);
  }

  /** The fully qualified URI, for Spark and for messages. */
  public abstract String uri();

  /** The folder's own name. */
  public abstract String name();

  /** A folder inside this one. */
  public abstract TableFolder child(String name);

  /** A folder beside this one (in its parent), {@code relative} may have several levels. */
  public abstract TableFolder sibling(String relative);

  public abstract boolean exists();

  /** The part files ({@code *.parquet}, not hidden), sorted by name. */
  public abstract List<PartFile> parts();

  /** Total bytes of the part files (0 when there is none). */
  public long bytes() {
    return parts().stream().mapToLong(PartFile::bytes).sum();
  }

  /** Sub-folders whose names start with {@code prefix}, sorted. */
  public abstract List<TableFolder> folders(String prefix);

  /** Whether the folder holds a file of this name. */
  public abstract boolean hasFile(String name);

  /**
   * Moves the part file {@code name} of this folder into {@code target} (created if needed) on the
   * same file system, by one rename; its checksum side file follows where there is one.
   */
  public abstract void movePart(String name, TableFolder target);

  /** Moves the whole folder to {@code target}, whose parent is created if needed. */
  public abstract void moveTo(TableFolder target);

  /**
   * Writes the part file {@code name} into this folder (created if needed): {@code rows} in the
   * flat {@code schema}'s column order ({@link ResultTable#values}).
   */
  public abstract void writePart(String name, MessageType schema, Iterable<Object[]> rows);

  /** Deletes the folder and everything in it (nothing if it does not exist). */
  public abstract void delete();

  /** How Parquet reads this folder's part files, their page checksums verified or not. */
  abstract ParquetReadOptions readOptions(boolean verifyChecksums);

  /** {@code target} as a folder of this one's kind: a move is a rename on one file system. */
  <T extends TableFolder> T sameFileSystem(TableFolder target, Class<T> kind) {
    if (kind.isInstance(target)) {
      return kind.cast(target);
    }
    throw new IllegalArgumentException(
        "cannot move from " + this + " to " + target + ", on another file system");
  }

  UncheckedIOException failure(String what, IOException e) {
    return new UncheckedIOException(what + " " + this + ": " + e.getMessage(), e);
  }
}
