package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.data.DatasetTest;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.testing.Cli;

/** Bad dataset input stops plan and run with one line naming the file or field, before any work. */
class DatasetInputTest {

  private static String spec(String images, String labels, int pool, String samples) {
    return """
        name: data
        seed: 1
        task:
          type: dataset
          source: {format: idx, images: %s, labels: %s}
          target: onehot
          pool: %d
        features: relu
        grid: {widths: [8], samples: %s, ridges: [0, 1], seeds: 2}
        """
        .formatted(images, labels, pool, samples);
  }

  @Test
  void missingFileIsNamedWithItsField(@TempDir Path dir) throws Exception {
    DatasetTaskSpec data = DatasetTest.smallDataset(dir, DatasetTaskSpec.ONEHOT, List.of(), 30);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, spec(dir.resolve("nope.gz").toString(), data.labels(), 30, "[8]"));
    Cli.Outcome outcome =
        Cli.execute("run", file.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, outcome.code());
    assertEquals(
        "rfsweep: task.source.images (line 5): no such file '" + dir.resolve("nope.gz") + "'",
        outcome.err().strip());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void moreSamplesThanThePoolAndAPoolLargerThanTheDataAreRefused(@TempDir Path dir)
      throws Exception {
    DatasetTaskSpec data = DatasetTest.smallDataset(dir, DatasetTaskSpec.ONEHOT, List.of(), 30);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, spec(data.images(), data.labels(), 30, "[8, 31]"));
    Cli.Outcome outcome = Cli.execute("plan", file.toString());
    assertEquals(2, outcome.code());
    assertEquals(
        "rfsweep: grid.samples: 31 samples requested, but task.pool holds 30 points",
        outcome.err().strip());

    Files.writeString(file, spec(data.images(), data.labels(), 50, "[8]"));
    outcome = Cli.execute("run", file.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, outcome.code());
    assertEquals(
        "rfsweep: task.pool: 50 points requested, " + data.images() + " holds 40",
        outcome.err().strip());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void truncatedImagesAreNamed(@TempDir Path dir) throws Exception {
    DatasetTaskSpec data = DatasetTest.smallDataset(dir, DatasetTaskSpec.ONEHOT, List.of(), 30);
    Path truncated =
        DatasetTest.write(dir.resolve("cut.gz"), DatasetTest.idx(new int[] {40, 3, 4}, 100), true);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, spec(truncated.toString(), data.labels(), 30, "[8]"));
    Cli.Outcome outcome = Cli.execute("plan", file.toString());
    assertEquals(2, outcome.code());
    assertTrue(
        outcome
            .err()
            .startsWith("rfsweep: " + truncated + ": truncated: dimensions [40, 3, 4] need 480"),
        outcome.err());
  }

  @Test
  void csvDatasetRunsEndToEndPlanAndNamesAMissingLabelColumn(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
    java.util.Random random = new java.util.Random(4);
    for (int i = 0; i < 60; i++) {
      csv.append(random.nextGaussian())
          .append(',')
          .append(random.nextGaussian())
          .append(',')
          .append(random.nextGaussian())
          .append(',')
          .append(random.nextGaussian())
          .append('\n');
    }
    Path data = Files.writeString(dir.resolve("d.csv"), csv.toString());
    String text =
        """
        name: csv
        seed: 1
        task: {type: dataset, source: {format: csv, path: %s, label: %s}, target: numeric, pool: 50}
        features: {type: rff, length: 2}
        grid: {widths: [8, 16], samples: [10, 20], ridges: [0, 1], seeds: 2}
        """;
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, text.formatted(data, "y"));
    Cli.Outcome plan = Cli.execute("plan", file.toString());
    assertEquals(0, plan.code(), plan.err());
    assertTrue(plan.out().contains("4 cells x 2 seeds = 8 fits"), plan.out());

    Files.writeString(file, text.formatted(data, "target"));
    Cli.Outcome bad = Cli.execute("plan", file.toString());
    assertEquals(2, bad.code());
    assertEquals(
        "rfsweep: "
            + data
            + ": no column 'target' (task.source.label); columns are [x1, x2, x3, y]",
        bad.err().strip());
  }
}
