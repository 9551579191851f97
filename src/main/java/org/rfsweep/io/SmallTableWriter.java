package org.rfsweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * Writes a small results table as one Parquet file without Spark (the spectrum tables, measured in
 * one JVM). The table is a folder holding {@code part-00000.parquet}, so Spark, pandas and {@code
 * show} read it like any other.
 */
public final class SmallTableWriter {
  private SmallTableWriter() {}

  /** A results table: its label columns, then the records'. */
  public static <R extends Record> void write(
      Path out, ResultTable<R> table, RunLabel label, List<R> rows) {
    write(
        table.in(out),
        table.parquetSchema(),
        rows.stream().map(r -> table.values(label, r)).toList());
  }

  /** Rows already laid out in the table's column order ({@link ResultTable#values}). */
  public static void writeValues(Path out, ResultTable<?> table, List<Object[]> rows) {
    write(table.in(out), table.parquetSchema(), rows);
  }

  /**
   * A table of records alone, in {@code folder} (for the {@code theory} command, which has no run).
   */
  public static <R extends Record> void write(Path folder, RecordColumns<R> columns, List<R> rows) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    columns.addTo(builder);
    write(folder, builder.named("rfsweep"), rows.stream().map(columns::values).toList());
  }

  private static void write(Path folder, MessageType schema, List<Object[]> rows) {
    try {
      // Written beside the table, then swapped in: a reader never sees a half-written table, and
      // no part file of an earlier writer (Spark names its parts differently) survives.
      Path staging = folder.resolveSibling("." + folder.getFileName() + ".writing");
      deleteTree(staging);
      Files.createDirectories(staging);
      PartFileWriter.write(
          new LocalOutputFile(staging.resolve("part-00000.parquet")),
          new PlainParquetConfiguration(),
          schema,
          rows);
      if (Files.exists(folder)) {
        refuseUnlessTable(folder);
        deleteTree(folder);
      }
      Files.move(staging, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot write Parquet: " + e.getMessage(), e);
    }
  }

  /** Replacing a table deletes it: only when it holds nothing but a table's files. */
  private static void refuseUnlessTable(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException(folder + " exists and is not a table folder");
    }
    try (var entries = Files.list(folder)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString().replaceFirst("^\\.", "");
        if (Files.isDirectory(entry)
            || !(name.startsWith("part-") || name.startsWith("_SUCCESS"))) {
          throw new IOException(
              folder + " holds " + entry.getFileName() + ", not only a table's part files");
        }
      }
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var paths = Files.walk(path)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
