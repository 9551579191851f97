package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.testing.Cli;
import org.rfsweep.testing.Specs;
import org.rfsweep.theory.Eigenframework;
import org.rfsweep.theory.OptimalRidge;
import org.rfsweep.theory.Spectrum;

class TheoryCommandTest {

  private static String[] run(String... args) {
    Cli.Outcome outcome = Cli.execute(args);
    return new String[] {String.valueOf(outcome.code()), outcome.out(), outcome.err()};
  }

  @Test
  void printsEveryCombinationAsCsvWithTheEigenframeworksValues() {
    String[] result =
        run(
            "theory",
            "--alpha",
            "1.5",
            "--beta",
            "1.5",
            "--modes",
            "2000",
            "--noise",
            "0.5",
            "--width",
            "64,256,inf",
            "--samples",
            "100,256",
            "--ridge",
            "0,0.01,1",
            "--csv");
    assertEquals("0", result[0], result[2]);
    List<String> lines = result[1].lines().toList();
    assertEquals("width,samples,ridge,test_mse,train_mse,gamma,kappa", lines.get(0));
    assertEquals(1 + 3 * 2 * 3, lines.size());
    Eigenframework theory = new Eigenframework(Spectrum.powerLaw(1.5, 1.5, 2000), 0.5);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double width = f[0].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[0]);
      double expected =
          theory.estimate(width, Double.parseDouble(f[1]), Double.parseDouble(f[2])).testMse();
      assertEquals(String.valueOf(expected).replace("Infinity", "inf"), f[3], line);
    }
    assertTrue(result[1].contains("\ninf,256,0.0,"), "kernel rows print width as inf");
  }

  @Test
  void printsTheValuesOfAnIndependentSolver() throws Exception {
    // src/test/resources/golden/eigenframework_golden.py: numpy and plain bisection, not rfsweep.
    for (String line :
        Files.readAllLines(Path.of("src/test/resources/golden/eigenframework_golden.txt"))) {
      String[] g = line.trim().split("\\s+");
      String[] result =
          run(
              "theory",
              "--alpha",
              "1.5",
              "--beta",
              "1.5",
              "--modes",
              "2000",
              "--noise",
              "0.5",
              "--width",
              g[0],
              "--samples",
              g[1],
              "--ridge",
              g[2],
              "--csv");
      assertEquals("0", result[0], result[2]);
      String[] row = result[1].lines().toList().get(1).split(",");
      double expected = Double.parseDouble(g[3]);
      assertEquals(expected, Double.parseDouble(row[3]), 1e-10 * expected, line);
    }
  }

  @Test
  void ridgelessPeakPrintsInfinity() {
    String[] result =
        run(
            "theory",
            "--alpha",
            "1.5",
            "--beta",
            "1.2",
            "--modes",
            "500",
            "--width",
            "100",
            "--samples",
            "100",
            "--ridge",
            "0",
            "--csv");
    assertEquals("100,100,0.0,inf,0.0", result[1].lines().toList().get(1).substring(0, 19));
  }

  @Test
  void optimalRidgeColumnsAndParquetOutput(@TempDir Path dir) {
    Path table = dir.resolve("theory");
    String[] result =
        run(
            "theory",
            "--alpha",
            "1.17",
            "--beta",
            "1.14",
            "--modes",
            "tail",
            "--width",
            "inf",
            "--samples",
            "1000,10000",
            "--optimal-ridge",
            "--csv",
            "--parquet",
            table.toString());
    assertEquals("0", result[0], result[2]);
    List<String> lines = result[1].lines().toList();
    assertEquals("width,samples,ridge,test_mse,train_mse,fitting_ratio", lines.get(0));
    double ratio = Double.parseDouble(lines.get(2).split(",")[5]);
    assertEquals(0.024, ratio, 5e-4, "R* of alpha=1.17, beta=1.14 without noise");
    ParquetTable written = ParquetTable.read(table);
    assertEquals(
        List.of("width", "samples", "ridge", "test_mse", "train_mse", "fitting_ratio"),
        written.columns());
    assertEquals(2, written.rows().size());
    OptimalRidge.Result best =
        OptimalRidge.find(
            new Eigenframework(Spectrum.powerLawWithTail(1.17, 1.14), 0.0),
            Double.POSITIVE_INFINITY,
            1000);
    assertEquals(best.testMse(), (Double) written.rows().get(0)[3]);
  }

  @Test
  void takesTheTaskCellsAndRidgesFromASpec(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("s.yaml");
    Files.writeString(spec, Specs.small());
    String[] result = run("theory", spec.toString(), "--csv");
    assertEquals("0", result[0], result[2]);
    // Every (cell, ridge) of the spec once: 3 widths x 3 sample counts x 3 ridges.
    java.util.Set<String> printed = new java.util.HashSet<>();
    result[1]
        .lines()
        .skip(1)
        .forEach(l -> printed.add(String.join(",", List.of(l.split(",")).subList(0, 3))));
    java.util.Set<String> expected = new java.util.HashSet<>();
    for (int width : new int[] {8, 24, 48}) {
      for (int samples : new int[] {16, 24, 40}) {
        for (String ridge : new String[] {"0.0", "0.01", "1.0"}) {
          expected.add(width + "," + samples + "," + ridge);
        }
      }
    }
    assertEquals(expected, printed);
    assertEquals(1 + expected.size(), result[1].lines().count(), "no row twice");
  }

  @Test
  void badFlagsNameTheFlag() {
    String[] result =
        run(
            "theory",
            "--alpha",
            "0.9",
            "--beta",
            "1.2",
            "--modes",
            "100",
            "--width",
            "10",
            "--samples",
            "10",
            "--ridge",
            "0");
    assertEquals("2", result[0]);
    assertEquals("rfsweep: --alpha: must be > 1, found 0.9", result[2].strip());
    result =
        run(
            "theory",
            "--alpha",
            "1.5",
            "--beta",
            "2.8",
            "--modes",
            "tail",
            "--width",
            "10",
            "--samples",
            "10",
            "--ridge",
            "0");
    assertTrue(
        result[2].startsWith("rfsweep: --modes tail: needs 1 < beta < 1 + alpha"), result[2]);
    result =
        run(
            "theory",
            "--alpha",
            "1.5",
            "--beta",
            "1.2",
            "--modes",
            "100",
            "--width",
            "10",
            "--samples",
            "10",
            "--ridge",
            "-1");
    assertEquals("rfsweep: --ridge: must be a finite number >= 0, found -1", result[2].strip());
  }
}
