package org.rfsweep.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.testing.Specs;

/**
 * Specs and axes have caps, refused at once with the field and the value (before: a 50 MB spec
 * parsed for minutes, and {@code count: 2000000000} built two billion ridges before being
 * accepted).
 */
class SpecLimitsTest {
  @Test
  void aLogspaceCountBeyondTheCapIsNamed() {
    String spec =
        Specs.smallWith(
            "ridges", "ridges: [0, {logspace: {from: 0.001, to: 1, count: 2000000000}}]");
    long start = System.nanoTime();
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(spec, "t.yaml"));
    assertTrue(e.getMessage().contains("count"), e.getMessage());
    assertTrue(e.getMessage().contains("(line 14)"), e.getMessage());
    assertTrue(
        e.getMessage().contains("at most 10000 values on one axis, found 2000000000"),
        e.getMessage());
    assertTrue((System.nanoTime() - start) < 5_000_000_000L, "refused without building the axis");
  }

  @Test
  void aListLongerThanTheCapIsNamed() {
    StringBuilder widths = new StringBuilder("widths: [");
    for (int i = 1; i <= 10_001; i++) {
      widths.append(i == 1 ? "" : ", ").append(i);
    }
    String spec = Specs.smallWith("widths", widths.append("]").toString());
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(spec, "t.yaml"));
    assertTrue(e.getMessage().startsWith("grid.widths (line 12)"), e.getMessage());
    assertTrue(e.getMessage().contains("found 10001"), e.getMessage());
  }

  @Test
  void aSpecOverOneMebibyteIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, Specs.small() + "#" + "x".repeat(2 << 20) + "\n");
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("a spec is at most 1048576 bytes (1 MiB)"), e.getMessage());
  }
}
