package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.aggregate.Aggregation;
import org.rfsweep.aggregate.PhaseRow;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.SharedSpark;
import org.rfsweep.theory.Eigenframework;
import org.rfsweep.theory.OptimalRidge;
import org.rfsweep.theory.Spectrum;

/**
 * A sweep over task points: every table carries the points, the phase table agrees with the
 * eigenframework computed directly, Corollary 1's claim holds, and adding a point to a folder
 * computes only that point.
 */
@Tag("spark")
@ExtendWith(SharedSpark.class)
class TaskAxesSweepSparkTest {
  private static final String SPEC =
      """
      name: phases
      seed: 5
      task:
        type: powerlaw
        alpha: ALPHAS
        beta: [1.1, 2.5]
        noise: 0
        modes: 400
      features: linear
      grid:
        sweeps:
          - {widths: [32, 64, 128, 256, 512], samples: [32]}
          - {widths: [128], samples: [8, 16, 32, 64]}
        ridges: [0, {logspace: {from: 0.0001, to: 1, count: 5}}]
        seeds: 6
      """;

  private static JobSpec spec(String alphas) {
    return SpecLoader.parse(SPEC.replace("ALPHAS", alphas), "phases.yaml");
  }

  @Test
  void tablesPhasesAndExtendingByATaskPoint(SparkSession spark, @TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    JobSpec two = spec("1.5");
    SweepDriver.Outcome first =
        SweepDriver.run(spark, two, new SweepDriver.Options(out, 0, false), line -> {});
    assertEquals(2 * 8 * 6, first.fitsOk(), "2 points x 8 cells x 6 seeds");

    ParquetTable phases = ParquetTable.read(out.resolve(PhaseRow.TABLE.name()));
    assertEquals(2, phases.rows().size());
    List<PhaseRow> rows = PhaseRow.TABLE.fromTable(phases);
    int beta = phases.columns().indexOf("beta");
    for (int i = 0; i < rows.size(); i++) {
      PhaseRow p = rows.get(i);
      double b = ((Number) phases.rows().get(i)[beta]).doubleValue();
      assertEquals(512, p.width());
      assertEquals(32, p.samples(), "the largest n at most width / 8 at the widest cell");
      OptimalRidge.Result direct =
          OptimalRidge.find(new Eigenframework(Spectrum.powerLaw(1.5, b, 400), 0), 512, 32);
      assertEquals(direct.ridge(), p.theoryRidge(), 1e-12 * (1 + direct.ridge()));
      assertEquals(direct.fittingRatio(), p.theoryRStar(), 1e-12);
      assertEquals(b >= 1.5 ? PhaseRow.YES : PhaseRow.NO, p.zeroOptimalMeasured(), "beta " + b);
      assertEquals(b >= 1.5 ? PhaseRow.YES : PhaseRow.NO, p.zeroOptimalTheory(), "beta " + b);
    }

    // Every table names its task point; the job's claim across points holds.
    for (String table : List.of("fits", "curves", "optimal", "exponents", "claims", "phases")) {
      ParquetTable t = ParquetTable.read(out.resolve(table));
      assertTrue(t.columns().contains("task_key"), table);
      assertTrue(t.columns().containsAll(List.of("alpha", "beta", "noise", "feature_map")), table);
    }
    ParquetTable claims = ParquetTable.read(out.resolve("claims"));
    Map<String, String> verdicts = new HashMap<>();
    for (Object[] row : claims.rows()) {
      verdicts.put(
          row[claims.columns().indexOf("task_key")] + " " + row[claims.columns().indexOf("claim")],
          (String) row[claims.columns().indexOf("verdict")]);
    }
    assertEquals(
        "holds",
        verdicts.get(Aggregation.ACROSS_POINTS + " zero_ridge_optimal_iff_beta_ge_alpha"),
        verdicts.toString());
    assertEquals(2, Manifest.read(out).path("grid").path("task_points").asInt());

    // Adding an alpha value computes only the new points' fits; the old rows stay as they were.
    List<Row> before =
        spark
            .read()
            .parquet(out.resolve("fits").toString())
            .orderBy("cell_key", "ridge")
            .collectAsList();
    List<String> log = new ArrayList<>();
    JobSpec four = spec("[1.5, 2.5]");
    SweepDriver.Outcome second =
        SweepDriver.run(spark, four, new SweepDriver.Options(out, 0, false), log::add);
    assertEquals(4 * 8 * 6, second.fitsOk());
    assertTrue(
        log.contains("resuming: 96 of 192 fits are already in " + out.resolve("fits")),
        log.toString());
    assertEquals(12, Manifest.read(out).path("units_run").asInt(), "the new points' 12 units only");
    List<Row> after =
        spark
            .read()
            .parquet(out.resolve("fits").toString())
            .where("alpha = 1.5")
            .orderBy("cell_key", "ridge")
            .collectAsList();
    assertEquals(before, after);
    assertEquals(4, ParquetTable.read(out.resolve("phases")).rows().size());
  }
}
