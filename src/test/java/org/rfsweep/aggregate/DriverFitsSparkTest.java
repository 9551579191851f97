package org.rfsweep.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.driver.ReportBuilder;
import org.rfsweep.driver.SweepDriver;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.io.TableFolder;
import org.rfsweep.run.FitsRow;
import org.rfsweep.run.RunContext;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.SharedSpark;
import org.rfsweep.testing.Specs;

/**
 * Small tables are aggregated on the driver, large ones in Spark: both paths give the same curves,
 * picks, per-seed risks and counts (to rounding: sums run in another order).
 */
@Tag("spark")
@ExtendWith(SharedSpark.class)
class DriverFitsSparkTest {

  @Test
  void driverAndSparkAggregateAlike(SparkSession spark, @TempDir Path dir) throws Exception {
    JobSpec spec =
        SpecLoader.parse(
            Specs.smallWith("alpha", "alpha: [1.5, 2.0]").replace("seeds: 3", "seeds: 4"),
            "two.yaml");
    Path out = dir.resolve("out");
    SweepDriver.run(spark, spec, new SweepDriver.Options(out, 0, false), line -> {});
    // An earlier spec's cells in the same folder are left out by both paths.
    SweepDriver.run(
        spark,
        SpecLoader.parse(Specs.smallWith("alpha", "alpha: 1.7"), "other.yaml"),
        new SweepDriver.Options(out, 0, false),
        line -> {});
    RunContext context = ReportBuilder.contextOf(out);
    assertEquals(1, context.points().size(), "the folder's manifest is the last spec's");
    RunContext two = RunContext.of(spec, "test", "test");
    GridPlan plan = GridPlan.of(spec);
    Aggregation.Inputs driver = Aggregation.onDriver(two, plan, out).orElseThrow();
    Aggregation.Inputs sparkSide = Aggregation.inSpark(spark, two, plan, out);

    assertEquals(sparkSide.counts(), driver.counts());
    assertEquals(2L * 9 * 4, driver.counts().ok(), "2 task points x 9 cells x 4 seeds");
    assertEquals(sparkSide.curves().keySet(), driver.curves().keySet());
    assertEquals(2, driver.curves().size());
    for (String task : driver.curves().keySet()) {
      List<CurvePoint> a = sparkSide.curves().get(task);
      List<CurvePoint> b = driver.curves().get(task);
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        close(a.get(i).toString(), b.get(i).toString());
      }
      List<CellPick> pa = sorted(sparkSide.picks().get(task));
      List<CellPick> pb = sorted(driver.picks().get(task));
      assertEquals(pa.size(), pb.size());
      for (int i = 0; i < pa.size(); i++) {
        close(pa.get(i).toString(), pb.get(i).toString());
      }
      assertEquals(
          sparkSide.seeds().get(task).stream().map(SeedRisk::toString).sorted().toList(),
          driver.seeds().get(task).stream().map(SeedRisk::toString).sorted().toList());
    }
  }

  @Test
  void reportOnASmallCleanFolderStartsNoSpark(SparkSession spark, @TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    SweepDriver.run(
        spark,
        SpecLoader.parse(Specs.small(), "small.yaml"),
        new SweepDriver.Options(out, 0, false),
        line -> {});
    Files.delete(out.resolve("report/index.html"));
    Path index =
        ReportBuilder.rebuild(
            () -> {
              throw new AssertionError("a small, clean folder needs no Spark");
            },
            ReportBuilder.contextOf(out),
            out,
            line -> {});
    assertTrue(Files.size(index) > 1000);
  }

  @Test
  void theTablesDependOnTheFitsNotOnTheOrderOfTheirRows(SparkSession spark, @TempDir Path dir)
      throws Exception {
    JobSpec spec = SpecLoader.parse(Specs.small().replace("seeds: 3", "seeds: 6"), "six.yaml");
    Path out = dir.resolve("out");
    SweepDriver.run(spark, spec, new SweepDriver.Options(out, 0, false), line -> {});
    // The same rows in another order, as another folder's part files (named at random) give them.
    ParquetTable fits = ParquetTable.read(out.resolve("fits"));
    assertEquals(FitsRow.TABLE.columnNames(), fits.columns());
    List<Object[]> shuffled = new ArrayList<>(fits.rows());
    Collections.shuffle(shuffled, new Random(7));
    Path copy = dir.resolve("copy");
    TableFolder.local(copy.resolve("fits"))
        .writePart("part-00000.parquet", FitsRow.TABLE.parquetSchema(), shuffled);

    RunContext context = RunContext.of(spec, "test", "test");
    GridPlan plan = GridPlan.of(spec);
    Aggregation.Inputs original = Aggregation.onDriver(context, plan, out).orElseThrow();
    Aggregation.Inputs reordered = Aggregation.onDriver(context, plan, copy).orElseThrow();
    assertEquals(original.curves().keySet(), reordered.curves().keySet());
    for (String task : original.curves().keySet()) {
      List<CurvePoint> a = original.curves().get(task);
      List<CurvePoint> b = reordered.curves().get(task);
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i), b.get(i), "bit for bit");
      }
    }
    for (String task : original.picks().keySet()) {
      assertEquals(sorted(original.picks().get(task)), sorted(reordered.picks().get(task)));
    }
  }

  private static List<CellPick> sorted(List<CellPick> picks) {
    return picks.stream()
        .sorted(
            Comparator.comparing(CellPick::rule)
                .thenComparingDouble(CellPick::width)
                .thenComparingInt(CellPick::samples))
        .toList();
  }

  /** Two records' texts agree in every number to 1e-12 relative (NaN with NaN). */
  private static void close(String a, String b) {
    String[] x = a.split("[=,)]");
    String[] y = b.split("[=,)]");
    assertEquals(x.length, y.length, a + " vs " + b);
    for (int i = 0; i < x.length; i++) {
      try {
        double u = Double.parseDouble(x[i]);
        double v = Double.parseDouble(y[i]);
        assertTrue(
            u == v
                || (Double.isNaN(u) && Double.isNaN(v))
                || Math.abs(u - v) <= 1e-12 * Math.max(1, Math.abs(u)),
            a + "\n" + b);
      } catch (NumberFormatException e) {
        assertEquals(x[i], y[i], a + "\n" + b);
      }
    }
  }
}
