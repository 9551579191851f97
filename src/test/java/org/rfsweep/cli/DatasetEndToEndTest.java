package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.io.SpectrumFiles;
import org.rfsweep.testing.ChildJvm;
import org.rfsweep.testing.Cli;
import org.rfsweep.theory.Eigenframework;
import org.rfsweep.theory.Spectrum;

/**
 * A dataset through the real commands: {@code spectrum} on data with known exponents, {@code theory
 * --spectrum} on what it wrote, and {@code run} with the rff kernel measuring its pool's spectrum,
 * filling the theory columns from it, and reusing it the second time.
 */
@Tag("spark")
class DatasetEndToEndTest {
  private static final double ALPHA = 1.5;
  private static final int DIMENSION = 60;
  private static final int POINTS = 1500;

  /**
   * Gaussian inputs with variances i^-alpha and a linear target: the linear kernel's spectrum is
   * i^-alpha.
   */
  private static Path dataset(Path dir) throws Exception {
    Random random = new Random(12);
    StringBuilder csv = new StringBuilder();
    for (int i = 1; i <= DIMENSION; i++) {
      csv.append("x").append(i).append(',');
    }
    csv.append("y\n");
    for (int p = 0; p < POINTS; p++) {
      double y = 0;
      for (int i = 1; i <= DIMENSION; i++) {
        double x = Math.pow(i, -ALPHA / 2) * random.nextGaussian();
        y += Math.pow(i, -0.25) * x;
        csv.append(x).append(',');
      }
      csv.append(y).append('\n');
    }
    return Files.writeString(dir.resolve("data.csv"), csv.toString());
  }

  private static String spec(Path data, String features, int pool) {
    return """
        name: synthetic
        seed: 3
        task: {type: dataset, source: {format: csv, path: %s, label: y}, target: numeric, pool: %d, test_samples: 200}
        features: %s
        grid: {widths: [16, 64], samples: [32, 128], ridges: [0, 0.1], seeds: 2}
        """
        .formatted(data, pool, features);
  }

  private static String rfsweep(Path dir, int expectedCode, String... args) throws Exception {
    return rfsweep(Map.of(), dir, expectedCode, args);
  }

  private static String rfsweep(
      Map<String, String> environment, Path dir, int expectedCode, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx2g"));
    command.addAll(ChildJvm.sparkFlags());
    command.addAll(List.of("-cp", ChildJvm.classPath(), "org.rfsweep.cli.Main"));
    command.addAll(Arrays.asList(args));
    File log = Files.createTempFile(dir, "rfsweep", ".log").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), String.join(" ", args));
    String output = Files.readString(log.toPath());
    assertEquals(expectedCode, process.exitValue(), output);
    return output;
  }

  @Test
  void spectrumTheoryAndRunOnADatasetWithKnownExponents(@TempDir Path dir) throws Exception {
    Path data = dataset(dir);
    Path linear = Files.writeString(dir.resolve("linear.yaml"), spec(data, "linear", POINTS));
    Path measured = dir.resolve("measured");
    rfsweep(dir, 0, "spectrum", linear.toString(), "--out", measured.toString());

    // The direct estimate over modes 10..150 (the pool's spectrum ends at mode 60): i^-1.5.
    ParquetTable exponents = ParquetTable.read(measured.resolve("spectrum_exponents"));
    List<String> c = exponents.columns();
    Object[] direct =
        exponents.rows().stream()
            .filter(
                r ->
                    "alpha".equals(r[c.indexOf("exponent")])
                        && String.valueOf(r[c.indexOf("method")]).startsWith("direct"))
            .findFirst()
            .orElseThrow();
    double alpha = (Double) direct[c.indexOf("value")];
    assertEquals("dataset", direct[c.indexOf("task_type")], "readable task columns, as fits has");
    assertEquals("linear", direct[c.indexOf("feature_map")]);
    assertEquals((long) POINTS, ((Number) direct[c.indexOf("modes")]).longValue(), "the pool size");
    assertEquals(ALPHA, alpha, 0.15, "direct alpha of a pool drawn with variances i^-1.5");

    // theory --spectrum reads the table and gives the eigenframework on it.
    Cli.Outcome theory =
        Cli.execute(
            "theory",
            "--spectrum",
            measured.resolve("spectrum").toString(),
            "--width",
            "inf",
            "--samples",
            "100",
            "--ridge",
            "0.1",
            "--csv");
    assertEquals(0, theory.code(), theory.err());
    double[][] table = SpectrumFiles.read(measured.resolve("spectrum"));
    double expected =
        new Eigenframework(Spectrum.measured(table[0], table[1]), 0.0)
            .estimate(Double.POSITIVE_INFINITY, 100, 0.1)
            .testMse();
    assertEquals(
        expected,
        Double.parseDouble(theory.out().lines().toList().get(1).split(",")[3]),
        1e-12 * expected);

    // A run with the rff kernel measures its own pool's spectrum, fills the theory columns from it,
    // and the next run reuses it.
    Path rff =
        Files.writeString(dir.resolve("rff.yaml"), spec(data, "{type: rff, length: 3}", 400));
    Path out = dir.resolve("run");
    Map<String, String> cache = Map.of("RFSWEEP_CACHE", dir.resolve("cache").toString());
    String first = rfsweep(cache, dir, 0, "run", rff.toString(), "--out", out.toString());
    assertTrue(
        first.contains("measuring the pool's kernel spectrum (400 points, rff(length=3))"), first);
    ParquetTable fits = ParquetTable.read(out.resolve("fits"));
    int theoryColumn = fits.columns().indexOf("theory_test_mse");
    assertTrue(fits.rows().stream().allMatch(r -> r[theoryColumn] != null), "theory on every row");
    assertTrue(Files.isDirectory(out.resolve("spectrum_exponents")));
    // The overfitting claim puts the closed-form R* from the pool's proxy exponents beside the
    // measured ratios (or n/a where the closed forms do not apply).
    ParquetTable proxies = ParquetTable.read(out.resolve("spectrum_exponents"));
    List<String> pc = proxies.columns();
    double proxyAlpha = Double.NaN;
    double proxyBeta = Double.NaN;
    for (Object[] r : proxies.rows()) {
      if (String.valueOf(r[pc.indexOf("method")]).startsWith("proxy")) {
        double value = (Double) r[pc.indexOf("value")];
        if ("alpha".equals(r[pc.indexOf("exponent")])) {
          proxyAlpha = value;
        } else {
          proxyBeta = value;
        }
      }
    }
    String closedForm =
        proxyAlpha > 1 && proxyBeta > 1 && proxyBeta < 2 * proxyAlpha + 1
            ? String.format(
                java.util.Locale.ROOT,
                "%.4f",
                org.rfsweep.theory.PowerLawClosedForms.optimalFittingRatio(
                    proxyAlpha, proxyBeta, 0))
            : "n/a";
    ParquetTable claims = ParquetTable.read(out.resolve("claims"));
    List<String> cc = claims.columns();
    String evidence =
        claims.rows().stream()
            .filter(r -> "overfitting_obligatory".equals(r[cc.indexOf("claim")]))
            .map(r -> String.valueOf(r[cc.indexOf("evidence")]))
            .findFirst()
            .orElseThrow();
    assertTrue(evidence.contains("closed-form power-law R* " + closedForm), evidence);
    String second = rfsweep(dir, 0, "run", rff.toString(), "--out", out.toString());
    assertFalse(second.contains("measuring the pool's kernel spectrum"), "the spectrum is reused");

    // A run into another folder takes the spectrum from the user's cache, where the first run
    // kept it, and fills the same theory columns bit for bit.
    assertTrue(
        first.contains("kept the spectrum for later runs in " + dir.resolve("cache")), first);
    Path elsewhere = dir.resolve("elsewhere");
    String third = rfsweep(cache, dir, 0, "run", rff.toString(), "--out", elsewhere.toString());
    assertTrue(
        third.contains("the pool's kernel spectrum (400 points, rff(length=3)) from the cache"),
        third);
    assertFalse(third.contains("measuring the pool's kernel spectrum"), third);
    assertEquals(theoryColumns(out), theoryColumns(elsewhere));
  }

  /** Each row's key, ridge and theory columns, sorted. */
  private static List<String> theoryColumns(Path out) throws Exception {
    ParquetTable fits = ParquetTable.read(out.resolve("fits"));
    List<String> names =
        List.of("cell_key", "ridge", "theory_test_mse", "theory_train_mse", "theory_kappa");
    List<String> rows = new ArrayList<>();
    for (Object[] row : fits.rows()) {
      StringBuilder line = new StringBuilder();
      for (String name : names) {
        line.append(row[fits.columns().indexOf(name)]).append(',');
      }
      rows.add(line.toString());
    }
    rows.sort(null);
    assertEquals(fits.rows().size(), rows.size());
    return rows;
  }
}
