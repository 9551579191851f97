package org.rfsweep.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rfsweep.io.Manifest;
import org.rfsweep.io.TableFolder;
import org.rfsweep.run.FitsLocation;
import org.rfsweep.run.RunContext;
import org.rfsweep.spec.SpecFingerprint;

/**
 * Guards an output folder: results of one compatible spec and one results version only, never mixed
 * with another's or with foreign files.
 */
public final class OutputFolder {
  /** Where rows of another results version are moved by {@code --supersede}. */
  static final String SUPERSEDED = "superseded";

  /** What a results version owns in a folder: the fits and everything computed from them. */
  private static final List<String> RESULTS =
      List.of(
          "fits",
          "curves",
          "optimal",
          "exponents",
          "claims",
          "spectrum",
          "spectrum_exponents",
          "report");

  /** Folders written before results versions existed say nothing; they are this version. */
  static final String UNVERSIONED = "unversioned";

  private static final ObjectMapper JSON = new ObjectMapper();

  private OutputFolder() {}

  /**
   * Refuses a folder that holds results of a spec this one cannot extend (a different job seed,
   * ridge list, name or fit option: task points, widths, samples and the seed count may differ,
   * each task point's rows keyed apart), naming each field that differs with both values; or rows
   * of another results version, unless {@code supersede}; or files that are not rfsweep results.
   *
   * @return the other results version the folder holds, when {@code supersede} allows moving it
   *     aside
   * @throws OutputConflictException naming the folder, the field or version and what to do
   */
  public static Optional<String> check(Path folder, RunContext context, boolean supersede) {
    try {
      if (!Files.exists(folder)) {
        return Optional.empty();
      }
      if (!Files.isDirectory(folder)) {
        throw new OutputConflictException("--out " + folder + ": exists and is not a folder");
      }
      JsonNode manifest = Manifest.read(folder);
      if (manifest == null) {
        try (Stream<Path> entries = Files.list(folder)) {
          if (entries.anyMatch(p -> !p.getFileName().toString().equals(OutputLock.FILE))) {
            throw new OutputConflictException(
                "--out "
                    + folder
                    + ": not empty and has no "
                    + Manifest.FILE
                    + "; it is not an rfsweep output folder");
          }
        }
        return Optional.empty();
      }
      List<String> differences = differences(manifest.path("spec"), context);
      if (!differences.isEmpty()) {
        throw new OutputConflictException(
            "--out "
                + folder
                + ": holds results of job '"
                + manifest.path("job_name").asText("?")
                + "' that this spec cannot extend: "
                + String.join("; ", differences)
                + ". Choose another --out (or remove the folder)");
      }
      String found = manifest.path("results_version").asText(UNVERSIONED);
      if (found.equals(context.resultsVersion()) || !FitsLocation.of(folder).exists()) {
        return Optional.empty();
      }
      if (!supersede) {
        throw new OutputConflictException(
            "--out "
                + folder
                + ": holds rows of results version "
                + found
                + ", and this rfsweep computes version "
                + context.resultsVersion()
                + " (its numbers may differ). Re-run with --supersede to move them to "
                + folder.resolve(SUPERSEDED).resolve(found)
                + " and recompute, or choose another --out");
      }
      return Optional.of(found);
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + folder + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a {@code --fits} location the folder cannot take: another location than the one its
   * first run recorded, or any location when the folder's own {@code DIR/fits} already holds rows.
   *
   * @param fits the location asked for, or null for the folder's own
   */
  public static void checkFitsLocation(Path folder, String fits) {
    if (fits == null) {
      return;
    }
    Optional<String> recorded = FitsLocation.recorded(folder);
    String wanted = TableFolder.of(fits).uri();
    if (recorded.isPresent() && !TableFolder.of(recorded.get()).uri().equals(wanted)) {
      throw new OutputConflictException(
          "--fits "
              + fits
              + ": "
              + folder
              + " keeps its fits at "
              + recorded.get()
              + " ("
              + FitsLocation.POINTER
              + "); give that location or none, or choose another --out");
    }
    if (recorded.isEmpty() && TableFolder.local(folder.resolve("fits")).bytes() > 0) {
      throw new OutputConflictException(
          "--fits "
              + fits
              + ": "
              + folder.resolve("fits")
              + " already holds this folder's rows; run without --fits, or choose another --out");
    }
  }

  /**
   * Moves a folder's results of another version to {@code DIR/superseded/<version>/}, each table by
   * one rename (same file system), so {@code fits} only ever holds one version. Call holding the
   * folder's lock.
   */
  static void supersede(Path folder, String version, Consumer<String> report) {
    Path target = folder.resolve(SUPERSEDED).resolve(version);
    try {
      if (Files.exists(target)) {
        target = folder.resolve(SUPERSEDED).resolve(version + "-" + System.currentTimeMillis());
      }
      Files.createDirectories(target);
      // The fits go beside themselves (on their own file system when --fits put them elsewhere).
      TableFolder fits = FitsLocation.of(folder);
      if (fits.exists()) {
        fits.moveTo(fits.sibling(SUPERSEDED + "/" + target.getFileName() + "/fits"));
      }
      for (String name : RESULTS) {
        Path table = folder.resolve(name);
        if (!name.equals("fits") && Files.exists(table)) {
          Files.move(table, target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "--out "
              + folder
              + ": cannot move results version "
              + version
              + " aside: "
              + e.getMessage(),
          e);
    }
    report.accept("moved the rows of results version " + version + " to " + target);
  }

  /**
   * The compatibility-relevant fields that differ, as "field: found in the folder, this spec";
   * empty when this spec extends the folder's.
   */
  static List<String> differences(JsonNode recorded, RunContext context) {
    Map<String, String> before = new TreeMap<>();
    Map<String, String> now = new TreeMap<>();
    flatten("", recorded, before);
    flatten("", JSON.valueToTree(SpecFingerprint.resolved(context.spec())), now);
    List<String> out = new ArrayList<>();
    for (String field : union(before, now)) {
      if (field.startsWith("grid.sweeps")
          || field.equals("grid.seeds")
          || field.startsWith("task.")
          || field.startsWith("features")
          || field.startsWith("points")
          || field.startsWith("report")) {
        continue; // task points, cells and seeds may differ: that is extending a folder
      }
      String was = before.getOrDefault(field, "(none)");
      String is = now.getOrDefault(field, "(none)");
      if (!was.equals(is)) {
        out.add(field + " is " + was + " in the folder, " + is + " in this spec");
      }
    }
    return out;
  }

  private static List<String> union(Map<String, String> a, Map<String, String> b) {
    TreeMap<String, String> all = new TreeMap<>(a);
    all.putAll(b);
    return new ArrayList<>(all.keySet());
  }

  private static void flatten(String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  flatten(
                      path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
    } else {
      out.put(path, node.toString());
    }
  }
}
