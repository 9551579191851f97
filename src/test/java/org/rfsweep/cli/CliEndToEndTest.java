package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.io.TableFormat;
import org.rfsweep.testing.ChildJvm;
import org.rfsweep.testing.Cli;
import org.rfsweep.testing.FitsResults;
import org.rfsweep.testing.Specs;

/**
 * The README's promises through the real command line, each command in its own JVM as a user runs
 * it (a command stops its Spark session on the way out), with its exit code and its output.
 */
@Tag("spark")
class CliEndToEndTest {

  /** Exit code and output of {@code rfsweep ARGS} in a fresh JVM. */
  private record Run(int code, String output) {}

  private static Run rfsweep(Path dir, List<String> jvmProperties, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx2g"));
    command.addAll(ChildJvm.sparkFlags());
    command.addAll(jvmProperties);
    command.addAll(List.of("-cp", ChildJvm.classPath(), "org.rfsweep.cli.Main"));
    command.addAll(Arrays.asList(args));
    File log = Files.createTempFile(dir, "rfsweep", ".log").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "rfsweep " + String.join(" ", args));
    return new Run(process.exitValue(), Files.readString(log.toPath()));
  }

  /** The bytes of every PNG and SVG in a report folder, by file. */
  private static Map<Path, byte[]> figureFiles(Path report) throws Exception {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> listed = Files.list(report)) {
      for (Path file : listed.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".png") || name.endsWith(".svg")) {
          files.put(file, Files.readAllBytes(file));
        }
      }
    }
    assertFalse(files.isEmpty(), "no figures in " + report);
    return files;
  }

  /** The share of pixels that differ between two PNGs of the same size (1 if sizes differ). */
  private static double differingPixels(byte[] a, byte[] b) throws Exception {
    BufferedImage first = ImageIO.read(new ByteArrayInputStream(a));
    BufferedImage second = ImageIO.read(new ByteArrayInputStream(b));
    if (first.getWidth() != second.getWidth() || first.getHeight() != second.getHeight()) {
      return 1;
    }
    long differing = 0;
    for (int y = 0; y < first.getHeight(); y++) {
      for (int x = 0; x < first.getWidth(); x++) {
        if (first.getRGB(x, y) != second.getRGB(x, y)) {
          differing++;
        }
      }
    }
    return differing / (double) (first.getWidth() * first.getHeight());
  }

  private static List<String> tableRows(Path table) {
    return ParquetTable.read(table).rows().stream().map(Arrays::toString).sorted().toList();
  }

  /** Each (cell key, ridge)'s theory columns as text at full precision. */
  private static Map<String, String> theoryByCell(ParquetTable fits) {
    List<String> c = fits.columns();
    Map<String, String> out = new TreeMap<>();
    for (Object[] row : fits.rows()) {
      out.put(
          row[c.indexOf("cell_key")] + "|" + row[c.indexOf("ridge")],
          row[c.indexOf("theory_test_mse")] + " " + row[c.indexOf("theory_train_mse")]);
    }
    return out;
  }

  @Test
  void runShowReportAndHistoryKeepTheirPromises(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("small.yaml"), Specs.small());
    Path out = dir.resolve("out");
    Run run =
        rfsweep(
            dir,
            List.of(),
            "run",
            spec.toString(),
            "--out",
            out.toString(),
            "--conf",
            "spark.executor.memory=1234m",
            "--engine",
            "spark"); // a sweep this small would run on the driver's threads, without a session
    assertEquals(0, run.code(), run.output());
    assertEquals("spark", Manifest.read(out).path("spark").path("engine").asText());
    assertTrue(run.output().contains("rfsweep: done in "), run.output());
    assertEquals(
        "1234m",
        Manifest.read(out).path("spark").path("executor_memory").asText(),
        "--conf reaches the session");

    // The same sweep as the launcher starts a small one (the driver's threads, the JIT at C1
    // alone) gives the same bits, theory columns included: Java's arithmetic is the same whichever
    // compiler runs it.
    Path quick = dir.resolve("quick");
    Run onC1 =
        rfsweep(
            dir,
            List.of("-XX:TieredStopAtLevel=1"),
            "run",
            spec.toString(),
            "--out",
            quick.toString(),
            "--engine",
            "threads");
    assertEquals(0, onC1.code(), onC1.output());
    assertEquals("C1 alone", Manifest.read(quick).path("versions").path("jit").asText());
    ParquetTable tiered = ParquetTable.read(out.resolve("fits"));
    ParquetTable c1 = ParquetTable.read(quick.resolve("fits"));
    assertEquals(FitsResults.byCell(tiered), FitsResults.byCell(c1));
    assertEquals(theoryByCell(tiered), theoryByCell(c1));

    // The manifest names the versions and backends; the completed run is in the history once.
    JsonNode manifest = Manifest.read(out);
    assertEquals("complete", manifest.path("status").asText());
    assertEquals(
        System.getProperty("java.version"), manifest.path("versions").path("java").asText());
    assertTrue(
        manifest.path("versions").path("spark").asText().startsWith("4."), manifest.toString());
    assertTrue(
        manifest.path("versions").path("scala").asText().startsWith("2.13"), manifest.toString());
    assertEquals("tiered", manifest.path("versions").path("jit").asText());
    assertTrue(manifest.path("blas").path("driver").asText().startsWith("native:"));
    assertTrue(manifest.path("blas").path("executors").get(0).asText().startsWith("native:"));
    assertEquals(1, Files.readAllLines(out.resolve("history.jsonl")).size());

    // show --csv prints the Parquet table, every row and column.
    Cli.Outcome shown = Cli.execute("show", out.toString(), "fits", "--csv");
    assertEquals(0, shown.code(), shown.err());
    ParquetTable fits = ParquetTable.read(out.resolve("fits"));
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    TableFormat.csv(fits.columns(), fits.rows(), new java.io.PrintStream(expected, true, "UTF-8"));
    assertEquals(expected.toString("UTF-8"), shown.out());
    assertEquals(1 + fits.rows().size(), shown.out().lines().count());

    // report DIR rebuilds the same tables from fits and does not add to the history.
    List<List<String>> before = new ArrayList<>();
    for (String table : List.of("curves", "optimal", "exponents", "claims")) {
      before.add(tableRows(out.resolve(table)));
    }
    Map<Path, byte[]> drawn = figureFiles(out.resolve("report"));
    Run report = rfsweep(dir, List.of(), "report", out.toString());
    assertEquals(0, report.code(), report.output());
    int t = 0;
    for (String table : List.of("curves", "optimal", "exponents", "claims")) {
      assertEquals(before.get(t++), tableRows(out.resolve(table)), table);
    }
    // ... and the same figures, though drawn in parallel by another JVM: each SVG byte for byte
    // (every line, point and label is there as numbers); each PNG the same picture (once, two
    // rebuilds differed by a pixel's shift in rotated labels, a few hundred pixels: not the
    // figure).
    Map<Path, byte[]> redrawn = figureFiles(out.resolve("report"));
    assertEquals(drawn.keySet(), redrawn.keySet());
    for (Path file : drawn.keySet()) {
      if (file.toString().endsWith(".svg")) {
        assertTrue(Arrays.equals(drawn.get(file), redrawn.get(file)), file + " drawn differently");
      } else {
        assertTrue(
            differingPixels(drawn.get(file), redrawn.get(file)) <= 0.01,
            file + " drawn differently");
      }
    }
    assertEquals(1, Files.readAllLines(out.resolve("history.jsonl")).size());

    // Every figure the page shows is there as PNG and SVG; the page has its sections.
    String html = Files.readString(out.resolve("report/index.html"));
    Matcher figure = Pattern.compile("src=\"([\\w-]+)\\.png\"").matcher(html);
    int figures = 0;
    while (figure.find()) {
      for (String suffix : new String[] {".png", ".svg"}) {
        Path file = out.resolve("report").resolve(figure.group(1) + suffix);
        assertTrue(Files.size(file) > 1000, file + " is missing or empty");
      }
      figures++;
    }
    assertTrue(figures >= 5, "figures on the page: " + figures);
    for (String section : new String[] {"Claims", "Changes since the previous run"}) {
      assertTrue(html.contains(section), "no section " + section);
    }

    // export writes an MLflow file store: experiment, run meta, params, metrics, tags, artifacts.
    Path mlruns = dir.resolve("mlruns");
    for (int i = 0; i < 2; i++) {
      Cli.Outcome exported =
          Cli.execute("export", out.toString(), "--mlflow", mlruns.toUri().toString());
      assertEquals(0, exported.code(), exported.err());
    }
    List<Path> experiments;
    try (var entries = Files.list(mlruns)) {
      experiments = entries.filter(Files::isDirectory).toList();
    }
    assertEquals(1, experiments.size(), "the second export reuses the experiment");
    Path experiment = experiments.get(0);
    assertTrue(Files.readString(experiment.resolve("meta.yaml")).contains("name: 'small'"));
    List<Path> runs;
    try (var entries = Files.list(experiment)) {
      runs = entries.filter(Files::isDirectory).toList();
    }
    assertEquals(2, runs.size(), "one MLflow run per export");
    Path logged = runs.get(0);
    String meta = Files.readString(logged.resolve("meta.yaml"));
    assertTrue(meta.contains("status: 3") && meta.contains("lifecycle_stage: active"), meta);
    assertEquals("1.5", Files.readString(logged.resolve("params/spec.task.alpha")));
    assertEquals(
        Manifest.read(out).path("spec_hash").asText(),
        Files.readString(logged.resolve("params/spec_hash")));
    String joint = Files.readString(logged.resolve("metrics/exponent.joint.joint"));
    assertTrue(joint.matches("\\d+ [-0-9.Ee]+ 0\n"), "timestamp value step: " + joint);
    assertTrue(
        List.of("holds", "fails", "not tested")
            .contains(Files.readString(logged.resolve("tags/claim.more_features_better"))));
    assertTrue(Files.isRegularFile(logged.resolve("artifacts/report/index.html")));
  }

  @Test
  void reluRowsHaveNoTheoryAndNumericalFailuresExitThree(@TempDir Path dir) throws Exception {
    Path relu =
        Files.writeString(
            dir.resolve("relu.yaml"), Specs.small().replace("features: linear", "features: relu"));
    Path out = dir.resolve("relu");
    Run run = rfsweep(dir, List.of(), "run", relu.toString(), "--out", out.toString());
    assertEquals(0, run.code(), run.output());
    ParquetTable fits = ParquetTable.read(out.resolve("fits"));
    int theory = fits.columns().indexOf("theory_test_mse");
    assertTrue(fits.rows().stream().allMatch(r -> r[theory] == null), "ReLU has no theory");
    int error = fits.columns().indexOf("error");
    assertTrue(fits.rows().stream().allMatch(r -> r[error] == null), "OK rows have a null error");
    // The closed form describes the task's power law, which a ReLU kernel's spectrum is not.
    ParquetTable claims = ParquetTable.read(out.resolve("claims"));
    int evidence = claims.columns().indexOf("evidence");
    assertTrue(
        claims.rows().stream()
            .map(r -> String.valueOf(r[evidence]))
            .filter(e -> e.contains("closed-form"))
            .allMatch(e -> e.contains("closed-form power-law R* n/a")),
        "no closed-form R* for ReLU features");

    // Labels of variance 1e308: every residual sum overflows, so every fit fails numerically.
    Path huge =
        Files.writeString(dir.resolve("huge.yaml"), Specs.smallWith("noise", "noise: 1e308"));
    Path failed = dir.resolve("failed");
    Run broken = rfsweep(dir, List.of(), "run", huge.toString(), "--out", failed.toString());
    assertEquals(3, broken.code(), broken.output());
    ParquetTable rows = ParquetTable.read(failed.resolve("fits"));
    int status = rows.columns().indexOf("status");
    assertTrue(rows.rows().stream().anyMatch(r -> "FAILED".equals(r[status])));
    assertTrue(broken.output().contains("failed "), broken.output());
  }

  @Test
  void aJavaBlasFallbackIsRefusedUnlessAllowed(@TempDir Path dir) throws Exception {
    // The system route pointed at a library that does not exist: netlib falls back to its Java
    // BLAS.
    List<String> noNative =
        List.of(
            "-Drfsweep.blas=system",
            "-Ddev.ludovic.netlib.blas.nativeLibPath=/nonexistent/libblas.so.3",
            "-Ddev.ludovic.netlib.lapack.nativeLibPath=/nonexistent/liblapack.so.3");
    Path spec = Files.writeString(dir.resolve("small.yaml"), Specs.smallWith("seeds", "seeds: 1"));
    Path out = dir.resolve("out");
    Run refused = rfsweep(dir, noNative, "run", spec.toString(), "--out", out.toString());
    assertEquals(1, refused.code(), refused.output());
    assertTrue(refused.output().contains("native BLAS/LAPACK did not load"), refused.output());
    assertTrue(refused.output().contains("--allow-java-blas"), refused.output());
    assertFalse(Files.exists(out), "nothing written");

    Run allowed =
        rfsweep(
            dir, noNative, "run", spec.toString(), "--out", out.toString(), "--allow-java-blas");
    assertEquals(0, allowed.code(), allowed.output());
    ParquetTable fits = ParquetTable.read(out.resolve("fits"));
    int backend = fits.columns().indexOf("blas_backend");
    assertTrue(
        fits.rows().stream().allMatch(r -> !String.valueOf(r[backend]).startsWith("native:")),
        "every row says it was computed by the Java BLAS");
  }
}
