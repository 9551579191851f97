package org.rfsweep.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rfsweep.data.PowerLawSource;
import org.rfsweep.data.TaskSource;
import org.rfsweep.features.FeatureMap;
import org.rfsweep.features.LinearFeatureMap;
import org.rfsweep.features.ReluFeatureMap;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.RandomStreams;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.solver.EigenRidgePath;
import org.rfsweep.solver.RidgeSolution;
import org.rfsweep.spec.PowerLawTaskSpec;

class UnitRunnerTest {
  private static final PowerLawTaskSpec TASK = new PowerLawTaskSpec(1.5, 1.3, 0.25, 200, 4000);
  private static final long JOB_SEED = 99;

  private static Projector projector(TaskSource source, FeatureMap map, int bankWidth, int seed) {
    double[] bank = new double[source.inputDimension() * bankWidth];
    map.weights(JOB_SEED, seed, 0, bankWidth, bank);
    return new Projector(NativeLinalg.blas(), source, map, bank, JOB_SEED, seed);
  }

  @Test
  void widthNFeaturesAreTheFirstNColumnsOfWidth2NAndSamplesNest() {
    PowerLawSource source = new PowerLawSource(TASK);
    FeatureMap map = new ReluFeatureMap(source.inputDimension(), source.meanSquaredNorm());
    int n = 40;
    int width = 30;
    SharedFeatures narrow =
        new SharedFeatures(projector(source, map, width, 0), List.of(new Cell(width, n)), 1);
    SharedFeatures wide =
        new SharedFeatures(
            projector(source, map, 2 * width, 0),
            List.of(new Cell(2 * width, 2 * n), new Cell(5, 7)),
            1);
    double[] phiNarrow = new double[n * width];
    double[] phiWide = new double[2 * n * 2 * width];
    narrow.assemble(n, width, phiNarrow);
    wide.assemble(2 * n, 2 * width, phiWide);
    double rescale =
        Math.sqrt(2.0); // Phi carries 1/sqrt(width): compare the raw features g_j(x_i).
    for (int j = 0; j < width; j++) {
      for (int i = 0; i < n; i++) {
        assertEquals(
            phiNarrow[j * n + i],
            phiWide[j * 2 * n + i] * rescale,
            1e-12 * Math.abs(phiNarrow[j * n + i]),
            "feature " + j + " of sample " + i);
      }
    }
    double[] labelsNarrow = new double[n];
    double[] labelsWide = new double[2 * n];
    narrow.labels(n, labelsNarrow);
    wide.labels(2 * n, labelsWide);
    assertArrayEquals(labelsNarrow, java.util.Arrays.copyOf(labelsWide, n));
  }

  /**
   * A cell's rows are the same bits alone, in its whole unit and in any part of it, so a seed's
   * unit may be cut however the slots suit: odd and even widths and sample counts (a lone last
   * column and strips of every shape in the projections), cells inside the first strip and across
   * strips, samples across projection blocks, the exact linear risk and the risk on sampled test
   * points, with and without leave-one-out.
   */
  @ParameterizedTest
  @CsvSource({"linear, true", "linear, false", "relu, true", "relu, false"})
  void aCellsBitsDoNotDependOnTheOtherCellsOfItsUnit(String feature, boolean loo) {
    // 4,100 modes: projection blocks of 256 rows (ProjectionBlock), so 300 samples take two, and
    // a block may span strips; several of OpenBLAS's K blocks per product.
    PowerLawSource source = new PowerLawSource(new PowerLawTaskSpec(1.5, 1.3, 0.25, 4100, 101));
    FeatureMap map =
        feature.equals("relu")
            ? new ReluFeatureMap(source.inputDimension(), source.meanSquaredNorm())
            : new LinearFeatureMap(source.inputDimension());
    double[] ridges = {0.0, 1e-3, 0.1, 3.0, 10.0};
    UnitRunner runner = new UnitRunner(source, map, JOB_SEED, ridges, 101, loo);
    List<Cell> cells =
        List.of(
            new Cell(7, 9),
            new Cell(24, 32),
            new Cell(37, 45),
            new Cell(45, 37),
            new Cell(8, 64),
            new Cell(64, 16),
            new Cell(9, 131),
            new Cell(131, 11),
            new Cell(1, 20),
            new Cell(21, 300),
            new Cell(300, 21));
    List<FitResult> whole = runner.run(new WorkUnit(2, cells));
    List<FitResult> parts = new ArrayList<>();
    for (Cell cell : cells) {
      parts.addAll(runner.run(new WorkUnit(2, List.of(cell))));
    }
    parts.addAll(runner.run(new WorkUnit(2, cells.subList(0, 4))));
    parts.addAll(runner.run(new WorkUnit(2, cells.subList(4, cells.size()))));
    assertEquals(cells.size() * ridges.length, whole.size());
    for (FitResult expected : whole) {
      List<FitResult> same =
          parts.stream()
              .filter(
                  f ->
                      f.width() == expected.width()
                          && f.samples() == expected.samples()
                          && f.ridge() == expected.ridge())
              .toList();
      assertEquals(2, same.size());
      for (FitResult part : same) {
        String what = "cell (" + expected.width() + ", " + expected.samples() + ")";
        assertEquals(expected.status(), part.status(), what);
        assertEquals(bits(expected.trainMse()), bits(part.trainMse()), what + " train");
        assertEquals(bits(expected.testMse()), bits(part.testMse()), what + " test");
        assertEquals(bits(expected.looMse()), bits(part.looMse()), what + " loo");
        assertEquals(bits(expected.gcvMse()), bits(part.gcvMse()), what + " gcv");
      }
    }
  }

  private static long bits(double value) {
    return Double.doubleToRawLongBits(value);
  }

  @Test
  void aUnitGivesTheSameBitsWhateverItsThreadRanBefore() throws Exception {
    // The promise behind resuming: a unit's rows do not depend on the units its thread (and the
    // arrays it reuses) ran before it, under this runner or another one. The LAPACK workspace bug
    // fixed in e66f433 broke exactly this.
    PowerLawSource source = new PowerLawSource(TASK);
    double[] ridges = {0.0, 0.1, 3.0};
    WorkUnit unit = new WorkUnit(2, List.of(new Cell(24, 32), new Cell(40, 16)));
    FeatureMap relu = new ReluFeatureMap(source.inputDimension(), source.meanSquaredNorm());
    List<FitResult> fresh =
        onNewThread(() -> new UnitRunner(source, relu, JOB_SEED, ridges, 100).run(unit));
    // Larger first, and under another runner (another feature map and leave-one-out off), so
    // every array the unit reads is longer than it needs and holds other numbers.
    new UnitRunner(
            source, new LinearFeatureMap(source.inputDimension()), JOB_SEED, ridges, 100, false)
        .run(new WorkUnit(0, List.of(new Cell(300, 200), new Cell(200, 300))));
    UnitRunner used = new UnitRunner(source, relu, JOB_SEED, ridges, 100);
    used.run(new WorkUnit(0, List.of(new Cell(300, 200), new Cell(200, 300))));
    List<FitResult> after = used.run(unit);
    assertEquals(fresh.size(), after.size());
    for (int i = 0; i < fresh.size(); i++) {
      assertEquals(
          Double.doubleToLongBits(fresh.get(i).testMse()),
          Double.doubleToLongBits(after.get(i).testMse()),
          "test risk of " + fresh.get(i));
      assertEquals(
          Double.doubleToLongBits(fresh.get(i).trainMse()),
          Double.doubleToLongBits(after.get(i).trainMse()),
          "train risk of " + fresh.get(i));
      assertEquals(
          Double.doubleToLongBits(fresh.get(i).looMse()),
          Double.doubleToLongBits(after.get(i).looMse()),
          "LOO of " + fresh.get(i));
    }
  }

  @Test
  void aUnitsCellsShareTheirTestRiskProductsWhateverTheirRidgesAndWidths() {
    PowerLawSource source = new PowerLawSource(TASK);
    LinearFeatureMap map = new LinearFeatureMap(source.inputDimension());
    List<Cell> cells =
        List.of(new Cell(32, 16), new Cell(32, 48), new Cell(32, 96), new Cell(8, 96));
    for (int count : new int[] {4, 6, 3, 5}) {
      double[] ridges = new double[count];
      for (int r = 1; r < count; r++) {
        ridges[r] = Math.pow(10, r - 3);
      }
      List<FitResult> rows =
          new UnitRunner(source, map, JOB_SEED, ridges, 100).run(new WorkUnit(1, cells));
      assertTrue(rows.stream().allMatch(f -> FitResult.OK.equals(f.status())), count + " ridges");
      // One set of products for all four cells, odd ridge counts padded, its time split by width:
      // the same seconds per feature in every cell, which four products timed one by one would
      // give only by chance.
      double perFeature = rows.get(0).testRiskSeconds() / 32;
      assertTrue(perFeature > 0, "the products were timed");
      for (int c = 1; c < cells.size(); c++) {
        FitResult first = rows.get(c * count);
        assertEquals(
            perFeature,
            first.testRiskSeconds() / first.width(),
            1e-12 * perFeature,
            count + " ridges share");
      }
    }
  }

  @Test
  void sharedTestRiskProductsGiveEachCellTheBitsOfItsOwn() {
    // What sharing rests on, checked on the native library: cells of any widths through the same
    // blocks of the bank (widths below, at and across the block of 128, two of one width), the
    // modes in two chunks and a part; each cell's risks the bits of its own products, and the
    // risk as written (docs/THEORY.md section 1) to rounding.
    PowerLawSource source = new PowerLawSource(new PowerLawTaskSpec(1.5, 1.3, 0.25, 4100, 10));
    int d = source.inputDimension();
    int[] widths = {300, 48, 129, 128, 48, 7, 256, 1};
    int bankWidth = 300;
    double[] bank = new double[d * bankWidth];
    new LinearFeatureMap(d).weights(JOB_SEED, 0, 0, bankWidth, bank);
    ExactLinearRisk risk = new ExactLinearRisk(NativeLinalg.blas(), source, bank);
    assertTrue(risk.sharesProducts());
    java.util.Random random = new java.util.Random(5);
    for (int ridges : new int[] {1, 2, 7, 12, 31}) {
      int length = 0;
      for (int width : widths) {
        length += width * ridges;
      }
      double[] stack = new double[length];
      for (int i = 0; i < stack.length; i++) {
        stack[i] = random.nextGaussian();
      }
      double[] together = new double[widths.length * ridges];
      risk.evaluateShared(stack, widths, ridges, together);
      int offset = 0;
      for (int c = 0; c < widths.length; c++) {
        int width = widths[c];
        RidgeSolution alone = new RidgeSolution();
        alone.reset(width, 1, ridges);
        System.arraycopy(stack, offset, alone.coefficients(), 0, width * ridges);
        double[] out = new double[ridges];
        risk.evaluate(alone, out);
        for (int r = 0; r < ridges; r++) {
          String what = "cell " + c + " (width " + width + "), column " + r + " of " + ridges;
          assertEquals(bits(out[r]), bits(together[c * ridges + r]), what);
          double expected = source.noiseVariance();
          for (int i = 0; i < d; i++) {
            double projection = 0;
            for (int j = 0; j < width; j++) {
              projection += bank[j * d + i] * stack[offset + r * width + j];
            }
            double error =
                source.sqrtEigenvalues()[i] * projection / Math.sqrt(width)
                    - source.targetCoefficients()[i];
            expected += error * error;
          }
          assertEquals(expected, out[r], 1e-12 * expected, what);
        }
        offset += width * ridges;
      }
    }
  }

  @Test
  void runnersOnOneThreadShareItsArraysAndAnotherThreadHasItsOwn() throws Exception {
    PowerLawSource source = new PowerLawSource(TASK);
    double[] ridges = {0.0, 0.1};
    WorkUnit unit = new WorkUnit(3, List.of(new Cell(64, 48), new Cell(16, 96)));
    onNewThread(
        () -> {
          ThreadArrays arrays = ThreadArrays.ofThisThread();
          new UnitRunner(
                  source, new LinearFeatureMap(source.inputDimension()), JOB_SEED, ridges, 100)
              .run(unit);
          double[] bank = arrays.bank.get(0);
          double[] strip = arrays.get(0, 0);
          assertTrue(
              bank.length >= source.inputDimension() * 64, "the unit's bank is the thread's");
          // Another runner (a new Spark task's) on the same thread: no array allocated again.
          new UnitRunner(
                  source, new LinearFeatureMap(source.inputDimension()), JOB_SEED, ridges, 100)
              .run(new WorkUnit(4, unit.cells()));
          assertSame(arrays, ThreadArrays.ofThisThread());
          assertSame(bank, arrays.bank.get(0));
          assertSame(strip, arrays.get(0, 0));
          assertNotSame(arrays, onNewThread(ThreadArrays::ofThisThread));
          return null;
        });
  }

  @Test
  void theArraysAThreadKeepsAreTheOnesThePlanCounts() throws Exception {
    org.rfsweep.spec.JobSpec spec =
        org.rfsweep.spec.SpecLoader.parse(org.rfsweep.testing.Specs.small(), "small.yaml");
    WorkUnit unit = org.rfsweep.grid.GridPlan.of(spec).units().get(0);
    org.rfsweep.grid.CostModel.Kept kept = org.rfsweep.grid.CostModel.of(spec, unit).kept();
    onNewThread(
        () -> {
          SparkUnitTask.runner(spec).run(unit);
          ThreadArrays arrays = ThreadArrays.ofThisThread();
          assertEquals(kept.bank(), 8L * arrays.bank.get(0).length, "the bank");
          long strips = 0;
          for (int k = 0; k < new org.rfsweep.grid.Staircase(unit.cells()).strips(); k++) {
            strips += 8L * arrays.get(k, 0).length;
          }
          assertEquals(kept.strips(), strips, "the strips");
          assertEquals(
              kept.risk(),
              8L
                  * (arrays.riskProducts.get(0).length
                      + arrays.riskStaged.get(0).length
                      + arrays.sharedCoefficients.get(0).length),
              "the exact test risk's products");
          return null;
        });
  }

  /** Runs {@code work} on a thread of its own (with arrays of its own) and returns its result. */
  private static <T> T onNewThread(java.util.concurrent.Callable<T> work) throws Exception {
    java.util.concurrent.ExecutorService thread =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      return thread.submit(work).get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error; // an assertion failed on that thread
      }
      throw e;
    } finally {
      thread.shutdown();
    }
  }

  @Test
  void leaveOneOutOffLeavesItsColumnNaNAndEveryOtherColumnAsItWas() {
    PowerLawSource source = new PowerLawSource(TASK);
    double[] ridges = {0.0, 0.1};
    WorkUnit unit = new WorkUnit(1, List.of(new Cell(16, 48), new Cell(48, 16)));
    List<FitResult> with =
        new UnitRunner(
                source, new LinearFeatureMap(source.inputDimension()), JOB_SEED, ridges, 100, true)
            .run(unit);
    List<FitResult> without =
        new UnitRunner(
                source, new LinearFeatureMap(source.inputDimension()), JOB_SEED, ridges, 100, false)
            .run(unit);
    for (int i = 0; i < with.size(); i++) {
      assertTrue(Double.isFinite(with.get(i).looMse()));
      assertTrue(Double.isNaN(without.get(i).looMse()));
      assertEquals(with.get(i).testMse(), without.get(i).testMse(), 1e-10 * with.get(i).testMse());
      assertEquals(
          with.get(i).trainMse(),
          without.get(i).trainMse(),
          1e-10 * with.get(i).trainMse() + 1e-14);
    }
  }

  @Test
  void streamedTestRiskIsTheRiskOnHeldTestFeaturesBitForBit() {
    // d = 2000 makes projection blocks of 524 rows, so 1200 test points take three blocks, the last
    // one short.
    PowerLawSource source = new PowerLawSource(new PowerLawTaskSpec(1.5, 1.3, 0.25, 2000, 1200));
    FeatureMap map = new ReluFeatureMap(source.inputDimension(), source.meanSquaredNorm());
    int width = 47; // odd: the last feature's column computed as the first of a pair
    int n = 64;
    int points = 1200;
    int seed = 3;
    Projector projector = projector(source, map, width, seed);
    SharedFeatures train = new SharedFeatures(projector, List.of(new Cell(width, n)), 1);
    double[] phi = new double[n * width];
    double[] y = new double[n];
    train.assemble(n, width, phi);
    train.labels(n, y);
    RidgeSolution solution = new RidgeSolution();
    new EigenRidgePath().fit(phi, n, width, y, 1, new double[] {0.0, 0.01, 1.0}, solution);

    double[] testFeatures = new double[points * width];
    double[] testLabels = new double[points];
    projector.project(
        RandomStreams.TEST, 0, points, width, testFeatures, 0, points, testLabels, points);
    double[] held = new double[3];
    double[] streamed = new double[3];
    new SampledTestRisk(NativeLinalg.blas(), testFeatures, testLabels, points, 1)
        .evaluate(solution, held);
    new StreamedTestRisk(NativeLinalg.blas(), source, map, JOB_SEED, seed, points)
        .evaluate(solution, streamed);
    for (int r = 0; r < 3; r++) {
      assertTrue(held[r] > 0);
      assertEquals(
          Double.doubleToRawLongBits(held[r]),
          Double.doubleToRawLongBits(streamed[r]),
          "ridge index " + r);
    }
  }

  @Test
  void exactLinearRiskAgreesWithFreshTestPoints() {
    // The exact formula and a 4000-point test set estimate the same risk; their gap is
    // test-sampling noise.
    PowerLawSource source = new PowerLawSource(TASK);
    double[] ridges = {0.0, 0.05, 1.0};
    LinearFeatureMap map = new LinearFeatureMap(source.inputDimension());
    WorkUnit unit = new WorkUnit(0, List.of(new Cell(30, 60), new Cell(80, 40)));
    List<FitResult> exact =
        new UnitRunner(source, map, JOB_SEED, ridges, TASK.testSamples()).run(unit);
    // A source that is not a GaussianLinearTask forces the sampled path with the same draws.
    TaskSource opaque = new ForwardingSource(source);
    List<FitResult> sampled =
        new UnitRunner(
                opaque,
                new LinearFeatureMap(opaque.inputDimension()),
                JOB_SEED,
                ridges,
                TASK.testSamples())
            .run(unit);
    for (int i = 0; i < exact.size(); i++) {
      double risk = exact.get(i).testMse();
      // Squared errors of a Gaussian residual have relative sd sqrt(2); 4 sd of a 4000-point mean.
      double tolerance = 4 * Math.sqrt(2.0 / TASK.testSamples()) * risk;
      assertEquals(risk, sampled.get(i).testMse(), tolerance, "row " + i);
      assertEquals(
          exact.get(i).trainMse(), sampled.get(i).trainMse(), 1e-12 * exact.get(i).trainMse());
    }
  }

  @Test
  void exactLinearRiskIsTheIdentityOnTheFittedCoefficients() {
    // E_te = |Lambda^1/2 W^T a / sqrt(N) - v|^2 + sigma^2, recomputed here term by term from the
    // coefficients: an identity, so it holds to rounding.
    PowerLawSource source = new PowerLawSource(TASK);
    LinearFeatureMap map = new LinearFeatureMap(source.inputDimension());
    int width = 30;
    int n = 60;
    // Seven ridges: a block of four summed side by side and three one at a time.
    double[] ridges = {0.0, 0.01, 0.05, 0.2, 1.0, 3.0, 10.0};
    CellFeatures cell = CellFeatures.of(source, map, JOB_SEED, width, n);
    RidgeSolution solution = new RidgeSolution();
    new EigenRidgePath().fit(cell.phi(), n, width, cell.labels(), 1, ridges, solution);
    int d = source.inputDimension();
    double[] bank = new double[d * width];
    map.weights(JOB_SEED, 0, 0, width, bank);
    double[] risk = new double[ridges.length];
    new ExactLinearRisk(NativeLinalg.blas(), source, bank).evaluate(solution, risk);
    double[] sqrtLambda = source.sqrtEigenvalues();
    double[] v = source.targetCoefficients();
    for (int r = 0; r < ridges.length; r++) {
      double expected = TASK.noise();
      for (int i = 0; i < d; i++) {
        double projection = 0;
        for (int j = 0; j < width; j++) {
          projection += bank[j * d + i] * solution.coefficient(r, 0, j);
        }
        double error = sqrtLambda[i] * projection / Math.sqrt(width) - v[i];
        expected += error * error;
      }
      assertEquals(expected, risk[r], 1e-12 * expected, "ridge " + ridges[r]);
    }
  }

  @Test
  void aNumericalFailureBecomesFailedRowsAndTheUnitCarriesOn() {
    // Sample 50 of this source's stream has a NaN input: every cell using it fails, smaller cells
    // do not.
    TaskSource poisoned =
        new ForwardingSource(new PowerLawSource(TASK)) {
          @Override
          public void draw(
              String stream,
              long jobSeed,
              int seedIndex,
              int from,
              int count,
              double[] inputs,
              double[] labels,
              int labelRows) {
            super.draw(stream, jobSeed, seedIndex, from, count, inputs, labels, labelRows);
            if (from <= 50 && 50 < from + count) {
              inputs[(50 - from) * inputDimension()] = Double.NaN;
            }
          }
        };
    double[] ridges = {0.0, 1.0};
    UnitRunner runner =
        new UnitRunner(
            poisoned, new LinearFeatureMap(poisoned.inputDimension()), JOB_SEED, ridges, 50);
    List<FitResult> results =
        runner.run(new WorkUnit(0, List.of(new Cell(10, 40), new Cell(10, 80), new Cell(120, 80))));
    assertEquals(6, results.size());
    for (FitResult fit : results) {
      if (fit.samples() <= 50) {
        assertEquals(FitResult.OK, fit.status());
        assertTrue(Double.isFinite(fit.testMse()));
      } else {
        assertEquals(FitResult.FAILED, fit.status(), fit.toString());
        assertTrue(fit.error().contains("dsyevd"), fit.error());
        assertTrue(Double.isNaN(fit.testMse()));
      }
    }
  }

  /** A task source that hides everything but the TaskSource interface of another. */
  static class ForwardingSource implements TaskSource {
    private final TaskSource inner;

    ForwardingSource(TaskSource inner) {
      this.inner = inner;
    }

    @Override
    public int inputDimension() {
      return inner.inputDimension();
    }

    @Override
    public int outputs() {
      return inner.outputs();
    }

    @Override
    public double meanSquaredNorm() {
      return inner.meanSquaredNorm();
    }

    @Override
    public void draw(
        String stream,
        long jobSeed,
        int seedIndex,
        int from,
        int count,
        double[] inputs,
        double[] labels,
        int labelRows) {
      inner.draw(stream, jobSeed, seedIndex, from, count, inputs, labels, labelRows);
    }
  }
}
