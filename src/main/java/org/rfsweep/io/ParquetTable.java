package org.rfsweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a results table (a folder of Parquet part files) without Spark, for {@code show} and for
 * tests that check what was written. Values come back as Java objects: String, Integer, Long,
 * Double, Boolean or null.
 */
public final class ParquetTable {
  private final List<String> columns;
  private final List<Object[]> rows;

  private ParquetTable(List<String> columns, List<Object[]> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  public List<String> columns() {
    return columns;
  }

  public List<Object[]> rows() {
    return rows;
  }

  /** The tables of an output folder: its sub-folders that hold Parquet files. */
  public static List<String> tablesIn(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(p -> !partFiles(p).isEmpty())
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  public static ParquetTable read(Path table) {
    return read(TableFolder.local(table));
  }

  /**
   * Every row of every part file of {@code table}, on any file system, in the first part's columns
   * (a part lacking one of them, written by an earlier version, gives null there).
   */
  public static ParquetTable read(TableFolder table) {
    List<PartFile> parts = table.parts();
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(table + ": no Parquet files here");
    }
    List<String> columns;
    try (ParquetFileReader first =
        ParquetFileReader.open(parts.get(0).input(), table.readOptions(false))) {
      columns =
          first.getFooter().getFileMetaData().getSchema().getFields().stream()
              .map(Type::getName)
              .toList();
    } catch (IOException | RuntimeException e) {
      throw unreadable(parts.get(0), e);
    }
    return new ParquetTable(columns, rows(table, parts, columns, false));
  }

  /** Total bytes of a table's part files (0 when there is none). */
  public static long bytes(Path table) {
    return TableFolder.local(table).bytes();
  }

  public static List<Object[]> readColumns(Path table, List<String> wanted) {
    return readColumns(TableFolder.local(table), wanted);
  }

  /**
   * Some columns of every row, by name: each part file's own schema is looked up, so parts written
   * by different versions (one lacking a newer column) read alike, a missing column as null. Every
   * page of every column is read and its checksum verified (this read is the integrity check of a
   * small folder), but only the wanted columns are decoded. A part that cannot be read throws
   * {@link UncheckedIOException} naming it.
   */
  public static List<Object[]> readColumns(TableFolder table, List<String> wanted) {
    return rows(table, table.parts(), wanted, true);
  }

  /** The wanted columns of every row of {@code parts}, their page checksums verified or not. */
  private static List<Object[]> rows(
      TableFolder table, List<PartFile> parts, List<String> wanted, boolean verifyChecksums) {
    List<Object[]> rows = new ArrayList<>();
    for (PartFile part : parts) {
      try (ParquetFileReader file =
          ParquetFileReader.open(part.input(), table.readOptions(verifyChecksums))) {
        MessageType schema = file.getFooter().getFileMetaData().getSchema();
        MessageType decoded =
            new MessageType(
                schema.getName(),
                schema.getFields().stream().filter(f -> wanted.contains(f.getName())).toList());
        int[] at = new int[wanted.size()];
        for (int c = 0; c < at.length; c++) {
          at[c] = decoded.containsField(wanted.get(c)) ? decoded.getFieldIndex(wanted.get(c)) : -1;
        }
        MessageColumnIO columns =
            decoded.getFieldCount() == 0
                ? null
                : new ColumnIOFactory().getColumnIO(decoded, schema);
        // Without a requested schema each row group is read whole: every page's checksum is
        // verified as it is read (when asked for).
        for (PageReadStore pages = file.readNextRowGroup();
            pages != null;
            pages = file.readNextRowGroup()) {
          RecordReader<Group> records =
              columns == null
                  ? null
                  : columns.getRecordReader(pages, new GroupRecordConverter(decoded));
          for (long r = 0; r < pages.getRowCount(); r++) {
            Group group = records == null ? null : records.read();
            Object[] row = new Object[at.length];
            for (int c = 0; c < at.length; c++) {
              row[c] = at[c] < 0 ? null : value(group, at[c], decoded.getType(at[c]));
            }
            rows.add(row);
          }
        }
      } catch (IOException | RuntimeException e) {
        throw unreadable(part, e);
      }
    }
    return rows;
  }

  private static UncheckedIOException unreadable(PartFile part, Exception e) {
    return new UncheckedIOException(
        part + ": cannot read Parquet: " + e.getMessage(),
        e instanceof IOException io ? io : new IOException(e));
  }

  private static Object value(Group group, int field, Type type) {
    if (group.getFieldRepetitionCount(field) == 0) {
      return null;
    }
    if (!type.isPrimitive()) {
      return group.getValueToString(field, 0);
    }
    PrimitiveType.PrimitiveTypeName primitive = type.asPrimitiveType().getPrimitiveTypeName();
    return switch (primitive) {
      case INT32 -> group.getInteger(field, 0);
      case INT64 -> group.getLong(field, 0);
      case DOUBLE -> group.getDouble(field, 0);
      case FLOAT -> (double) group.getFloat(field, 0);
      case BOOLEAN -> group.getBoolean(field, 0);
      case BINARY -> group.getString(field, 0);
      default -> group.getValueToString(field, 0);
    };
  }

  private static List<Path> partFiles(Path table) {
    if (!Files.isDirectory(table)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(table)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + table + ": " + e.getMessage(), e);
    }
  }
}
