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
