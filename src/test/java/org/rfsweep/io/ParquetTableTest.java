package org.rfsweep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.testing.ParquetDamage;

class ParquetTableTest {
  private static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message t { required int32 id; required double value; optional binary name (UTF8); }");
  private static final int ROWS = 5000;

  /** A table of one part, written with page checksums as rfsweep writes its tables. */
  private static Path table(Path dir) throws IOException {
    Path table = dir.resolve("table");
    Files.createDirectories(table);
    Path part = table.resolve("part-00000.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<org.apache.parquet.example.data.Group> writer =
        ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(part.toUri()))
            .withType(SCHEMA)
            .withConf(new Configuration(false))
            .withPageWriteChecksumEnabled(true)
            .build()) {
      for (int i = 0; i < ROWS; i++) {
        var row = groups.newGroup().append("id", i).append("value", Math.sqrt(i));
        if (i % 3 == 0) {
          row.append("name", "row " + i);
        }
        writer.write(row);
      }
    }
    return table;
  }

  @Test
  void wantedColumnsComeBackByNameAndAColumnThePartLacksAsNull(@TempDir Path dir)
      throws IOException {
    List<Object[]> rows =
        ParquetTable.readColumns(table(dir), List.of("value", "absent", "name", "id"));
    assertEquals(ROWS, rows.size());
    for (int i : new int[] {0, 1, 2, 3, 4999}) {
      assertArrayEquals(
          new Object[] {Math.sqrt(i), null, i % 3 == 0 ? "row " + i : null, i}, rows.get(i));
    }
  }

  /**
   * The driver's read of a small fits table is its integrity check: a damaged page is found even in
   * a column the caller does not want, though only the wanted ones are decoded.
   */
  @Test
  void aDamagedPageOfAColumnNotAskedForIsStillFound(@TempDir Path dir) throws IOException {
    Path table = table(dir);
    Path part = table.resolve("part-00000.parquet");
    ParquetDamage.garble(part, "value");

    UncheckedIOException error =
        assertThrows(
            UncheckedIOException.class, () -> ParquetTable.readColumns(table, List.of("id")));
    assertTrue(
        error.getMessage().startsWith(part.toUri().getPath())
            || error.getMessage().contains(part.getFileName().toString()),
        error.getMessage());
    assertTrue(error.getMessage().contains("checksum"), error.getMessage());
  }
}
