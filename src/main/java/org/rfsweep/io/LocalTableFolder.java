package org.rfsweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/** A table folder on the driver's disk, through java.nio. */
final class LocalTableFolder extends TableFolder {
  private final Path path;

  LocalTableFolder(Path path) {
    this.path = path;
  }

  /**
   * The local path a {@code file:} URI names ({@code file:/x}, {@code file:///x}), or null for any
   * other URI (another scheme, or a host).
   */
  static String pathOf(String uri) {
    if (!uri.regionMatches(true, 0, "file:", 0, 5)) {
      return null;
    }
    String rest = uri.substring(5);
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      if (slash != 2) {
        return null; // file://host/...: not this disk
      }
      rest = rest.substring(2);
    }
    return rest.startsWith("/") ? rest : null;
  }

  @Override
  public String uri() {
    return "file:" + path;
  }

  @Override
  public String toString() {
    return path.toString();
  }

  @Override
  public String name() {
    return path.getFileName().toString();
  }

  @Override
  public TableFolder child(String name) {
    return new LocalTableFolder(path.resolve(name));
  }

  @Override
  public TableFolder sibling(String relative) {
    return new LocalTableFolder(path.resolveSibling(relative).normalize());
  }

  @Override
  public boolean exists() {
    return Files.exists(path);
  }

  @Override
  public List<PartFile> parts() {
    List<PartFile> files = new ArrayList<>();
    for (Path file : entries()) {
      String name = file.getFileName().toString();
      if (name.endsWith(".parquet")
          && !name.startsWith(".")
          && !name.startsWith("_")
          && Files.isRegularFile(file)) {
        files.add(new PartFile(name, size(file), file.toString(), new LocalInputFile(file)));
      }
    }
    files.sort(Comparator.comparing(PartFile::name));
    return files;
  }

  @Override
  public List<TableFolder> folders(String prefix) {
    return entries().stream()
        .filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))
        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
        .map(p -> (TableFolder) new LocalTableFolder(p))
        .toList();
  }

  @Override
  public boolean hasFile(String name) {
    return Files.isRegularFile(path.resolve(name));
  }

  @Override
  public void movePart(String name, TableFolder target) {
    Path to = sameFileSystem(target, LocalTableFolder.class).path;
    try {
      Files.createDirectories(to);
      Files.move(path.resolve(name), to.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      // Spark writes through Hadoop's local file system, which keeps a checksum beside each file.
      Path checksum = path.resolve("." + name + ".crc");
      if (Files.exists(checksum)) {
        Files.move(checksum, to.resolve("." + name + ".crc"), StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + name + " from " + this + " to " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void moveTo(TableFolder target) {
    Path to = sameFileSystem(target, LocalTableFolder.class).path;
    try {
      Files.createDirectories(to.getParent());
      Files.move(path, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + this + " to " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void writePart(String name, MessageType schema, Iterable<Object[]> rows) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw failure("cannot create", e);
    }
    PartFileWriter.write(
        new LocalOutputFile(path.resolve(name)), new PlainParquetConfiguration(), schema, rows);
  }

  @Override
  public void delete() {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw failure("cannot delete", e);
    }
  }

  @Override
  ParquetReadOptions readOptions(boolean verifyChecksums) {
    return ParquetReadOptions.builder(new PlainParquetConfiguration())
        .usePageChecksumVerification(verifyChecksums)
        .withCodecFactory(new SnappyPages(ParquetProperties.DEFAULT_PAGE_SIZE))
        .build();
  }

  /** The folder's entries; none when it does not exist. */
  private List<Path> entries() {
    if (!Files.isDirectory(path)) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
      stream.forEach(found::add);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw failure("cannot list", e);
    }
    return found;
  }

  private long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw failure("cannot look at", e);
    }
  }
}
