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
 * Writes a small all-double table as one Parquet file without Spark (for {@code theory}, whose tables come from
 * one JVM). The table is a folder holding {@code part-00000.parquet}, so Spark, pandas and {@code show} read it
 * like any other table.
 */
public final class DoubleTableWriter {
  private DoubleTableWriter() {}

  public static void write(Path table, List<String> columns, List<double[]> rows) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (String column : columns) {
      builder.required(PrimitiveType.PrimitiveTypeName.DOUBLE).named(column);
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
        for (double[] row : rows) {
          Group group = groups.newGroup();
          for (int c = 0; c < columns.size(); c++) {
            group.append(columns.get(c), row[c]);
          }
          writer.write(group);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(table + ": cannot write Parquet: " + e.getMessage(), e);
    }
  }
}
