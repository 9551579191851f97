package org.rfsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecException;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.Specs;

class GridPlanTest {

  @Test
  void expandsTheProductIntoOneUnitPerSeed() {
    JobSpec spec = SpecLoader.parse(Specs.small(), "t");
    GridPlan plan = GridPlan.of(spec);
    assertEquals(9, plan.cells().size());
    assertEquals(27, plan.fits());
    assertEquals(81, plan.rows());
    assertEquals(3, plan.units().size());
    assertEquals(List.of(0, 1, 2), plan.units().stream().map(WorkUnit::seedIndex).toList());
  }

  @Test
  void sweepsAreAUnionWithoutDuplicates() {
    String text =
        Specs.small()
            .replace(
                """
          widths: [8, 24, 48]
          samples: [16, 24, 40]
        """,
                """
          sweeps:
            - {widths: [8, 16, 32], samples: [16]}
            - {widths: [16], samples: [8, 16, 32]}
        """);
    assertEquals(
        List.of(
            new Cell(8, 16), new Cell(16, 8), new Cell(16, 16), new Cell(16, 32), new Cell(32, 16)),
        GridPlan.of(SpecLoader.parse(text, "t")).cells());
  }

  @Test
  void refusesACellLargerThanOneJavaArray() {
    String text =
        Specs.small()
            .replace("widths: [8, 24, 48]", "widths: [50000]")
            .replace("samples: [16, 24, 40]", "samples: [50000]");
    SpecException e =
        assertThrows(SpecException.class, () -> GridPlan.of(SpecLoader.parse(text, "t")));
    assertEquals(
        "grid: cell (width 50000, samples 50000) needs a feature matrix of 2500000000 entries, above the "
            + "2^31 limit of one Java array",
        e.getMessage());
  }

  @Test
  void staircaseCoversEachCellWithThinStrips() {
    // The paper's Fig. 1 shape: widths swept at n = 4, samples swept at N = 2.
    List<Cell> cells =
        List.of(new Cell(2, 4), new Cell(8, 4), new Cell(16, 4), new Cell(2, 32), new Cell(2, 64));
    Staircase stairs = new Staircase(cells);
    assertEquals(3, stairs.strips());
    assertEquals(16, stairs.columns(0));
    assertEquals(2, stairs.columns(1));
    assertEquals(2, stairs.columns(2));
    assertEquals(64, stairs.maxSamples());
    assertEquals(4 * 16 + 28 * 2 + 32 * 2, stairs.entries());
  }

  @Test
  void streamSeedsDependOnEveryCoordinateAndNothingElse() {
    long base = RandomStreams.seed(1, 0, RandomStreams.TRAIN, 5);
    assertEquals(base, RandomStreams.seed(1, 0, RandomStreams.TRAIN, 5));
    assertNotEquals(base, RandomStreams.seed(2, 0, RandomStreams.TRAIN, 5));
    assertNotEquals(base, RandomStreams.seed(1, 1, RandomStreams.TRAIN, 5));
    assertNotEquals(base, RandomStreams.seed(1, 0, RandomStreams.TEST, 5));
    assertNotEquals(base, RandomStreams.seed(1, 0, RandomStreams.TRAIN, 6));
  }
}
