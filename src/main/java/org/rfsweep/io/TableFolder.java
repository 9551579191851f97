package org.rfsweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet table's folder on any file system Hadoop reaches: the local disk (file:), HDFS
 * (hdfs://), object stores. On a cluster whose executors do not share the driver's disk, the {@code
 * fits} table lives on such a file system, so every operation on it (listing, moving part files,
 * quarantining, superseding) goes through Hadoop's FileSystem, and Spark is always given a fully
 * qualified URI: a bare path would resolve against the cluster's default file system (on YARN,
 * HDFS) while the driver looked on its own disk.
 */
public final class TableFolder {
  /**
   * For the local disk, no configuration files: reading Hadoop's defaults costs a noticeable part
   * of a small report's time.
   */
  private static final Configuration LOCAL = new Configuration(false);

  /**
   * Otherwise the class path's Hadoop configuration (HADOOP_CONF_DIR), read once, when first needed
   * (the holder class loads then).
   */
  private static final class Cluster {
    static final Configuration CONFIGURATION = new Configuration();
  }

  private static Configuration configurationFor(String scheme) {
    return "file".equals(scheme) ? LOCAL : Cluster.CONFIGURATION;
  }

  private final FileSystem fs;
  private final Path path;

  private TableFolder(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** A folder on the driver's disk. */
  public static TableFolder local(java.nio.file.Path folder) {
    return at(new Path("file", null, folder.toAbsolutePath().normalize().toString()));
  }

  /**
   * A folder by URI ({@code hdfs://namenode:8020/sweeps/x/fits}, {@code file:/data/x/fits}) or
   * local path; the Hadoop configuration is the class path's (HADOOP_CONF_DIR).
   */
  public static TableFolder of(String location) {
    return location.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")
        ? at(new Path(location))
        : local(java.nio.file.Path.of(location));
  }

  private static TableFolder at(Path path) {
    try {
      FileSystem fs = path.getFileSystem(configurationFor(path.toUri().getScheme()));
      return new TableFolder(fs, fs.makeQualified(path));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach the file system of " + path + ": " + e.getMessage(), e);
    }
  }

  /** The fully qualified URI, for Spark and for messages. */
  public String uri() {
    return path.toString();
  }

  @Override
  public String toString() {
    return isLocal() ? path.toUri().getPath() : uri();
  }

  /** Whether the folder is on the driver's own disk. */
  private boolean isLocal() {
    return "file".equals(path.toUri().getScheme());
  }

  public String name() {
    return path.getName();
  }

  /** A folder inside this one. */
  public TableFolder child(String name) {
    return new TableFolder(fs, new Path(path, name));
  }

  /** A folder beside this one (in its parent), {@code relative} may have several levels. */
  public TableFolder sibling(String relative) {
    return new TableFolder(fs, new Path(path.getParent(), relative));
  }

  public boolean exists() {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw failure("cannot look at", e);
    }
  }

  /** The part files ({@code *.parquet}, not hidden), sorted by name. */
  public List<FileStatus> parts() {
    if (!exists()) {
      return List.of();
    }
    try {
      FileStatus[] found =
          fs.listStatus(
              path,
              p ->
                  p.getName().endsWith(".parquet")
                      && !p.getName().startsWith(".")
                      && !p.getName().startsWith("_"));
      List<FileStatus> files = new ArrayList<>();
      for (FileStatus status : found) {
        if (status.isFile()) {
          files.add(status);
        }
      }
      files.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      return files;
    } catch (IOException e) {
      throw failure("cannot list", e);
    }
  }

  /** Total bytes of the part files (0 when there is none). */
  public long bytes() {
    return parts().stream().mapToLong(FileStatus::getLen).sum();
  }

  /** Sub-folders whose names start with {@code prefix}, sorted. */
  public List<TableFolder> folders(String prefix) {
    if (!exists()) {
      return List.of();
    }
    try {
      return Arrays.stream(fs.listStatus(path, p -> p.getName().startsWith(prefix)))
          .filter(FileStatus::isDirectory)
          .map(s -> new TableFolder(fs, s.getPath()))
          .sorted((a, b) -> a.name().compareTo(b.name()))
          .toList();
    } catch (IOException e) {
      throw failure("cannot list", e);
    }
  }

  /** Whether the folder holds a file of this name. */
  public boolean hasFile(String name) {
    try {
      return fs.isFile(new Path(path, name));
    } catch (IOException e) {
      throw failure("cannot look at", e);
    }
  }

  /**
   * Moves the part file {@code name} of this folder into {@code target} (created if needed), by one
   * rename; its checksum side file follows on file systems that keep one.
   */
  public void movePart(String name, TableFolder target) {
    try {
      target.fs.mkdirs(target.path);
      Path from = new Path(path, name);
      Path to = new Path(target.path, name);
      if (!fs.rename(from, to)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + name + " from " + this + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Moves the whole folder to {@code target}, whose parent is created if needed. */
  public void moveTo(TableFolder target) {
    try {
      target.fs.mkdirs(target.path.getParent());
      if (!fs.rename(path, target.path)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + this + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the part file {@code name} into this folder (created if needed): {@code rows} in the
   * flat {@code schema}'s column order ({@link ResultTable#values}).
   */
  public void writePart(String name, MessageType schema, Iterable<Object[]> rows) {
    PartFileWriter.write(new Path(path, name), fs.getConf(), schema, rows);
  }

  /** Deletes the folder and everything in it (nothing if it does not exist). */
  public void delete() {
    try {
      fs.delete(path, true);
    } catch (IOException e) {
      throw failure("cannot delete", e);
    }
  }

  /** The Hadoop configuration of this folder's file system. */
  public Configuration configuration() {
    return fs.getConf();
  }

  private UncheckedIOException failure(String what, IOException e) {
    return new UncheckedIOException(what + " " + this + ": " + e.getMessage(), e);
  }
}
