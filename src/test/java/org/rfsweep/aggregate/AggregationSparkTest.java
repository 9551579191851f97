package org.rfsweep.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rfsweep.io.RunLabel;
import org.rfsweep.run.FitsRow;
import org.rfsweep.run.JobColumns;
import org.rfsweep.run.RowStamp;
import org.rfsweep.run.TheoryValues;
import org.rfsweep.solver.PathTimings;
import org.rfsweep.task.FitResult;
import org.rfsweep.testing.SharedSpark;

/**
 * The aggregation on a hand-made fits table: two widths at n = 5, two ridges, three seeds, with
 * values chosen so every statistic can be worked out by hand.
 */
@Tag("spark")
@ExtendWith(SharedSpark.class)
class AggregationSparkTest {
  private static final RowStamp STAMP =
      new RowStamp(
          new RunLabel("hand", "0000"),
          new JobColumns(
              "powerlaw(alpha=1.5,beta=1.5,noise=0.1,modes=100)/linear",
              "powerlaw",
              1.5,
              1.5,
              0.1,
              100,
              10,
              "linear",
              null,
              null,
              null),
          "compat",
          "test",
          "1");

  /** test risk per seed and LOO estimate per seed for (width, ridge), at samples 5. */
  private static Row row(int width, double ridge, int seed, double test, double train, double loo) {
    return RowFactory.create(
        STAMP.values(
            new FitResult(
                width,
                5,
                ridge,
                seed,
                train,
                test,
                loo,
                Double.NaN,
                FitResult.OK,
                "",
                0.1,
                0.2,
                new PathTimings(0.01, 0.02, "dsyevd"),
                0.03,
                "native:test"),
            new TheoryValues(1.0, 0.5, 0.01, 0.02)));
  }

  private static Dataset<Row> fits(
      SparkSession spark, double wideSmallRidgeOffset, int partitions) {
    List<Row> rows = new ArrayList<>();
    double[] narrowSmall = {1.0, 2.0, 3.0};
    double[] narrowLarge = {1.5, 1.5, 1.5};
    double[] wideSmall = {1.2, 1.4, 1.6};
    double[] wideLarge = {2.0, 2.5, 3.0};
    double[][] loo = {{0.5, 0.7}, {0.9, 0.3}, {0.4, 0.6}}; // per seed: at ridge 0.1, at ridge 1
    for (int s = 0; s < 3; s++) {
      rows.add(row(10, 0.1, s, narrowSmall[s], 0.5, loo[s][0]));
      rows.add(row(10, 1.0, s, narrowLarge[s], 0.9, loo[s][1]));
      rows.add(row(20, 0.1, s, wideSmall[s] + wideSmallRidgeOffset, 0.7, 1.0));
      rows.add(row(20, 1.0, s, wideLarge[s], 1.2, 2.0));
    }
    return spark.createDataFrame(rows, FitsRow.TABLE.schema()).repartition(partitions);
  }

  /** The tables of the fixture's one task point. */
  private static <T> List<T> onlyPoint(Map<String, List<T>> byPoint) {
    assertEquals(1, byPoint.size(), "one task point");
    return byPoint.values().iterator().next();
  }

  @Test
  void curvesAndPicksMatchHandComputedValues(SparkSession spark) {
    List<CurvePoint> curves =
        onlyPoint(CurvesTable.collect(CurvesTable.compute(fits(spark, 0.0, 3))));
    assertEquals(4, curves.size());
    CurvePoint narrowSmall = curves.get(0);
    assertEquals(10, narrowSmall.width());
    assertEquals(0.1, narrowSmall.ridge());
    assertEquals(3, narrowSmall.seeds());
    assertEquals(2.0, narrowSmall.testMean(), 1e-15);
    assertEquals(1.0, narrowSmall.testSd(), 1e-15);
    assertEquals(1.0 / Math.sqrt(3), narrowSmall.testSe(), 1e-15);
    assertEquals(0.5, narrowSmall.trainMean(), 1e-15);
    assertEquals(0.0, curves.get(1).testSd(), 1e-15);
    assertEquals(1.4, curves.get(2).testMean(), 1e-15);
    assertEquals(0.2, curves.get(2).testSd(), 1e-15);
    assertEquals(1.0, narrowSmall.theoryTest());

    // LOO picks ridge 0.1, 1, 0.1 for seeds 0, 1, 2 of width 10: true test risks 1.0, 1.5, 3.0.
    List<CellPick> picks = onlyPoint(SeedPicks.compute(fits(spark, 0.0, 2)));
    CellPick loo =
        picks.stream()
            .filter(p -> p.rule().equals("loo") && p.width() == 10)
            .findFirst()
            .orElseThrow();
    assertEquals(0.1, loo.medianRidge());
    assertEquals((1.0 + 1.5 + 3.0) / 3, loo.testMean(), 1e-15);
    assertEquals(3, loo.seeds());
    assertTrue(
        picks.stream().noneMatch(p -> p.rule().equals("gcv")), "GCV was NaN everywhere: no picks");

    List<OptimalPoint> optimal = OptimalTable.compute(curves, picks, Map.of());
    OptimalPoint narrow = optimal.get(0);
    assertEquals(1.0, narrow.bestRidge());
    assertTrue(narrow.bestAtEdge());
    assertEquals(1.5, narrow.testMean(), 1e-15);
    assertEquals(0.9 / 1.5, narrow.fittingRatio(), 1e-15);
    assertEquals((1.0 + 1.5 + 3.0) / 3, narrow.looTestMean(), 1e-15);
    OptimalPoint wide = optimal.get(1);
    assertEquals(0.1, wide.bestRidge());
    assertEquals(1.4, wide.testMean(), 1e-15);
  }

  @Test
  void statisticsDoNotDependOnPartitioning(SparkSession spark) {
    List<CurvePoint> one = onlyPoint(CurvesTable.collect(CurvesTable.compute(fits(spark, 0.0, 1))));
    List<CurvePoint> many =
        onlyPoint(CurvesTable.collect(CurvesTable.compute(fits(spark, 0.0, 7))));
    for (int i = 0; i < one.size(); i++) {
      assertEquals(one.get(i).testMean(), many.get(i).testMean(), 1e-15);
      assertEquals(one.get(i).testSd(), many.get(i).testSd(), 1e-15);
    }
  }

  @Test
  void aClaimThatDoesNotHoldIsReportedAsFailing(SparkSession spark) {
    // Width 20 made clearly worse at its best ridge: more features are not better here.
    List<CurvePoint> curves =
        onlyPoint(CurvesTable.collect(CurvesTable.compute(fits(spark, 5.0, 2))));
    List<OptimalPoint> optimal = OptimalTable.compute(curves, List.of(), Map.of());
    assertEquals(2.5, optimal.get(1).testMean(), 1e-15, "width 20's best is now ridge 1");
    List<Claim> claims = ClaimsTable.compute(optimal, curves, Double.NaN);
    Claim features =
        claims.stream()
            .filter(c -> c.claim().equals("more_features_better"))
            .findFirst()
            .orElseThrow();
    assertEquals(Claim.FAILS, features.verdict());
    assertEquals(1, features.checked());
    assertEquals(1, features.violations());
    assertEquals(Claim.NO_THEORY, features.theoryVerdict());
    Claim data =
        claims.stream().filter(c -> c.claim().equals("more_data_better")).findFirst().orElseThrow();
    assertEquals(Claim.NOT_TESTED, data.verdict(), "one sample count only");

    List<Claim> fine =
        ClaimsTable.compute(
            OptimalTable.compute(
                onlyPoint(CurvesTable.collect(CurvesTable.compute(fits(spark, 0.0, 2)))),
                List.of(),
                Map.of()),
            curves,
            Double.NaN);
    assertEquals(Claim.HOLDS, fine.get(0).verdict());
    assertFalse(fine.get(0).evidence().isEmpty());
  }
}
