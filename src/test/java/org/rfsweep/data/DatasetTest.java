package org.rfsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.spec.DatasetTaskSpec;

/** IDX files written here byte by byte, gzipped and not; pools built from them. */
public class DatasetTest {
  /** An IDX file of unsigned bytes with the given dimensions; values i mod 251. */
  public static byte[] idx(int[] dimensions, int elements) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x0800 | dimensions.length);
    for (int d : dimensions) {
      out.writeInt(d);
    }
    for (int i = 0; i < elements; i++) {
      out.writeByte(i % 251);
    }
    return bytes.toByteArray();
  }

  public static Path write(Path file, byte[] content, boolean gzip) throws IOException {
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }

  /** 40 images of 3 x 4 pixels and labels 0..4 cycling. */
  public static DatasetTaskSpec smallDataset(
      Path dir, String target, List<Integer> positive, int pool) throws IOException {
    Path images = write(dir.resolve("images.idx.gz"), idx(new int[] {40, 3, 4}, 40 * 12), true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x0801);
    out.writeInt(40);
    for (int i = 0; i < 40; i++) {
      out.writeByte(i % 5);
    }
    Path labels = write(dir.resolve("labels.idx"), bytes.toByteArray(), false);
    return new DatasetTaskSpec(images.toString(), labels.toString(), target, positive, pool, 10);
  }

  @Test
  void readsGzippedAndPlainIdxFiles(@TempDir Path dir) throws IOException {
    byte[] content = idx(new int[] {5, 2, 3}, 30);
    for (boolean gzip : new boolean[] {true, false}) {
      IdxFile file = IdxFile.read(write(dir.resolve("f" + gzip), content, gzip));
      assertArrayEquals(new int[] {5, 2, 3}, file.dimensions());
      assertEquals(5, file.count());
      assertEquals(6, file.itemSize());
      assertEquals(29.0, file.values()[29]);
    }
  }

  @Test
  void badFilesAreNamedWithWhatIsWrong(@TempDir Path dir) throws IOException {
    Path truncated = write(dir.resolve("truncated.gz"), idx(new int[] {5, 2, 3}, 20), true);
    assertEquals(
        truncated + ": truncated: dimensions [5, 2, 3] need 30 elements, the file holds 20",
        assertThrows(DatasetException.class, () -> IdxFile.read(truncated)).getMessage());
    Path notIdx = write(dir.resolve("notes.txt"), "hello world".getBytes(), false);
    assertTrue(
        assertThrows(DatasetException.class, () -> IdxFile.read(notIdx))
            .getMessage()
            .startsWith(notIdx + ": not an IDX file (magic number 0x"));
    Path missing = dir.resolve("missing.idx");
    assertEquals(
        missing + ": no such file",
        assertThrows(DatasetException.class, () -> IdxFile.read(missing)).getMessage());
    Path header = write(dir.resolve("header"), new byte[] {0, 0, 8, 3, 0, 0}, false);
    assertEquals(
        header + ": truncated (the file ends inside its header)",
        assertThrows(DatasetException.class, () -> IdxFile.read(header)).getMessage());
  }

  @Test
  void poolIsStandardisedWithOneGlobalScaleAndOneHotTargets(@TempDir Path dir) throws IOException {
    DatasetPool pool = DatasetPool.of(smallDataset(dir, DatasetTaskSpec.ONEHOT, List.of(), 30), 1);
    assertEquals(12, pool.dimension());
    assertEquals(30, pool.size());
    assertEquals(5, pool.outputs());
    double squares = 0;
    for (int i = 0; i < 12; i++) {
      double mean = 0;
      for (int p = 0; p < 30; p++) {
        mean += pool.inputs()[p * 12 + i] / 30;
        squares += Math.pow(pool.inputs()[p * 12 + i], 2) / 30;
      }
      assertEquals(0.0, mean, 1e-12, "pixel " + i + " is not centred");
    }
    assertEquals(12.0, squares, 1e-9, "mean squared norm must equal the dimension");
    for (int p = 0; p < 30; p++) {
      double sum = 0;
      for (int o = 0; o < 5; o++) {
        sum += pool.targets()[o * 30 + p];
      }
      assertEquals(1.0, sum, "one-hot row " + p);
    }
  }

  @Test
  void binaryTargetsAreSignsAndSamplesComeFromThePool(@TempDir Path dir) throws IOException {
    DatasetTaskSpec spec = smallDataset(dir, DatasetTaskSpec.BINARY, List.of(0, 3), 40);
    DatasetPool pool = DatasetPool.of(spec, 2);
    long positives = java.util.Arrays.stream(pool.targets()).filter(t -> t == 1.0).count();
    assertEquals(16, positives, "classes 0 and 3 are 2 of 5 cycling labels over 40 images");
    DatasetSource source = new DatasetSource(pool);
    double[] inputs = new double[12 * 4];
    double[] labels = new double[4];
    source.draw(RandomStreams.TRAIN, 2, 0, 0, 4, inputs, labels, 4);
    double[] again = new double[12 * 4];
    source.draw(RandomStreams.TRAIN, 2, 0, 2, 2, again, new double[4], 4);
    // Sample 2 and 3 drawn alone equal samples 2 and 3 drawn with the first two: streams nest.
    assertArrayEquals(
        java.util.Arrays.copyOfRange(inputs, 24, 48), java.util.Arrays.copyOf(again, 24));
    // Every drawn sample is one of the pool's points, with that point's label.
    for (int s = 0; s < 4; s++) {
      boolean found = false;
      for (int p = 0; p < pool.size() && !found; p++) {
        boolean same = true;
        for (int i = 0; i < 12 && same; i++) {
          same = inputs[s * 12 + i] == pool.inputs()[p * 12 + i];
        }
        found = same && labels[s] == pool.targets()[p];
      }
      assertTrue(found, "sample " + s + " is not a point of the pool");
    }
  }

  @Test
  void mismatchedCountsAndOversizedPoolsAreRefused(@TempDir Path dir) throws IOException {
    DatasetTaskSpec spec = smallDataset(dir, DatasetTaskSpec.ONEHOT, List.of(), 41);
    assertEquals(
        "task.pool: 41 points requested, " + spec.images() + " holds 40",
        assertThrows(DatasetException.class, () -> DatasetPool.of(spec, 3)).getMessage());
    Path fewer = write(dir.resolve("fewer.idx"), idx(new int[] {39}, 39), false);
    DatasetTaskSpec mismatched =
        new DatasetTaskSpec(
            spec.images(), fewer.toString(), DatasetTaskSpec.ONEHOT, List.of(), 10, 10);
    assertEquals(
        spec.images() + " holds 40 images but " + fewer + " holds 39 labels",
        assertThrows(DatasetException.class, () -> DatasetPool.of(mismatched, 3)).getMessage());
  }
}
