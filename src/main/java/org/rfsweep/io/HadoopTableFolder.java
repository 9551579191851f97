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
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;

/** A table folder on a file system Hadoop reaches (HDFS, object stores), by its URI. */
final class HadoopTableFolder extends TableFolder {
  /**
   * The class path's Hadoop configuration (HADOOP_CONF_DIR), read once, when first needed (the
   * holder class loads then).
   */
  private static final class Cluster {
    static final Configuration CONFIGURATION = new Configuration();
  }

  private final FileSystem fs;
  private final Path path;

  private HadoopTableFolder(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  static TableFolder at(String location) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(Cluster.CONFIGURATION);
      return new HadoopTableFolder(fs, fs.makeQualified(path));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach the file system of " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String uri() {
    return path.toString();
  }

  @Override
  public String toString() {
    return uri();
  }

  @Override
  public String name() {
    return path.getName();
  }

  @Override
  public TableFolder child(String name) {
    return new HadoopTableFolder(fs, new Path(path, name));
  }

  @Override
  public TableFolder sibling(String relative) {
    return new HadoopTableFolder(fs, new Path(path.getParent(), relative));
  }

  @Override
  public boolean exists() {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw failure("cannot look at", e);
    }
  }

  @Override
  public List<PartFile> parts() {
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
      List<PartFile> files = new ArrayList<>();
      for (FileStatus status : found) {
        if (status.isFile()) {
          files.add(
              new PartFile(
                  status.getPath().getName(),
                  status.getLen(),
                  status.getPath().toString(),
                  HadoopInputFile.fromStatus(status, fs.getConf())));
        }
      }
      files.sort((a, b) -> a.name().compareTo(b.name()));
      return files;
    } catch (IOException e) {
      throw failure("cannot list", e);
    }
  }

  @Override
  public List<TableFolder> folders(String prefix) {
    if (!exists()) {
      return List.of();
    }
    try {
      return Arrays.stream(fs.listStatus(path, p -> p.getName().startsWith(prefix)))
          .filter(FileStatus::isDirectory)
          .map(s -> (TableFolder) new HadoopTableFolder(fs, s.getPath()))
          .sorted((a, b) -> a.name().compareTo(b.name()))
          .toList();
    } catch (IOException e) {
      throw failure("cannot list", e);
    }
  }

  @Override
  public boolean hasFile(String name) {
    try {
      return fs.isFile(new Path(path, name));
    } catch (IOException e) {
      throw failure("cannot look at", e);
    }
  }

  @Override
  public void movePart(String name, TableFolder target) {
    HadoopTableFolder to = sameFileSystem(target, HadoopTableFolder.class);
    try {
      to.fs.mkdirs(to.path);
      if (!fs.rename(new Path(path, name), new Path(to.path, name))) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + name + " from " + this + " to " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void moveTo(TableFolder target) {
    HadoopTableFolder to = sameFileSystem(target, HadoopTableFolder.class);
    try {
      to.fs.mkdirs(to.path.getParent());
      if (!fs.rename(path, to.path)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + this + " to " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void writePart(String name, MessageType schema, Iterable<Object[]> rows) {
    Path file = new Path(path, name);
    try {
      PartFileWriter.write(
          HadoopOutputFile.fromPath(file, fs.getConf()),
          new HadoopParquetConfiguration(fs.getConf()),
          schema,
          rows);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write Parquet: " + e.getMessage(), e);
    }
  }

  @Override
  public void delete() {
    try {
      fs.delete(path, true);
    } catch (IOException e) {
      throw failure("cannot delete", e);
    }
  }

  @Override
  ParquetReadOptions readOptions(boolean verifyChecksums) {
    return HadoopReadOptions.builder(fs.getConf())
        .usePageChecksumVerification(verifyChecksums)
        .build();
  }
}
