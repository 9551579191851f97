package org.rfsweep.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved spec as canonical JSON (axes expanded, defaults filled in) and its SHA-256: two spec
 * files that mean the same job get the same hash, whatever their layout or comments.
 */
public final class SpecFingerprint {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private SpecFingerprint() {}

  /** The resolved spec as nested maps and lists, ready for JSON. */
  public static Map<String, Object> resolved(JobSpec spec) {
    Map<String, Object> task = new LinkedHashMap<>();
    if (spec.task() instanceof PowerLawTaskSpec p) {
      task.put("type", p.type());
      task.put("alpha", p.alpha());
      task.put("beta", p.beta());
      task.put("noise", p.noise());
      task.put("modes", p.modes());
      task.put("test_samples", p.testSamples());
    } else if (spec.task() instanceof DatasetTaskSpec d) {
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
    }
    List<Map<String, Object>> sweeps =
        spec.grid().sweeps().stream()
            .map(s -> Map.<String, Object>of("widths", s.widths(), "samples", s.samples()))
            .toList();
    Map<String, Object> grid = new LinkedHashMap<>();
    grid.put("sweeps", sweeps);
    grid.put("ridges", spec.grid().ridges());
    grid.put("seeds", spec.grid().seeds());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", spec.name());
    root.put("seed", spec.seed());
    root.put("task", task);
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("type", spec.features().kind().word());
    if (!Double.isNaN(spec.features().length())) {
      features.put("length", spec.features().length());
    }
    root.put("features", features);
    root.put("grid", grid);
    root.put("fit", Map.of("loo", spec.fit().leaveOneOut()));
    return root;
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
   * What every result of a spec depends on besides its cell and seed: the resolved spec without the
   * grid's widths, samples and seed count. Specs with the same compatibility hash extend each
   * other: a folder written by one can take the other's new cells.
   */
  public static String compatibilityHash(JobSpec spec) {
    Map<String, Object> resolved = resolved(spec);
    @SuppressWarnings("unchecked")
    Map<String, Object> grid = new LinkedHashMap<>((Map<String, Object>) resolved.get("grid"));
    grid.remove("sweeps");
    grid.remove("seeds");
    resolved.put("grid", grid);
    try {
      return sha256(JSON.writeValueAsString(resolved));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the resolved spec", e);
    }
  }

  /**
   * What a dataset pool's measured spectrum depends on: the task (files, target, pool size), the
   * job seed that draws the pool, and the feature map whose kernel is measured.
   */
  public static String spectrumKey(JobSpec spec) {
    Map<String, Object> resolved = resolved(spec);
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("task", resolved.get("task"));
    key.put("seed", resolved.get("seed"));
    key.put("features", resolved.get("features"));
    try {
      return sha256(JSON.writeValueAsString(key));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the resolved spec", e);
    }
  }

  /** The content key of one (cell, seed): compatibility hash, results version and coordinates. */
  public static String cellKey(
      String compatibilityHash, String resultsVersion, int width, int samples, int seed) {
    return sha256(
        compatibilityHash + "|" + resultsVersion + "|" + width + "|" + samples + "|" + seed);
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
