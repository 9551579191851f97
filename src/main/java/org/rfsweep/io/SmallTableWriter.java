package org.rfsweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;

/**
 * Writes a small table as one Parquet file without Spark (for {@code theory}, whose tables come from
 * one JVM). The table is a folder holding {@code part-00000.parquet}, so Spark, pandas and {@code show} read it
 * like any other table.
 */
public final class SmallTableWriter {
  private SmallTableWriter() {}

  public static void write(Path table, List<String> columns, List<double[]> rows) {
    List<Object[]> boxed = rows.stream().map(r -> java.util.Arrays.stream(r).boxed().toArray(Object[]::new))
        .toList();
    writeMixed(table, columns, boxed);
  }

  /** A small table whose columns are Double or String, as the first row's values say. */
  public static void writeMixed(Path table, List<String> columns, List<Object[]> rows) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (int c = 0; c < columns.size(); c++) {
      if (!rows.isEmpty() && rows.get(0)[c] instanceof String) {
        builder.required(PrimitiveType.PrimitiveTypeName.BINARY)
            .as(org.apache.parquet.schema.LogicalTypeAnnotation.stringType()).named(columns.get(c));
      } else {
        builder.required(PrimitiveType.PrimitiveTypeName.DOUBLE).named(columns.get(c));
      }
    }
    MessageType schema = builder.named("rfsweep");
    try {
      Files.createDirectories(table);
      Path file = table.resolve("part-00000.parquet");
      Files.deleteIfExists(file);
      Configuration conf = new Configuration(false);
      try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(
          new org.apache.hadoop.fs.Path(file.toUri())).withConf(conf).withType(schema)
          .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        for (Object[] row : rows) {
          Group group = groups.newGroup();
          for (int c = 0; c < columns.size(); c++) {
            if (row[c] instanceof String text) {
              group.append(columns.get(c), text);
            } else {
              group.append(columns.get(c), ((Number) row[c]).doubleValue());
            }
          }
          writer.write(group);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(table + ": cannot write Parquet: " + e.getMessage(), e);
    }
  }
}
