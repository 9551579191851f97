package org.rfsweep.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a chart's image as PNG: 8-bit RGB (RGBA only when a pixel is not opaque), each row
 * filtered by its difference to the row above (PNG's "Up" filter: a chart's rows repeat its flat
 * background and grid, which then deflate to little), deflated at zlib's fastest level. ImageIO's
 * writer tries five filters on every row in Java code the JIT must first compile (0.2 s of C2 in a
 * report) and took 20-60 ms a figure; this takes 2-30 ms, for files 10-30% larger (about 100 KB a
 * risk figure).
 */
final class PngFile {
  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
  private static final int FILTER_UP = 2;

  private PngFile() {}

  /** {@code image} (a {@link BufferedImage#TYPE_INT_ARGB} or {@code _RGB} image) as PNG. */
  static void write(BufferedImage image, OutputStream out) throws IOException {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] pixels = argb(image);
    boolean alpha = image.getColorModel().hasAlpha() && translucent(pixels);
    int channels = alpha ? 4 : 3;
    DataOutputStream png = new DataOutputStream(out);
    png.write(SIGNATURE);
    ByteArrayOutputStream header = new ByteArrayOutputStream(13);
    DataOutputStream fields = new DataOutputStream(header);
    fields.writeInt(width);
    fields.writeInt(height);
    fields.writeByte(8); // bits per channel
    fields.writeByte(alpha ? 6 : 2); // colour type: RGBA or RGB
    fields.writeByte(0); // deflate
    fields.writeByte(0); // adaptive filtering, one filter byte per row
    fields.writeByte(0); // not interlaced
    chunk(png, "IHDR", header.toByteArray(), header.size());

    ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height / 8);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream data = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
      byte[] previous = new byte[width * channels];
      byte[] row = new byte[width * channels];
      byte[] filtered = new byte[1 + width * channels];
      filtered[0] = FILTER_UP;
      for (int y = 0; y < height; y++) {
        filterRow(pixels, y * width, alpha, previous, row, filtered);
        data.write(filtered);
        byte[] swap = previous;
        previous = row;
        row = swap;
      }
    } finally {
      deflater.end();
    }
    chunk(png, "IDAT", compressed.toByteArray(), compressed.size());
    chunk(png, "IEND", new byte[0], 0);
    png.flush();
  }

  private static boolean translucent(int[] pixels) {
    for (int pixel : pixels) {
      if (pixel >>> 24 != 0xff) {
        return true;
      }
    }
    return false;
  }

  /**
   * One row's bytes into {@code row} and their difference to {@code previous} after the filter byte
   * in {@code filtered}. A method of its own, called per row, so the JIT compiles this small loop
   * as it is instead of the whole writer on the stack (a C2 on-stack replacement of {@link #write}
   * cost 0.3 s of CPU in a report).
   */
  private static void filterRow(
      int[] pixels, int offset, boolean alpha, byte[] previous, byte[] row, byte[] filtered) {
    int width = row.length / (alpha ? 4 : 3);
    for (int x = 0, i = 0; x < width; x++) {
      int pixel = pixels[offset + x];
      row[i++] = (byte) (pixel >>> 16);
      row[i++] = (byte) (pixel >>> 8);
      row[i++] = (byte) pixel;
      if (alpha) {
        row[i++] = (byte) (pixel >>> 24);
      }
    }
    for (int i = 0; i < row.length; i++) {
      filtered[i + 1] = (byte) (row[i] - previous[i]);
    }
  }

  /** The image's pixels as packed ARGB, read straight from its raster when it is stored so. */
  private static int[] argb(BufferedImage image) {
    int type = image.getType();
    if ((type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB)
        && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
        && buffer.getNumBanks() == 1
        && image.getRaster().getSampleModelTranslateX() == 0
        && image.getRaster().getSampleModelTranslateY() == 0) {
      int[] data = buffer.getData();
      if (type == BufferedImage.TYPE_INT_ARGB) {
        return data;
      }
      int[] opaque = new int[data.length];
      for (int i = 0; i < data.length; i++) {
        opaque[i] = data[i] | 0xff000000;
      }
      return opaque;
    }
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static void chunk(DataOutputStream png, String type, byte[] data, int length)
      throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data, 0, length);
    png.writeInt(length);
    png.write(name);
    png.write(data, 0, length);
    png.writeInt((int) crc.getValue());
  }
}
