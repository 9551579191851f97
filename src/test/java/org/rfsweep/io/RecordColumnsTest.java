package org.rfsweep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record as table columns: names, types, nulls, nesting, and a round trip through a real Parquet
 * file.
 */
class RecordColumnsTest {
  record Inner(double innerValue, String label) {}

  record Row(
      int width, @Column("test_mse_mean") double testMean, Long count, Inner inner, boolean edge) {}

  record Twice(int width, Inner inner, @Column("width") int other) {}

  record Unsupported(int width, float ratio) {}

  private static final RecordColumns<Row> COLUMNS = RecordColumns.of(Row.class);

  @Test
  void columnsAreSnakeCaseOrNamedAndNestedRecordsFlatten() {
    assertEquals(
        List.of("width", "test_mse_mean", "count", "inner_value", "label", "edge"),
        COLUMNS.names());
    assertEquals(DataTypes.IntegerType, COLUMNS.schema().apply("width").dataType());
    assertFalse(COLUMNS.schema().apply("width").nullable(), "a primitive int is required");
    assertTrue(COLUMNS.schema().apply("test_mse_mean").nullable(), "a double stores NaN as null");
    assertEquals(DataTypes.LongType, COLUMNS.schema().apply("count").dataType());
    assertEquals(DataTypes.BooleanType, COLUMNS.schema().apply("edge").dataType());
  }

  @Test
  void nanIsNullAndANullNestedRecordComesBackNull() {
    Row row = new Row(7, Double.NaN, null, null, true);
    Object[] values = COLUMNS.values(row);
    assertArrayEquals(new Object[] {7, null, null, null, null, true}, values);
    Row back = COLUMNS.fromValues(COLUMNS.names(), values);
    assertEquals(7, back.width());
    assertTrue(Double.isNaN(back.testMean()));
    assertNull(back.count());
    assertNull(back.inner());
  }

  @Test
  void readsByNameWhateverTheColumnOrder() {
    Row row = new Row(3, 1.25, 9L, new Inner(0.5, "a"), false);
    List<String> reversed = new ArrayList<>(COLUMNS.names());
    Collections.reverse(reversed);
    Object[] values = COLUMNS.values(row);
    Object[] reordered = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      reordered[values.length - 1 - i] = values[i];
    }
    assertEquals(row, COLUMNS.fromValues(reversed, reordered));
    assertThrows(
        IllegalArgumentException.class,
        () -> COLUMNS.fromValues(List.of("width"), new Object[] {3}),
        "a missing column is named, not guessed");
  }

  @Test
  void refusesTwoColumnsOfOneNameAndTypesATableCannotHold() {
    assertThrows(IllegalArgumentException.class, () -> RecordColumns.of(Twice.class));
    assertThrows(IllegalArgumentException.class, () -> RecordColumns.of(Unsupported.class));
  }

  @Test
  void roundTripThroughAParquetFile(@TempDir Path folder) {
    List<Row> rows =
        List.of(
            new Row(1, 0.1, 5L, new Inner(2.0, "x"), true),
            new Row(2, Double.NaN, null, null, false));
    SmallTableWriter.write(folder.resolve("t"), COLUMNS, rows);
    ParquetTable table = ParquetTable.read(folder.resolve("t"));
    assertEquals(COLUMNS.names(), table.columns());
    List<Row> back =
        table.rows().stream().map(values -> COLUMNS.fromValues(table.columns(), values)).toList();
    assertEquals(rows.get(0), back.get(0));
    assertEquals(2, back.get(1).width());
    assertTrue(Double.isNaN(back.get(1).testMean()));
    assertNull(back.get(1).inner());
  }
}
