package org.rfsweep.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.spec.DatasetTaskSpec;

/** The real Fashion-MNIST training set from Debian's package (.ci/run installs it). */
class FashionMnistTest {
  private static final String ROOT = "/usr/share/datasets/fashion-mnist/";

  @Test
  void readsTheTrainingSetIntoAStandardisedPool() {
    DatasetTaskSpec spec =
        new DatasetTaskSpec(
            ROOT + "train-images-idx3-ubyte.gz",
            ROOT + "train-labels-idx1-ubyte.gz",
            DatasetTaskSpec.ONEHOT,
            List.of(),
            500,
            100);
    IdxFile images = IdxFile.read(java.nio.file.Path.of(spec.images()));
    assertEquals(60_000, images.count());
    assertEquals(784, images.itemSize());
    // Facts of the file, checked with numpy on the gzipped bytes: any other decoding fails them.
    double pixels = 0;
    for (double value : images.values()) {
      pixels += value;
    }
    assertEquals(3_431_114_169.0, pixels, 0.0, "the sum of every pixel of the training images");
    double first = 0;
    for (int i = 0; i < 784; i++) {
      first += images.values()[i];
    }
    assertEquals(76_247.0, first, 0.0, "the first image's pixel sum");
    IdxFile labels = IdxFile.read(java.nio.file.Path.of(spec.labels()));
    int[] perClass = new int[10];
    for (double label : labels.values()) {
      perClass[(int) label]++;
    }
    for (int c = 0; c < 10; c++) {
      assertEquals(6_000, perClass[c], "class " + c);
    }
    assertEquals(9.0, labels.values()[0], "the first label (ankle boot)");
    DatasetPool pool = DatasetPool.of(spec, 11);
    assertEquals(784, pool.dimension());
    assertEquals(10, pool.outputs());
    double squares = 0;
    for (double x : pool.inputs()) {
      squares += x * x;
    }
    assertEquals(784.0, squares / 500, 1e-9);
  }
}
