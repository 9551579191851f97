package org.rfsweep.io;

import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet pages compressed and decompressed with Snappy (and uncompressed ones) in Java, for the
 * tables on the local disk. Parquet's own codec factory makes a Hadoop configuration for any codec
 * (whose search for its settings files along the class path opens every jar on it) and loads
 * Snappy's native library (searched for along the class path, unpacked into the temporary folder):
 * together 0.1-0.2 s of a small command. The pages are Snappy's raw format either way, as Parquet's
 * SNAPPY codec writes them, readable by any Parquet reader. Other codecs (a fits table written by a
 * Spark configured for zstd, say) go to Parquet's factory, made when first needed.
 */
final class SnappyPages implements CompressionCodecFactory {
  /**
   * Whether aircompressor is on the class path: spark-submit runs put Spark's own jars there, which
   * have carried it for years, but a distribution without it gets Parquet's factory instead.
   */
  private static final boolean IN_JAVA = available("io.airlift.compress.snappy.SnappyCompressor");

  private final int pageSize;
  private CodecFactory others;

  SnappyPages(int pageSize) {
    this.pageSize = pageSize;
  }

  private static boolean available(String className) {
    try {
      Class.forName(className, false, SnappyPages.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Whether this factory handles the codec itself (else Parquet's does). */
  private static boolean own(CompressionCodecName codec) {
    return codec == CompressionCodecName.UNCOMPRESSED
        || (codec == CompressionCodecName.SNAPPY && IN_JAVA);
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return own(codec) ? new Compressor(codec) : others().getCompressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return own(codec) ? new Decompressor(codec) : others().getDecompressor(codec);
  }

  @Override
  public synchronized void release() {
    if (others != null) {
      others.release();
    }
  }

  private synchronized CodecFactory others() {
    if (others == null) {
      others = new CodecFactory(new PlainParquetConfiguration(), pageSize);
    }
    return others;
  }

  private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {
    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      if (codec != CompressionCodecName.SNAPPY) {
        return bytes;
      }
      byte[] in = bytes.toByteArray();
      SnappyCompressor compressor = new SnappyCompressor();
      byte[] out = new byte[compressor.maxCompressedLength(in.length)];
      int length = compressor.compress(in, 0, in.length, out, 0, out.length);
      return BytesInput.from(out, 0, length);
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {}
  }

  private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {
    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      return snappy() ? BytesInput.from(uncompress(bytes.toByteArray(), uncompressedSize)) : bytes;
    }

    private boolean snappy() {
      return codec == CompressionCodecName.SNAPPY;
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.duplicate().get(in);
      // The output's position moves on, as with Parquet's own decompressors.
      output.put(snappy() ? uncompress(in, uncompressedSize) : in);
    }

    @Override
    public void release() {}

    private static byte[] uncompress(byte[] in, int size) throws IOException {
      byte[] out = new byte[size];
      int length;
      try {
        length = new SnappyDecompressor().decompress(in, 0, in.length, out, 0, size);
      } catch (RuntimeException e) { // a damaged page: MalformedInputException and the like
        throw new IOException("Snappy page: " + e.getMessage(), e);
      }
      if (length != size) {
        throw new IOException(
            "Snappy page: " + length + " bytes decompressed, " + size + " expected");
      }
      return out;
    }
  }
}
