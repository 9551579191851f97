package org.rfsweep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A table folder on the local disk, handled without Hadoop, and the same operations through
 * Hadoop's FileSystem (what a fits table on HDFS goes through; here on Hadoop's local file system,
 * which keeps a checksum beside each file): what URIs resolve to, which files are a table's parts,
 * moves (with the checksum side files), deletes, and part files read back by {@link ParquetTable}
 * and by Hadoop's own file system (as Spark reads them).
 */
class TableFolderTest {
  /** A folder on the local disk, through java.nio or through Hadoop's FileSystem. */
  private static TableFolder folder(String through, Path path) {
    return through.equals("nio")
        ? TableFolder.local(path)
        : HadoopTableFolder.at("file:" + path.toAbsolutePath());
  }

  private static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message t { required int32 id; optional double value; optional binary name (UTF8); }");

  private static List<Object[]> rows(int from, int count) {
    return java.util.stream.IntStream.range(from, from + count)
        .mapToObj(i -> new Object[] {i, i % 4 == 0 ? null : i * 0.5, "row " + i})
        .toList();
  }

  @Test
  void fileUrisAndPathsNameTheSameLocalFolder(@TempDir Path dir) {
    Path fits = dir.resolve("out/fits");
    TableFolder byPath = TableFolder.local(fits);
    assertInstanceOf(LocalTableFolder.class, byPath);
    assertEquals("file:" + fits, byPath.uri());
    assertEquals(fits.toString(), byPath.toString());
    for (String location :
        List.of(fits.toString(), "file:" + fits, "file://" + fits, "FILE:" + fits)) {
      TableFolder folder = TableFolder.of(location);
      assertInstanceOf(LocalTableFolder.class, folder, location);
      assertEquals(byPath.uri(), folder.uri(), location);
    }
    assertEquals(
        "file:" + dir.resolve("out/superseded/x/fits"), byPath.sibling("superseded/x/fits").uri());
    assertEquals("fits", byPath.name());
    assertEquals(null, LocalTableFolder.pathOf("file://namenode/x"));
    assertEquals(null, LocalTableFolder.pathOf("hdfs://namenode:8020/x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nio", "hadoop"})
  void partsAreTheVisibleParquetFilesByNameAndRoundTrip(String through, @TempDir Path dir)
      throws Exception {
    TableFolder table = folder(through, dir.resolve("table"));
    assertFalse(table.exists());
    assertEquals(List.of(), table.parts());
    assertEquals(0, table.bytes());
    table.writePart("part-00001.parquet", SCHEMA, rows(100, 50));
    table.writePart("part-00000.parquet", SCHEMA, rows(0, 100));
    Path folder = dir.resolve("table");
    Files.writeString(folder.resolve("_SUCCESS"), "");
    Files.writeString(folder.resolve("notes.txt"), "not a part");
    Files.createDirectories(folder.resolve("_chunk-a"));
    Files.createDirectories(folder.resolve("dir.parquet"));

    List<PartFile> parts = table.parts();
    assertEquals(
        List.of("part-00000.parquet", "part-00001.parquet"),
        parts.stream().map(PartFile::name).toList());
    assertEquals(
        Files.size(folder.resolve("part-00000.parquet"))
            + Files.size(folder.resolve("part-00001.parquet")),
        table.bytes());
    assertTrue(table.hasFile("_SUCCESS"));
    assertFalse(table.hasFile("_chunk-a"));
    assertEquals(
        List.of("_chunk-a"), table.folders("_chunk-").stream().map(TableFolder::name).toList());

    ParquetTable read = ParquetTable.read(table);
    assertEquals(List.of("id", "value", "name"), read.columns());
    List<Object[]> expected = new java.util.ArrayList<>(rows(0, 100));
    expected.addAll(rows(100, 50));
    assertEquals(expected.size(), read.rows().size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), read.rows().get(i), "row " + i);
    }
    List<Object[]> some = ParquetTable.readColumns(table, List.of("name", "id"));
    assertArrayEquals(new Object[] {"row 149", 149}, some.get(149));

    // Spark reads the same files through Hadoop's local file system.
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
    try (var reader =
        org.apache.parquet.hadoop.ParquetFileReader.open(
            org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(folder.resolve("part-00001.parquet").toUri()),
                conf))) {
      assertEquals(50, reader.getRecordCount());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nio", "hadoop"})
  void aPartIsWrittenOnceAndMovesWithItsChecksum(String through, @TempDir Path dir)
      throws Exception {
    TableFolder staging = folder(through, dir.resolve("table/_chunk-x"));
    staging.writePart("part-7.parquet", SCHEMA, rows(0, 3));
    UncheckedIOException again =
        assertThrows(
            UncheckedIOException.class,
            () -> staging.writePart("part-7.parquet", SCHEMA, rows(0, 3)));
    assertTrue(again.getMessage().contains("part-7.parquet"), again.getMessage());
    // Hadoop's local file system writes the checksum itself; Spark's parts come with one too.
    Path side = dir.resolve("table/_chunk-x/.part-7.parquet.crc");
    if (through.equals("nio")) {
      assertFalse(Files.exists(side));
      Files.writeString(side, "checksum");
    }
    assertTrue(Files.exists(side));

    TableFolder table = folder(through, dir.resolve("table"));
    staging.movePart("part-7.parquet", table);
    assertEquals(List.of("part-7.parquet"), table.parts().stream().map(PartFile::name).toList());
    assertTrue(Files.exists(dir.resolve("table/.part-7.parquet.crc")));
    assertFalse(Files.exists(side));
    assertEquals(List.of(), staging.parts());

    staging.delete();
    assertFalse(staging.exists());
    staging.delete(); // nothing left: no error

    TableFolder moved = table.sibling("superseded/1/table");
    table.moveTo(moved);
    assertFalse(table.exists());
    assertEquals(3, ParquetTable.read(moved).rows().size());

    UncheckedIOException missing =
        assertThrows(UncheckedIOException.class, () -> table.movePart("part-7.parquet", moved));
    assertTrue(
        missing.getMessage().startsWith("cannot move part-7.parquet from "), missing.getMessage());
  }
}
