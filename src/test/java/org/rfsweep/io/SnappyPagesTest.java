package org.rfsweep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xerial.snappy.Snappy;

/**
 * The local tables' own Snappy pages against Snappy's native library and Parquet's own writer: the
 * same bytes back either way, parts written by Parquet with Hadoop's codecs (Snappy, and gzip,
 * which goes to Parquet's factory) read alike, and a damaged page refused.
 */
class SnappyPagesTest {
  private static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message t { required int32 id; required double value; required binary name (UTF8); }");

  /** A page of mixed content: runs that compress and noise that does not. */
  private static byte[] page(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ((i / 64) % 3 == 0 ? random.nextInt(256) : i % 7);
    }
    return bytes;
  }

  @Test
  void pagesRoundTripAndAgreeWithSnappysNativeLibrary() throws IOException {
    SnappyPages pages = new SnappyPages(1 << 20);
    for (int size : new int[] {0, 1, 100, 65_536, 1 << 20}) {
      byte[] original = page(size, size);
      byte[] compressed =
          pages
              .getCompressor(CompressionCodecName.SNAPPY)
              .compress(BytesInput.from(original))
              .toByteArray();
      // Raw Snappy, as the native library reads it, and the native library's pages read here.
      assertArrayEquals(original, Snappy.uncompress(compressed), "size " + size);
      byte[] nativeCompressed = Snappy.compress(original);
      assertArrayEquals(
          original,
          pages
              .getDecompressor(CompressionCodecName.SNAPPY)
              .decompress(BytesInput.from(nativeCompressed), size)
              .toByteArray(),
          "size " + size);
      java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(size);
      pages
          .getDecompressor(CompressionCodecName.SNAPPY)
          .decompress(java.nio.ByteBuffer.wrap(compressed), compressed.length, out, size);
      assertArrayEquals(original, out.array(), "size " + size + ", through buffers");
    }
  }

  @Test
  void aDamagedOrShortPageIsRefused() throws IOException {
    byte[] original = page(10_000, 3);
    byte[] compressed = Snappy.compress(original);
    var decompressor = new SnappyPages(1 << 20).getDecompressor(CompressionCodecName.SNAPPY);
    assertThrows(
        IOException.class,
        () -> decompressor.decompress(BytesInput.from(compressed), original.length + 1));
    byte[] truncated = java.util.Arrays.copyOf(compressed, compressed.length / 2);
    assertThrows(
        IOException.class,
        () -> decompressor.decompress(BytesInput.from(truncated), original.length));
  }

  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"SNAPPY", "GZIP", "UNCOMPRESSED"})
  void partsWrittenByParquetWithHadoopsCodecsReadAlike(
      CompressionCodecName codec, @TempDir Path dir) throws IOException {
    Path folder = dir.resolve("table");
    java.nio.file.Files.createDirectories(folder);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(
                new org.apache.hadoop.fs.Path(folder.resolve("part-00000.parquet").toUri()))
            .withConf(new Configuration())
            .withType(SCHEMA)
            .withCompressionCodec(codec)
            .build()) {
      for (int i = 0; i < 5000; i++) {
        writer.write(
            groups
                .newGroup()
                .append("id", i)
                .append("value", i * 0.25)
                .append("name", "r" + i % 9));
      }
    }
    List<Object[]> rows =
        ParquetTable.readColumns(TableFolder.local(folder), List.of("id", "value", "name"));
    assertEquals(5000, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertArrayEquals(new Object[] {i, i * 0.25, "r" + i % 9}, rows.get(i), "row " + i);
    }
  }
}
