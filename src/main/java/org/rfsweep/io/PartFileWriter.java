package org.rfsweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Writes rows of values in a flat schema's column order ({@link ResultTable#values}) as one Parquet
 * file, Snappy-compressed with page checksums, as Spark writes a table's parts: Spark, pandas and
 * rfsweep's own readers read it alike. The values go to Parquet's column writers directly, with no
 * record object per row; a null leaves an optional column empty.
 */
final class PartFileWriter {
  private PartFileWriter() {}

  /** Writes {@code rows} into {@code file}, which must not exist. */
  static void write(
      OutputFile file, ParquetConfiguration conf, MessageType schema, Iterable<Object[]> rows) {
    try (ParquetWriter<Object[]> writer =
        new Builder(file, schema)
            .withConf(conf)
            .withWriteMode(ParquetFileWriter.Mode.CREATE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withCodecFactory(new SnappyPages(ParquetProperties.DEFAULT_PAGE_SIZE))
            .withPageWriteChecksumEnabled(true)
            .build()) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          file.getPath() + ": cannot write Parquet: " + e.getMessage(), e);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final MessageType schema;

    Builder(OutputFile file, MessageType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new ValuesWriteSupport(schema);
    }

    // Parquet's default turns its own configuration into a Hadoop one first.
    @Override
    protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
      return new ValuesWriteSupport(schema);
    }
  }

  /** One row's values to the record consumer, by the schema's primitive types. */
  private static final class ValuesWriteSupport extends WriteSupport<Object[]> {
    private final MessageType schema;
    private final String[] names;
    private final PrimitiveTypeName[] types;
    private RecordConsumer consumer;

    ValuesWriteSupport(MessageType schema) {
      this.schema = schema;
      int n = schema.getFieldCount();
      this.names = new String[n];
      this.types = new PrimitiveTypeName[n];
      for (int c = 0; c < n; c++) {
        names[c] = schema.getFieldName(c);
        types[c] = schema.getType(c).asPrimitiveType().getPrimitiveTypeName();
      }
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] values) {
      if (values.length != names.length) {
        throw new IllegalArgumentException(
            "a row of " + values.length + " values for " + names.length + " columns");
      }
      consumer.startMessage();
      for (int c = 0; c < values.length; c++) {
        Object value = values[c];
        if (value == null) {
          continue;
        }
        consumer.startField(names[c], c);
        switch (types[c]) {
          case BINARY -> consumer.addBinary(Binary.fromString((String) value));
          case INT32 -> consumer.addInteger(((Number) value).intValue());
          case INT64 -> consumer.addLong(((Number) value).longValue());
          case BOOLEAN -> consumer.addBoolean((Boolean) value);
          case DOUBLE -> consumer.addDouble(((Number) value).doubleValue());
          default ->
              throw new IllegalArgumentException(
                  "column " + names[c] + ": type " + types[c] + " is not written here");
        }
        consumer.endField(names[c], c);
      }
      consumer.endMessage();
    }
  }
}
