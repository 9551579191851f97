package org.rfsweep.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rfsweep.data.DatasetPool;
import org.rfsweep.io.RunLabel;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecFingerprint;

/**
 * Measured pool spectra kept between runs, in the user's cache folder, so that only the first run
 * on a pool and kernel pays for the eigendecomposition (Fashion-MNIST's 10,000-point pool: about
 * two minutes here, against seconds for the fits of a small sweep). An entry is keyed by everything
 * the numbers depend on: the pool's content bit for bit, the kernel, the job seed, the BLAS library
 * and its thread count (LAPACK's rounding depends on them) and the results version; so a spectrum
 * from the cache is the one the run would have measured. Entries are made whole in a scratch folder
 * and moved into place, so a killed run or two runs at once never leave half of one.
 *
 * <p>Where: {@code -Drfsweep.cache=DIR} or {@code RFSWEEP_CACHE=DIR}, else {@code
 * $XDG_CACHE_HOME/rfsweep}, else {@code ~/.cache/rfsweep}; {@code off} turns it off.
 */
public final class SpectrumCache {
  public static final String PROPERTY = "rfsweep.cache";
  public static final String ENV = "RFSWEEP_CACHE";
  public static final String OFF = "off";

  private static final String RECORD = "measured.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  private SpectrumCache(Path root) {
    this.root = root;
  }

  /** A kept measurement: its folder, and when and how fast it was measured. */
  public record Entry(Path folder, String measuredAt, double seconds) {}

  /** A spectrum found in the cache, with its entry. */
  public record Hit(PoolSpectrum spectrum, Entry entry) {}

  /** The cache the environment asks for (see the class comment). */
  public static SpectrumCache fromEnvironment() {
    String chosen = System.getProperty(PROPERTY, System.getenv(ENV));
    if (chosen != null && !chosen.isBlank()) {
      return new SpectrumCache(chosen.trim().equals(OFF) ? null : Path.of(chosen.trim()));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return new SpectrumCache(base.resolve("rfsweep"));
  }

  /** A cache in {@code root}, or none when null. */
  public static SpectrumCache at(Path root) {
    return new SpectrumCache(root);
  }

  public boolean enabled() {
    return root != null;
  }

  /** The cache's folder, for messages ({@code off} when there is none). */
  public String where() {
    return root == null ? OFF : root.toString();
  }

  /**
   * The entry kept for this pool and kernel with these BLAS threads, if any, without reading its
   * tables (what {@code plan} needs).
   *
   * @param blasLabel the backend that measures, as {@link org.rfsweep.linalg.BlasBackend#label}
   */
  public Optional<Entry> find(JobSpec spec, DatasetPool pool, String blasLabel) throws IOException {
    return root == null ? Optional.empty() : find(entry(spec, pool, blasLabel));
  }

  private static Optional<Entry> find(Path folder) throws IOException {
    if (!Files.isRegularFile(folder.resolve(RECORD))) {
      return Optional.empty();
    }
    Map<?, ?> record = JSON.readValue(folder.resolve(RECORD).toFile(), Map.class);
    return Optional.of(
        new Entry(
            folder,
            String.valueOf(record.get("measured_at")),
            ((Number) record.get("seconds")).doubleValue()));
  }

  /**
   * The spectrum measured on this pool and kernel with these BLAS threads, if kept; an entry that
   * cannot be read is reported and treated as absent (the next measurement replaces it).
   */
  public Optional<Hit> lookup(
      JobSpec spec, DatasetPool pool, String blasLabel, Consumer<String> report) {
    if (root == null) {
      return Optional.empty();
    }
    Path folder = entry(spec, pool, blasLabel);
    try {
      Optional<Entry> entry = find(folder);
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      Optional<PoolSpectrum> kept = SpectrumTables.read(folder, spec);
      if (kept.isEmpty()) {
        report.accept("the cached spectrum in " + folder + " is incomplete: measuring it again");
        return Optional.empty();
      }
      return Optional.of(new Hit(kept.get(), entry.get()));
    } catch (IOException | RuntimeException unreadable) {
      report.accept(
          "the cached spectrum in "
              + folder
              + " cannot be read ("
              + unreadable.getMessage()
              + "): measuring it again");
      return Optional.empty();
    }
  }

  /**
   * Keeps a measured spectrum; returns where, or empty (with the reason reported) when the cache is
   * off or cannot be written, which never fails the run.
   */
  public Optional<Path> store(
      JobSpec spec,
      DatasetPool pool,
      String blasLabel,
      PoolSpectrum measured,
      Consumer<String> report) {
    if (root == null) {
      return Optional.empty();
    }
    Path entry = entry(spec, pool, blasLabel);
    Path scratch = entry.resolveSibling("." + entry.getFileName() + "-" + UUID.randomUUID());
    try {
      Files.createDirectories(scratch);
      SpectrumTables.write(
          scratch, new RunLabel(spec.name(), SpecFingerprint.hash(spec)), spec, measured);
      String record =
          JSON.writeValueAsString(
              Map.of(
                  "measured_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                  "seconds", measured.seconds(),
                  "job", spec.name(),
                  "blas", blasLabel,
                  "pool_points", pool.size()));
      Files.writeString(scratch.resolve(RECORD), record, StandardCharsets.UTF_8);
      if (Files.exists(entry)) {
        // Unreadable (lookup said so), or kept by another run since: replaced by the same numbers.
        deleteTree(entry);
      }
      try {
        Files.move(scratch, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
        deleteTree(scratch); // another run kept the same numbers first
      }
      return Optional.of(entry);
    } catch (IOException | RuntimeException e) {
      report.accept(
          "could not keep the spectrum in the cache "
              + root
              + " ("
              + e.getMessage()
              + "); the run goes on (set "
              + ENV
              + "=off to stop trying)");
      try {
        deleteTree(scratch);
      } catch (IOException | UncheckedIOException ignored) {
        // nothing more to tidy
      }
      return Optional.empty();
    }
  }

  /** The entry's folder: one per pool, kernel, job seed, BLAS library and thread count. */
  Path entry(JobSpec spec, DatasetPool pool, String blasLabel) {
    return root.resolve("spectra")
        .resolve(
            SpecFingerprint.spectrumEntryKey(
                spec, pool.digest(), blasLabel, ResultsVersion.CURRENT));
  }

  /** A kept measurement's date and cost in words, e.g. "measured 2026-12-02 in 137 s". */
  public static String describe(Entry entry) {
    String day = entry.measuredAt().length() >= 10 ? entry.measuredAt().substring(0, 10) : "?";
    return Double.isFinite(entry.seconds())
        ? String.format(Locale.ROOT, "measured %s in %.0f s", day, entry.seconds())
        : "measured " + day;
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
