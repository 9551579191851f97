package org.rfsweep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes one finished run into an MLflow file store (the {@code mlruns} folder a tracking server or
 * {@code mlflow ui --backend-store-uri} reads): an experiment folder with its {@code meta.yaml},
 * and a run folder with {@code meta.yaml}, {@code params/}, {@code metrics/}, {@code tags/} and
 * {@code artifacts/}, in the layout of MLflow's FileStore.
 */
public final class MlflowFileStore {
  /** MLflow's RunStatus.FINISHED and SourceType.LOCAL. */
  private static final int FINISHED = 3;

  private static final int SOURCE_LOCAL = 4;

  private final Path root;

  /**
   * @param root the store's folder ({@code mlruns}); a {@code file:} URI's path
   */
  public MlflowFileStore(Path root) {
    this.root = root;
  }

  /** What one run records. */
  public record Run(
      String name,
      long startMillis,
      long endMillis,
      Map<String, String> params,
      Map<String, Double> metrics,
      Map<String, String> tags,
      Path artifacts) {}

  /**
   * Logs a run under the experiment {@code experiment}, creating the experiment if the store lacks
   * it.
   *
   * @return the run's folder
   */
  public Path log(String experiment, Run run) {
    try {
      String experimentId = experimentId(experiment, run.startMillis());
      String runId = UUID.randomUUID().toString().replace("-", "");
      Path folder = root.resolve(experimentId).resolve(runId);
      Path artifacts = folder.resolve("artifacts");
      Files.createDirectories(artifacts);
      Files.writeString(
          folder.resolve("meta.yaml"),
          "artifact_uri: "
              + artifacts.toUri()
              + "\n"
              + "end_time: "
              + run.endMillis()
              + "\n"
              + "entry_point_name: ''\n"
              + "experiment_id: '"
              + experimentId
              + "'\n"
              + "lifecycle_stage: active\n"
              + "run_id: "
              + runId
              + "\n"
              + "run_name: "
              + quote(run.name())
              + "\n"
              + "run_uuid: "
              + runId
              + "\n"
              + "source_name: ''\n"
              + "source_type: "
              + SOURCE_LOCAL
              + "\n"
              + "source_version: ''\n"
              + "start_time: "
              + run.startMillis()
              + "\n"
              + "status: "
              + FINISHED
              + "\n"
              + "tags: []\n"
              + "user_id: "
              + quote(System.getProperty("user.name", "rfsweep"))
              + "\n",
          StandardCharsets.UTF_8);
      writeAll(folder.resolve("params"), run.params());
      Path metrics = Files.createDirectories(folder.resolve("metrics"));
      for (Map.Entry<String, Double> metric : run.metrics().entrySet()) {
        // One line per logged value: timestamp, value, step.
        Files.writeString(
            metrics.resolve(key(metric.getKey())),
            run.endMillis() + " " + metric.getValue() + " 0\n",
            StandardCharsets.UTF_8);
      }
      writeAll(folder.resolve("tags"), run.tags());
      if (run.artifacts() != null) {
        copy(run.artifacts(), artifacts.resolve(run.artifacts().getFileName()));
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(root + ": cannot write the MLflow run: " + e.getMessage(), e);
    }
  }

  /** The id of the experiment named {@code name}, created (next free number) if there is none. */
  private String experimentId(String name, long millis) throws IOException {
    Files.createDirectories(root);
    int next = 1;
    try (Stream<Path> entries = Files.list(root)) {
      for (Path folder : entries.filter(Files::isDirectory).toList()) {
        Path meta = folder.resolve("meta.yaml");
        String id = folder.getFileName().toString();
        if (id.matches("\\d+")) {
          next = Math.max(next, Integer.parseInt(id) + 1);
        }
        if (Files.isRegularFile(meta)
            && Files.readAllLines(meta).contains("name: " + quote(name))) {
          return id;
        }
      }
    }
    String id = Integer.toString(next);
    Path folder = Files.createDirectories(root.resolve(id));
    Files.writeString(
        folder.resolve("meta.yaml"),
        "artifact_location: "
            + folder.toUri()
            + "\n"
            + "creation_time: "
            + millis
            + "\n"
            + "experiment_id: '"
            + id
            + "'\n"
            + "last_update_time: "
            + millis
            + "\n"
            + "lifecycle_stage: active\n"
            + "name: "
            + quote(name)
            + "\n",
        StandardCharsets.UTF_8);
    return id;
  }

  private static void writeAll(Path folder, Map<String, String> values) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, String> entry : values.entrySet()) {
      Files.writeString(
          folder.resolve(key(entry.getKey())), entry.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** MLflow keys allow letters, digits, _ - . / and spaces; anything else becomes _. */
  static String key(String name) {
    return name.replaceAll("[^A-Za-z0-9_\\-. ]", "_");
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
