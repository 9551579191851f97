package org.rfsweep.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;

/**
 * An IDX file (the MNIST format), gzipped or not: a magic number naming the element type and the
 * number of dimensions, the dimensions as big-endian 32-bit integers, then the elements in
 * row-major order. Elements are returned as doubles.
 *
 * @param dimensions the sizes, outermost first (images: count, rows, columns; labels: count)
 * @param values all elements, row-major
 */
public record IdxFile(int[] dimensions, double[] values) {

  /** Items along the first dimension. */
  public int count() {
    return dimensions.length == 0 ? 0 : dimensions[0];
  }

  /** Elements per item (product of the other dimensions). */
  public int itemSize() {
    int size = 1;
    for (int i = 1; i < dimensions.length; i++) {
      size *= dimensions[i];
    }
    return size;
  }

  /** Reads a whole local file; every problem is a {@link DatasetException} naming the file. */
  public static IdxFile read(Path path) {
    return read(path.toString());
  }

  /** Reads a whole file from any path Hadoop reads (local, hdfs://, s3a://, ...). */
  public static IdxFile read(String location) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    try (InputStream raw =
        new BufferedInputStream(path.getFileSystem(new Configuration()).open(path), 1 << 16)) {
      raw.mark(2);
      boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      try (DataInputStream in =
          new DataInputStream(
              new BufferedInputStream(
                  gzipped ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16))) {
        return parse(in, location);
      }
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new DatasetException(location + ": no such file");
    } catch (EOFException e) {
      throw new DatasetException(location + ": truncated (the file ends inside its header)");
    } catch (IOException e) {
      throw new DatasetException(location + ": cannot read (" + e.getMessage() + ")");
    }
  }

  private static IdxFile parse(DataInputStream in, String path) throws IOException {
    int magic = in.readInt();
    int type = (magic >>> 8) & 0xff;
    int rank = magic & 0xff;
    if ((magic >>> 16) != 0 || rank == 0 || elementBytes(type) == 0) {
      throw new DatasetException(
          path + ": not an IDX file (magic number 0x" + Integer.toHexString(magic) + ")");
    }
    int[] dimensions = new int[rank];
    long elements = 1;
    for (int i = 0; i < rank; i++) {
      dimensions[i] = in.readInt();
      if (dimensions[i] < 0) {
        throw new DatasetException(
            path + ": dimension " + i + " is negative (" + dimensions[i] + ")");
      }
      elements *= dimensions[i];
    }
    if (elements > Integer.MAX_VALUE - 8) {
      throw new DatasetException(
          path + ": " + elements + " elements, more than one Java array holds");
    }
    double[] values = new double[(int) elements];
    int read = 0;
    try {
      for (; read < values.length; read++) {
        values[read] =
            switch (type) {
              case 0x08 -> in.readUnsignedByte();
              case 0x09 -> in.readByte();
              case 0x0B -> in.readShort();
              case 0x0C -> in.readInt();
              case 0x0D -> in.readFloat();
              default -> in.readDouble();
            };
      }
    } catch (EOFException e) {
      throw new DatasetException(
          path
              + ": truncated: dimensions "
              + Arrays.toString(dimensions)
              + " need "
              + values.length
              + " elements, the file holds "
              + read);
    }
    return new IdxFile(dimensions, values);
  }

  private static int elementBytes(int type) {
    return switch (type) {
      case 0x08, 0x09 -> 1;
      case 0x0B -> 2;
      case 0x0C, 0x0D -> 4;
      case 0x0E -> 8;
      default -> 0;
    };
  }
}
