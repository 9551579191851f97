package org.rfsweep.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rfsweep.aggregate.ExponentRow;
import org.rfsweep.aggregate.ExponentsTable;
import org.rfsweep.aggregate.SeedRisk;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.run.ResultsVersion;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.task.FitResult;
import org.rfsweep.task.SparkUnitTask;
import org.rfsweep.task.UnitRunner;
import org.rfsweep.theory.RiskEstimate;
import org.rfsweep.theory.Spectrum;
import org.rfsweep.theory.TheorySweep;

/**
 * Numbers pinned so that a refactor that changes them fails loudly. Each file beside this test's
 * resources says how it was made: {@code eigenframework_golden.py} solves the eigenframework
 * independently (numpy, plain bisection); {@code regenerate.sh} runs {@code golden.yaml} through
 * the real CLI and keeps a few cells and one exponent fit, which this test recomputes without
 * Spark: the cells bit for bit, the exponent to rounding.
 */
class GoldenValuesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  /**
   * The independent solver bisects to double precision; the two agree to about 1e-13 (measured).
   */
  private static final double THEORY_RELATIVE = 1e-10;

  /**
   * The exponent is a minimum found to about 1e-8 by Brent's method (and sums over cells in the
   * order the tables collected them, which may differ from here): a search that lands elsewhere
   * inside that tolerance is the same answer.
   */
  private static final double EXPONENT_RELATIVE = 1e-6;

  private static List<String[]> rows(String file) throws IOException {
    return Files.readAllLines(GOLDEN.resolve(file)).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> l.trim().split("\\s+"))
        .toList();
  }

  @Test
  void theoryMatchesAnIndependentSolver() throws IOException {
    Spectrum spectrum = Spectrum.powerLaw(1.5, 1.5, 2000);
    List<String[]> golden = rows("eigenframework_golden.txt");
    assertEquals(7, golden.size());
    for (String[] g : golden) {
      double width = g[0].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(g[0]);
      double samples = Double.parseDouble(g[1]);
      double ridge = Double.parseDouble(g[2]);
      RiskEstimate e =
          TheorySweep.estimates(
              spectrum, 0.5, new double[] {width}, new double[] {samples}, new double[] {ridge})[0][
              0];
      double test = Double.parseDouble(g[3]);
      double train = Double.parseDouble(g[4]);
      String point = "(" + g[0] + ", " + g[1] + ", " + g[2] + ")";
      assertEquals(test, e.testMse(), THEORY_RELATIVE * test, "test risk at " + point);
      if (train < 1e-20) { // interpolation: zero up to the solver's rounding
        assertTrue(
            Math.abs(e.trainMse()) < 1e-12 * test, "train risk at " + point + ": " + e.trainMse());
      } else {
        assertEquals(train, e.trainMse(), THEORY_RELATIVE * train, "train risk at " + point);
      }
    }
  }

  @Test
  void sweepCellsAndExponentAreThoseTheCliWrote() throws IOException {
    JobSpec spec = SpecLoader.load(GOLDEN.resolve("golden.yaml"));
    UnitRunner runner = SparkUnitTask.runner(spec);
    List<FitResult> fits = new ArrayList<>();
    for (WorkUnit unit : GridPlan.of(spec).units()) {
      fits.addAll(runner.run(unit));
    }
    List<String[]> golden = rows("golden_sweep.txt");
    golden = golden.subList(1, golden.size()); // after the results_version line
    int cells = 0;
    for (String[] g : golden.subList(0, 4)) {
      FitResult fit =
          fits.stream()
              .filter(
                  f ->
                      f.width() == Integer.parseInt(g[0])
                          && f.samples() == Integer.parseInt(g[1])
                          && f.ridge() == Double.parseDouble(g[2])
                          && f.seed() == Integer.parseInt(g[3]))
              .findFirst()
              .orElseThrow();
      assertEquals(
          Double.doubleToLongBits(Double.parseDouble(g[4])),
          Double.doubleToLongBits(fit.testMse()),
          "test risk of " + String.join(" ", g));
      assertEquals(
          Double.doubleToLongBits(Double.parseDouble(g[5])),
          Double.doubleToLongBits(fit.trainMse()),
          "train risk of " + String.join(" ", g));
      cells++;
    }
    assertEquals(4, cells);

    List<SeedRisk> seeds =
        fits.stream()
            .map(
                f ->
                    new SeedRisk(
                        f.width(), f.samples(), f.ridge(), f.seed(), f.testMse(), f.trainMse()))
            .toList();
    List<ExponentRow> exponents = ExponentsTable.compute(seeds, Map.of(), 200, 20240101L);
    for (String[] g : golden.subList(4, golden.size())) {
      ExponentRow row =
          exponents.stream()
              .filter(
                  e ->
                      e.sweep().equals(g[0])
                          && e.model().equals(g[1])
                          && e.fixedAxis().equals(g[2])
                          && e.fixedValue() == Integer.parseInt(g[3]))
              .findFirst()
              .orElseThrow();
      double expected = Double.parseDouble(g[4]);
      assertEquals(
          expected,
          row.exponent(),
          EXPONENT_RELATIVE * expected,
          "exponent " + String.join(" ", g));
    }
  }

  /**
   * Numbers that change without a new results version would be keyed like the old ones, and a
   * folder would mix them: the golden values are regenerated only together with a bump.
   */
  @Test
  void goldenValuesAreOfTheCurrentResultsVersion() throws IOException {
    String[] header = rows("golden_sweep.txt").get(0);
    assertEquals("results_version", header[0]);
    assertEquals(
        header[1],
        ResultsVersion.CURRENT,
        "golden_sweep.txt holds results version "
            + header[1]
            + ": if the numbers changed on purpose, bump ResultsVersion.CURRENT and run regenerate.sh");
  }
}
