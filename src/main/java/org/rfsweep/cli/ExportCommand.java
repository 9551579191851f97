package org.rfsweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.MlflowFileStore;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.spec.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Logs a finished run into an MLflow store, beside the other experiments a lab tracks. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Log the finished run in DIR as an MLflow run: the resolved spec and provenance as parameters, "
            + "the exponents and claim counts as metrics, the claim verdicts as tags, the report as "
            + "artifacts. Writes MLflow's file store, which MLflow's tracking UI opens as a backend store.")
final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "output folder of a finished run")
  Path folder;

  @Option(
      names = "--mlflow",
      required = true,
      paramLabel = "URI",
      description = "the MLflow store: a folder or a file: URI (e.g. file:///data/mlruns)")
  String mlflow;

  @Option(
      names = "--experiment",
      paramLabel = "NAME",
      description = "the MLflow experiment (default: the job's name); created if missing")
  String experiment;

  @Override
  public Integer call() throws IOException {
    Path store = store(mlflow);
    if (store == null) {
      System.err.println(
          "rfsweep: --mlflow "
              + mlflow
              + ": only file stores are written (a folder or a file: URI); "
              + "for a tracking server, export to a folder and `mlflow` can import it");
      return Main.USER_ERROR;
    }
    JsonNode manifest = Manifest.read(folder);
    if (manifest == null || !"complete".equals(manifest.path("status").asText())) {
      System.err.println(
          "rfsweep: DIR " + folder + ": not a finished run (its manifest must say complete)");
      return Main.USER_ERROR;
    }
    Map<String, String> params = new LinkedHashMap<>();
    flatten("spec", manifest.path("spec"), params);
    for (String key : List.of("spec_hash", "results_version", "code_version", "run_id")) {
      params.put(key, manifest.path(key).asText());
    }
    params.put("blas.driver", manifest.path("blas").path("driver").asText());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("wall_seconds", manifest.path("wall_seconds").asDouble());
    metrics.put("fits_done", manifest.path("counts").path("fits_done").asDouble());
    metrics.put("fits_failed", manifest.path("counts").path("fits_failed").asDouble());
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("mlflow.runName", manifest.path("job_name").asText());
    tags.put("rfsweep.dir", folder.toAbsolutePath().toString());
    exponents(metrics);
    claims(metrics, tags);
    String name = manifest.path("job_name").asText();
    Path report = folder.resolve("report");
    Path logged =
        new MlflowFileStore(store)
            .log(
                experiment != null ? experiment : name,
                new MlflowFileStore.Run(
                    name,
                    millis(manifest.path("started_at").asText()),
                    millis(manifest.path("finished_at").asText()),
                    params,
                    metrics,
                    tags,
                    Files.isDirectory(report) ? report : null));
    System.out.println("rfsweep: logged " + folder + " as MLflow run " + logged);
    return 0;
  }

  /** The store's folder, or null for a URI that is not a file store. */
  private static Path store(String uri) {
    if (uri.startsWith("file:")) {
      return Path.of(URI.create(uri));
    }
    return uri.contains("://") ? null : Path.of(uri);
  }

  private void exponents(Map<String, Double> metrics) {
    Path table = folder.resolve("exponents");
    if (!Files.isDirectory(table)) {
      return;
    }
    ParquetTable exponents = ParquetTable.read(table);
    List<String> c = exponents.columns();
    for (Object[] row : exponents.rows()) {
      String fit =
          "exponent."
              + row[c.indexOf("sweep")]
              + "."
              + row[c.indexOf("model")]
              + (String.valueOf(row[c.indexOf("fixed_axis")]).isEmpty()
                  ? ""
                  : "."
                      + row[c.indexOf("fixed_axis")]
                      + "_"
                      // as before width inf made it a double: samples_1024, width_inf
                      + Sweep.widthText(((Number) row[c.indexOf("fixed_value")]).doubleValue()));
      put(metrics, fit, row[c.indexOf("exponent")]);
      put(metrics, fit + ".ci_low", row[c.indexOf("exponent_ci_low")]);
      put(metrics, fit + ".ci_high", row[c.indexOf("exponent_ci_high")]);
      put(metrics, fit + ".samples", row[c.indexOf("exponent_samples")]);
    }
  }

  private void claims(Map<String, Double> metrics, Map<String, String> tags) {
    Path table = folder.resolve("claims");
    if (!Files.isDirectory(table)) {
      return;
    }
    ParquetTable claims = ParquetTable.read(table);
    List<String> c = claims.columns();
    for (Object[] row : claims.rows()) {
      String claim = "claim." + row[c.indexOf("claim")];
      tags.put(claim, String.valueOf(row[c.indexOf("verdict")]));
      tags.put(claim + ".theory", String.valueOf(row[c.indexOf("theory_verdict")]));
      put(metrics, claim + ".checked", row[c.indexOf("checked")]);
      put(metrics, claim + ".violations", row[c.indexOf("violations")]);
      put(metrics, claim + ".worst", row[c.indexOf("worst")]);
    }
  }

  private static void put(Map<String, Double> metrics, String key, Object value) {
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      metrics.put(key, number.doubleValue());
    }
  }

  private static void flatten(String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
    } else {
      out.put(path, node.isTextual() ? node.asText() : node.toString());
    }
  }

  private static long millis(String iso) {
    return iso.isEmpty() ? System.currentTimeMillis() : Instant.parse(iso).toEpochMilli();
  }
}
