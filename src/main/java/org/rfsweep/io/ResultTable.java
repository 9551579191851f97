package org.rfsweep.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A results table of an output folder: {@code DIR/<name>}, whose rows are a {@link RunLabel},
 * optionally the columns of a prefix record (the task point's columns of a per-point table), then
 * the columns of the record {@code R}. Writers and readers both go through it, so the record is the
 * table's only definition. Immutable.
 *
 * @param <R> the row record
 */
public final class ResultTable<R extends Record> {
  private static final RecordColumns<RunLabel> LABEL = RecordColumns.of(RunLabel.class);
  private final String name;
  private final RecordColumns<R> columns;
  private final RecordColumns<? extends Record> prefix; // null: none

  private ResultTable(String name, Class<? extends Record> prefixType, Class<R> type) {
    this.name = name;
    this.columns = RecordColumns.of(type);
    this.prefix = prefixType == null ? null : RecordColumns.of(prefixType);
  }

  public static <R extends Record> ResultTable<R> of(String name, Class<R> type) {
    return new ResultTable<>(name, null, type);
  }

  /** A table whose rows carry a prefix record's columns between the label and the row's. */
  public static <R extends Record> ResultTable<R> of(
      String name, Class<? extends Record> prefixType, Class<R> type) {
    return new ResultTable<>(name, prefixType, type);
  }

  public String name() {
    return name;
  }

  /** The table's folder in an output folder. */
  public Path in(Path out) {
    return out.resolve(name);
  }

  /** The label's columns, then the record's, as Spark's schema (made on each call). */
  public StructType schema() {
    List<StructField> fields = new ArrayList<>(List.of(LABEL.schema().fields()));
    if (prefix != null) {
      fields.addAll(List.of(prefix.schema().fields()));
    }
    fields.addAll(List.of(columns.schema().fields()));
    return new StructType(fields.toArray(StructField[]::new));
  }

  /** The Parquet schema, for the writer without Spark. */
  public MessageType parquetSchema() {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    LABEL.addTo(builder);
    if (prefix != null) {
      prefix.addTo(builder);
    }
    columns.addTo(builder);
    return builder.named("rfsweep");
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>(LABEL.names());
    if (prefix != null) {
      names.addAll(prefix.names());
    }
    names.addAll(columns.names());
    return names;
  }

  /** The label's values, then the record's, in column order (NaN as null). */
  public Object[] values(RunLabel label, R row) {
    return values(label, null, row);
  }

  /** The label's values, the prefix record's (null for a table without one), then the row's. */
  public Object[] values(RunLabel label, Record before, R row) {
    Object[] first = prefix == null ? new Object[0] : prefixValues(before);
    Object[] values = columns.values(row);
    Object[] all = new Object[2 + first.length + values.length];
    all[0] = label.jobName();
    all[1] = label.specHash();
    System.arraycopy(first, 0, all, 2, first.length);
    System.arraycopy(values, 0, all, 2 + first.length, values.length);
    return all;
  }

  @SuppressWarnings("unchecked")
  private <P extends Record> Object[] prefixValues(Record before) {
    if (before == null || !prefix.type().isInstance(before)) {
      throw new IllegalArgumentException(
          "table " + name + " needs a " + prefix.type().getSimpleName() + " before each row");
    }
    return ((RecordColumns<P>) prefix).values((P) before);
  }

  public Row toRow(RunLabel label, R row) {
    return RowFactory.create(values(label, row));
  }

  public List<Row> toRows(RunLabel label, List<R> rows) {
    return rows.stream().map(r -> toRow(label, r)).toList();
  }

  /** The record of a Spark row of this table (its label is not part of the record). */
  public R fromRow(Row row) {
    return columns.fromRow(row);
  }

  /** The records of a table read without Spark. */
  public List<R> fromTable(ParquetTable table) {
    return table.rows().stream()
        .map(values -> columns.fromValues(table.columns(), values))
        .toList();
  }
}
