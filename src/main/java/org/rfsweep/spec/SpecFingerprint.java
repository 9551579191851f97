package org.rfsweep.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The resolved spec as canonical JSON (axes expanded, defaults filled in) and its SHA-256: two spec
 * files that mean the same job get the same hash, whatever their layout or comments.
 */
public final class SpecFingerprint {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private SpecFingerprint() {}

  /**
   * The resolved spec as nested maps and lists, ready for JSON, and readable again by the loader: a
   * job of one task point has its task and features; a job with task axes has its first point's
   * task and features and {@code points}, every point as the dotted fields that differ between
   * points (a zip, so the expansion is written out).
   */
  public static Map<String, Object> resolved(JobSpec spec) {
    TaskPoint first = spec.points().get(0);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", spec.name());
    root.put("seed", spec.seed());
    root.put("task", task(first.task()));
    root.put("features", features(first.features()));
    if (spec.hasTaskAxes()) {
      root.put("points", points(spec.points()));
    }
    List<Map<String, Object>> sweeps =
        spec.grid().sweeps().stream()
            .map(
                s ->
                    Map.<String, Object>of(
                        "widths",
                        s.widths().stream().map(Sweep::widthForSpec).toList(),
                        "samples",
                        s.samples()))
            .toList();
    Map<String, Object> grid = new LinkedHashMap<>();
    grid.put("sweeps", sweeps);
    grid.put("ridges", spec.grid().ridges());
    grid.put("seeds", spec.grid().seeds());
    root.put("grid", grid);
    root.put("fit", Map.of("loo", spec.fit().leaveOneOut()));
    if (!spec.report().automatic()) { // absent when automatic: older specs keep their hashes
      Map<String, Object> report = new LinkedHashMap<>();
      if (!spec.report().widthsAt().isEmpty()) {
        report.put("widths_at", spec.report().widthsAt());
      }
      if (!spec.report().samplesAt().isEmpty()) {
        report.put(
            "samples_at", spec.report().samplesAt().stream().map(Sweep::widthForSpec).toList());
      }
      root.put("report", report);
    }
    return root;
  }

  /** Each point as the dotted fields whose values are not the same at every point. */
  private static List<Map<String, Object>> points(List<TaskPoint> points) {
    List<Map<String, Object>> flat = new ArrayList<>();
    for (TaskPoint point : points) {
      Map<String, Object> fields = new TreeMap<>();
      task(point.task()).forEach((field, value) -> fields.put("task." + field, value));
      fields.put("features", features(point.features()));
      flat.add(fields);
    }
    Set<String> varying = new TreeSet<>();
    for (Map<String, Object> fields : flat) {
      for (String field : fields.keySet()) {
        if (flat.stream().anyMatch(other -> !Objects.equals(other.get(field), fields.get(field)))) {
          varying.add(field);
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> fields : flat) {
      Map<String, Object> entry = new TreeMap<>(fields);
      entry.keySet().retainAll(varying);
      out.add(entry);
    }
    return out;
  }

  private static Map<String, Object> task(TaskSpec spec) {
    Map<String, Object> task = new LinkedHashMap<>();
    if (spec instanceof PowerLawTaskSpec p) {
      task.put("type", p.type());
      task.put("alpha", p.alpha());
      task.put("beta", p.beta());
      task.put("noise", p.noise());
      task.put("modes", p.modes());
      task.put("test_samples", p.testSamples());
    } else if (spec instanceof DatasetTaskSpec d) {
      task.put("type", d.type());
      task.put(
          "source",
          d.format().equals("idx")
              ? Map.of("format", "idx", "images", d.images(), "labels", d.labels())
              : Map.of(
                  "format",
                  d.format(),
                  "path",
                  d.path(),
                  "label",
                  d.labelColumn(),
                  "features",
                  d.featureColumns()));
      task.put(
          "target",
          d.target().equals(DatasetTaskSpec.BINARY) ? Map.of("binary", d.positive()) : d.target());
      task.put("pool", d.pool());
      task.put("test_samples", d.testSamples());
      if (d.labelNoise() > 0) { // absent when 0, so specs written before it keep their hashes
        task.put("label_noise", d.labelNoise());
      }
    }
    return task;
  }

  private static Object features(FeatureSpec spec) {
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("type", spec.kind().word());
    if (!Double.isNaN(spec.length())) {
      features.put("length", spec.length());
    }
    return features;
  }

  public static String canonicalJson(JobSpec spec) {
    try {
      return JSON.writeValueAsString(resolved(spec));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the resolved spec", e);
    }
  }

  /** Hex SHA-256 of the canonical JSON, shortened to 16 characters (64 bits). */
  public static String hash(JobSpec spec) {
    return sha256(canonicalJson(spec));
  }

  /**
   * What every result of a job depends on besides its task point, cell and seed: the resolved spec
   * without task, features, points and the grid's widths, samples and seed count (name, job seed,
   * ridges, fit options). A folder written by a spec takes any spec with the same hash: new points,
   * cells and seeds are added beside the old ones.
   */
  public static String compatibilityHash(JobSpec spec) {
    Map<String, Object> resolved = resolved(spec);
    resolved.remove("task");
    resolved.remove("features");
    resolved.remove("points");
    resolved.remove("report");
    return sha256(json(withoutCells(resolved)));
  }

  /**
   * What every result of one task point depends on besides its cell and seed: the job at that point
   * without the grid's widths, samples and seed count. Part of every cell key; for a job of one
   * point it is the same hash rfsweep has always used, so older folders resume.
   */
  public static String pointHash(JobSpec spec, TaskPoint point) {
    Map<String, Object> resolved = resolved(spec.at(point));
    resolved.remove("report"); // the report's choices change no result
    return sha256(json(withoutCells(resolved)));
  }

  private static Map<String, Object> withoutCells(Map<String, Object> resolved) {
    @SuppressWarnings("unchecked")
    Map<String, Object> grid = new LinkedHashMap<>((Map<String, Object>) resolved.get("grid"));
    grid.remove("sweeps");
    grid.remove("seeds");
    resolved.put("grid", grid);
    return resolved;
  }

  /**
   * What a dataset pool's measured spectrum depends on: the task (files, target, pool size; not the
   * label noise, which only the training labels see), the job seed that draws the pool, and the
   * feature map whose kernel is measured.
   */
  public static String spectrumKey(JobSpec spec) {
    Map<String, Object> resolved = resolved(spec);
    @SuppressWarnings("unchecked")
    Map<String, Object> task = new LinkedHashMap<>((Map<String, Object>) resolved.get("task"));
    task.remove("label_noise");
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("task", task);
    key.put("seed", resolved.get("seed"));
    key.put("features", resolved.get("features"));
    return sha256(json(key));
  }

  /**
   * The key of a measured spectrum kept between runs: {@link #spectrumKey}, the pool's content
   * digest, the BLAS library and threads that measured it (LAPACK's rounding depends on them) and
   * the results version. The first word changes when a kept entry's layout does.
   */
  public static String spectrumEntryKey(
      JobSpec spec, String poolDigest, String blasLabel, String resultsVersion) {
    return sha256(
        String.join(
            "|", "spectrum-entry-1", spectrumKey(spec), poolDigest, blasLabel, resultsVersion));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the resolved spec", e);
    }
  }

  /**
   * The content key of one (cell, seed): compatibility hash, results version and coordinates (a
   * finite width as its integer, the kernel limit as {@code inf}).
   */
  public static String cellKey(
      String compatibilityHash, String resultsVersion, double width, int samples, int seed) {
    return sha256(
        compatibilityHash
            + "|"
            + resultsVersion
            + "|"
            + Sweep.widthText(width)
            + "|"
            + samples
            + "|"
            + seed);
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
