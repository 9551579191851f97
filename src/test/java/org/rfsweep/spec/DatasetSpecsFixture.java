package org.rfsweep.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small CSV dataset on disk and a spec that reads it, for spec tests. */
final class DatasetSpecsFixture {
  private DatasetSpecsFixture() {}

  /** A spec of a 40-row CSV with {@code targetLines} as its target (and more task fields). */
  static String csvSpec(String targetLines) {
    try {
      Path file = Files.createTempFile("rfsweep-axes", ".csv");
      file.toFile().deleteOnExit();
      StringBuilder csv = new StringBuilder("x1,x2,label\n");
      for (int i = 0; i < 40; i++) {
        csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 2).append('\n');
      }
      Files.writeString(file, csv);
      return "name: data\nseed: 1\ntask:\n  type: dataset\n  source: {format: csv, path: "
          + file
          + ", label: label}\n  "
          + targetLines
          + "\n  pool: 40\n  test_samples: 20\nfeatures: relu\n"
          + "grid: {widths: [8], samples: [10], ridges: [0.1], seeds: 1}\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
