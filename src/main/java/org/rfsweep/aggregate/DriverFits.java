package org.rfsweep.aggregate;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.io.TableFolder;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.RowStamp;
import org.rfsweep.run.RunContext;

/**
 * The current grid's rows of a small {@code DIR/fits}, read and aggregated on the driver without
 * Spark: a few hundred thousand rows take well under a second this way, while each Spark job costs
 * a second or more of fixed overhead. The statistics are those of the Spark path ({@link
 * CurvesTable}, {@link SeedPicks}) up to rounding in the last bits (sums run in another order).
 */
public final class DriverFits {
  /**
   * Tables whose part files total at most this are aggregated on the driver (the quickstart's fits
   * are 0.5 MiB, the Fig. 1 job's about 5 MiB); larger ones, a nightly job's, in Spark.
   */
  public static final long MAX_BYTES = 64L << 20;

  private static final List<String> COLUMNS =
      List.of(
          "cell_key",
          "width",
          "samples",
          "ridge",
          "seed",
          "status",
          "test_mse",
          "train_mse",
          "loo_test_mse",
          "gcv_test_mse",
          "theory_test_mse",
          "theory_train_mse",
          "blas_backend");

  /** One row of the current grid, with its task key. */
  private record Fit(
      String taskKey,
      String cellKey,
      double width,
      int samples,
      double ridge,
      int seed,
      boolean ok,
      double test,
      double train,
      double loo,
      double gcv,
      double theoryTest,
      double theoryTrain,
      String backend) {}

  /** How the current grid's fits ended, and which BLAS computed them. */
  public record Counts(long ok, long failed, long rows, List<String> backends) {}

  private final List<Fit> fits;

  private DriverFits(List<Fit> fits) {
    this.fits = fits;
  }

  /**
   * The current grid's rows, when {@code DIR/fits} is small, readable and holds each (cell, ridge)
   * once; empty otherwise (then Spark reads it, quarantines what cannot be read and repairs or
   * refuses duplicates).
   */
  public static Optional<DriverFits> read(RunContext context, GridPlan plan, Path out) {
    TableFolder table = FitsLocation.of(out);
    long bytes = table.bytes();
    if (bytes == 0 || bytes > MAX_BYTES) {
      return Optional.empty();
    }
    Map<String, String> wanted = new HashMap<>(); // cell key -> task key
    List<RowStamp> stamps = context.stamps();
    for (WorkUnit unit : plan.units()) {
      RowStamp stamp = stamps.get(unit.point());
      for (Cell cell : unit.cells()) {
        wanted.put(
            stamp.cellKey(cell.widthValue(), cell.samples(), unit.seedIndex()),
            stamp.job().taskKey());
      }
    }
    List<Object[]> rows;
    try {
      rows = ParquetTable.readColumns(table, COLUMNS);
    } catch (UncheckedIOException e) {
      return Optional.empty(); // an unreadable part: the Spark path quarantines it
    }
    Set<CellRidge> seen = new HashSet<>();
    List<Fit> fits = new ArrayList<>();
    for (Object[] r : rows) {
      if (!seen.add(new CellRidge((String) r[0], (Double) r[3]))) {
        return Optional.empty(); // a duplicate (cell, ridge): the Spark path repairs or refuses
      }
      String taskKey = wanted.get((String) r[0]);
      if (taskKey != null) {
        fits.add(
            new Fit(
                taskKey,
                (String) r[0],
                ((Number) r[1]).doubleValue(), // INT32 in folders written before width inf
                (Integer) r[2],
                (Double) r[3],
                (Integer) r[4],
                "OK".equals(r[5]),
                number(r[6]),
                number(r[7]),
                number(r[8]),
                number(r[9]),
                number(r[10]),
                number(r[11]),
                (String) r[12]));
      }
    }
    return Optional.of(new DriverFits(fits));
  }

  /**
   * The cell keys in a small {@code DIR/fits} that is readable and holds each (cell, ridge) once;
   * empty when it is large, unreadable or holds duplicates (then Spark checks it: {@code
   * FitsIntegrity}). A folder without fits is clean and holds no key.
   */
  public static Optional<Set<String>> cellKeysIfClean(Path out) {
    TableFolder table = FitsLocation.of(out);
    long bytes = table.bytes();
    if (bytes == 0) {
      return Optional.of(Set.of());
    }
    if (bytes > MAX_BYTES) {
      return Optional.empty();
    }
    List<Object[]> rows;
    try {
      rows = ParquetTable.readColumns(table, List.of("cell_key", "ridge"));
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
    Set<CellRidge> pairs = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (Object[] r : rows) {
      if (!pairs.add(new CellRidge((String) r[0], (Double) r[1]))) {
        return Optional.empty();
      }
      keys.add((String) r[0]);
    }
    return Optional.of(keys);
  }

  /**
   * A (cell, ridge) pair, for the duplicate checks: a record, not a string of the two, which would
   * format every row's ridge (86,490 of them in the Fig. 1 folder; the JIT then also compiles the
   * JDK's double-to-text conversion, 0.2-0.5 s of CPU). Ridges compare as {@link Double#equals}
   * does, which separates the same values the text did (0.0 from -0.0); a missing ridge (null) is a
   * value of its own, as its text "null" was.
   */
  private record CellRidge(String cellKey, Double ridge) {}

  private static double number(Object value) {
    return value == null ? Double.NaN : (Double) value;
  }

  /** The {@code curves} statistics per task key, ordered by width, samples and ridge. */
  public Map<String, List<CurvePoint>> curves() {
    Map<String, List<Fit>> byTask = new TreeMap<>();
    for (Fit f : fits) {
      byTask.computeIfAbsent(f.taskKey(), k -> new ArrayList<>()).add(f);
    }
    Map<String, List<CurvePoint>> out = new LinkedHashMap<>();
    byTask.forEach(
        (task, taskFits) -> {
          // Each (cell, ridge)'s fits by seed, which their running moments follow: the same
          // fits give the same bits in any folder, whatever order their part files list them in.
          taskFits.sort(CURVE_ORDER.thenComparingInt(Fit::seed));
          List<CurvePoint> points = new ArrayList<>();
          int from = 0;
          for (int i = 1; i <= taskFits.size(); i++) {
            if (i == taskFits.size()
                || CURVE_ORDER.compare(taskFits.get(from), taskFits.get(i)) != 0) {
              points.add(curvePoint(taskFits.subList(from, i)));
              from = i;
            }
          }
          out.put(task, points);
        });
    return out;
  }

  /**
   * (width, samples, ridge) numerically, ridges by their bits as unsigned numbers (non-negative
   * doubles order so). A key string per fit, formatted, cost a small report 0.13 s.
   */
  private static final Comparator<Fit> CURVE_ORDER =
      Comparator.comparingInt((Fit f) -> Cell.gridWidth(f.width()))
          .thenComparingInt(Fit::samples)
          .thenComparing(
              (Fit a, Fit b) ->
                  Long.compareUnsigned(
                      Double.doubleToLongBits(a.ridge()), Double.doubleToLongBits(b.ridge())));

  private static CurvePoint curvePoint(List<Fit> group) {
    Fit first = group.get(0);
    Moments test = new Moments();
    Moments train = new Moments();
    Moments loo = new Moments();
    Moments gcv = new Moments();
    long failed = 0;
    double theoryTest = Double.NaN;
    double theoryTrain = Double.NaN;
    for (Fit f : group) {
      if (Double.isNaN(theoryTest) && !Double.isNaN(f.theoryTest())) {
        theoryTest = f.theoryTest();
      }
      if (Double.isNaN(theoryTrain) && !Double.isNaN(f.theoryTrain())) {
        theoryTrain = f.theoryTrain();
      }
      if (!f.ok()) {
        failed++;
        continue;
      }
      test.add(f.test());
      train.add(f.train());
      loo.add(f.loo());
      gcv.add(f.gcv());
    }
    long seeds = test.count;
    return new CurvePoint(
        first.width(),
        first.samples(),
        first.ridge(),
        seeds,
        failed,
        test.mean(),
        test.sd() / Math.sqrt(seeds),
        test.sd(),
        train.mean(),
        train.sd() / Math.sqrt(seeds),
        train.sd(),
        loo.mean(),
        gcv.mean(),
        theoryTest,
        theoryTrain);
  }

  /** LOO and GCV picks per task key, as {@link SeedPicks} computes them. */
  public Map<String, List<CellPick>> picks() {
    Map<String, List<CellPick>> out = new HashMap<>();
    for (String rule : new String[] {"loo", "gcv"}) {
      // (task, width, samples, seed) -> the fit with the smallest estimate, then smallest ridge
      Map<String, Fit> chosen = new TreeMap<>();
      // The keys' text orders the picks (and the seeds within a cell, hence their sums' bits);
      // each width is formatted once, not once per row.
      Map<Double, String> widthText = new HashMap<>();
      for (Fit f : fits) {
        double estimate = rule.equals("loo") ? f.loo() : f.gcv();
        if (!f.ok() || Double.isNaN(estimate)) {
          continue;
        }
        String width = widthText.computeIfAbsent(f.width(), String::valueOf);
        String key = f.taskKey() + "|" + width + "|" + f.samples() + "|" + f.seed();
        Fit best = chosen.get(key);
        double bestEstimate =
            best == null ? Double.NaN : rule.equals("loo") ? best.loo() : best.gcv();
        if (best == null
            || estimate < bestEstimate
            || (estimate == bestEstimate && f.ridge() < best.ridge())) {
          chosen.put(key, f);
        }
      }
      Map<String, List<Fit>> byCell = new TreeMap<>();
      for (Fit f : chosen.values()) {
        byCell
            .computeIfAbsent(
                f.taskKey() + "|" + widthText.get(f.width()) + "|" + f.samples(),
                k -> new ArrayList<>())
            .add(f);
      }
      for (List<Fit> cell : byCell.values()) {
        Moments test = new Moments();
        cell.forEach(f -> test.add(f.test()));
        double[] ridges = cell.stream().mapToDouble(Fit::ridge).sorted().toArray();
        Fit first = cell.get(0);
        out.computeIfAbsent(first.taskKey(), k -> new ArrayList<>())
            .add(
                new CellPick(
                    first.width(),
                    first.samples(),
                    rule,
                    median(ridges),
                    test.mean(),
                    test.sd() / Math.sqrt(test.count),
                    test.count));
      }
    }
    return out;
  }

  /**
   * The median as Spark's percentile_approx(x, 0.5) gives it on small samples: the smallest value
   * with at least half the values at or below it.
   */
  static double median(double[] sorted) {
    int rank = (int) Math.ceil(0.5 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Every OK fit's test and train risk, per task key. */
  public Map<String, List<SeedRisk>> seeds() {
    Map<String, List<SeedRisk>> out = new HashMap<>();
    for (Fit f : fits) {
      if (f.ok()) {
        out.computeIfAbsent(f.taskKey(), k -> new ArrayList<>())
            .add(new SeedRisk(f.width(), f.samples(), f.ridge(), f.seed(), f.test(), f.train()));
      }
    }
    return out;
  }

  public Counts counts() {
    Set<String> cells = new HashSet<>();
    Set<String> failed = new HashSet<>();
    TreeSet<String> backends = new TreeSet<>();
    for (Fit f : fits) {
      cells.add(f.cellKey());
      if (!f.ok()) {
        failed.add(f.cellKey());
      }
      if (f.backend() != null) {
        backends.add(f.backend());
      }
    }
    return new Counts(
        cells.size() - failed.size(), failed.size(), fits.size(), List.copyOf(backends));
  }

  /** Count, mean and second central moment, updated one value at a time (Welford). */
  private static final class Moments {
    long count;
    double mean;
    double m2;

    void add(double x) {
      if (Double.isNaN(x)) {
        return; // Spark's avg and stddev skip nulls
      }
      count++;
      double delta = x - mean;
      mean += delta / count;
      m2 += delta * (x - mean);
    }

    double mean() {
      return count == 0 ? Double.NaN : mean;
    }

    double sd() {
      return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
    }
  }
}
