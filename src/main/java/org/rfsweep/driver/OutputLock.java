package org.rfsweep.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One run at a time per output folder: {@code DIR/.rfsweep.lock} names its owner (host, process,
 * the process's start time as the OS counts it, the boot, and when it started). The lock's content
 * is written to a file of its own first and linked into place in one step, so a lock is never empty
 * or half-written however the run dies. A lock whose owner is gone from this host (no such process,
 * or a process that started at another time or in another boot, i.e. a reused PID) is stale and
 * taken over; so is an unreadable lock older than a minute, with a line saying so. A live owner, or
 * one on another host (which cannot be checked from here), refuses the run with its name.
 */
public final class OutputLock implements AutoCloseable {
  static final String FILE = ".rfsweep.lock";

  /**
   * An unreadable lock younger than this may belong to an rfsweep that writes locks in two steps.
   */
  static final Duration UNREADABLE_GRACE = Duration.ofMinutes(1);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  private OutputLock(Path file) {
    this.file = file;
  }

  public static OutputLock acquire(Path folder) {
    return acquire(folder, line -> {});
  }

  /**
   * @param report receives a line when a stale or unreadable lock is taken over
   */
  public static OutputLock acquire(Path folder, Consumer<String> report) {
    Path file = folder.resolve(FILE);
    try {
      Files.createDirectories(folder);
      Path mine = Files.createTempFile(folder, FILE, ".new");
      try {
        Files.writeString(mine, JSON.writeValueAsString(owner()));
        for (int attempt = 0; attempt < 2; attempt++) {
          try {
            Files.createLink(file, mine); // atomic, and fails if a lock is there
            return new OutputLock(file);
          } catch (FileAlreadyExistsException e) {
            String stale = staleness(file);
            if (stale == null) {
              throw new OutputConflictException(
                  "--out "
                      + folder
                      + ": another run is writing here ("
                      + describe(read(file))
                      + "); wait for it, or remove "
                      + file
                      + " if that run is gone");
            }
            Files.deleteIfExists(file);
            report.accept("took over " + file + ": " + stale);
          }
        }
      } finally {
        Files.deleteIfExists(mine);
      }
      throw new OutputConflictException("--out " + folder + ": could not take the lock " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + folder + ": cannot lock: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses now, before a session starts, if a live run holds the folder's lock; takes nothing (the
   * lock is taken by {@link #acquire} when the run starts writing).
   */
  public static void refuseIfHeld(Path folder) {
    Path file = folder.resolve(FILE);
    try {
      if (Files.exists(file) && staleness(file) == null) {
        throw new OutputConflictException(
            "--out "
                + folder
                + ": another run is writing here ("
                + describe(read(file))
                + "); wait for it, or remove "
                + file
                + " if that run is gone");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "--out " + folder + ": cannot read its lock: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> owner() {
    Map<String, Object> owner = new LinkedHashMap<>();
    long pid = ProcessHandle.current().pid();
    owner.put("host", host());
    owner.put("pid", pid);
    startTicks(pid).ifPresent(ticks -> owner.put("process_start_ticks", ticks));
    bootId().ifPresent(boot -> owner.put("boot_id", boot));
    owner.put("started_at", Instant.now().toString());
    return owner;
  }

  /** Why the lock's owner is gone, or null if it may be alive. */
  static String staleness(Path file) throws IOException {
    JsonNode owner = read(file);
    if (owner == null) {
      Instant written = Files.getLastModifiedTime(file).toInstant();
      return written.isBefore(Instant.now().minus(UNREADABLE_GRACE))
          ? "it was empty or unreadable and older than " + UNREADABLE_GRACE.toMinutes() + " minute"
          : null;
    }
    if (!host().equals(owner.path("host").asText())) {
      return null;
    }
    long pid = owner.path("pid").asLong(-1);
    String who = "process " + pid + " of this host";
    if (owner.has("boot_id")
        && bootId().map(b -> !b.equals(owner.path("boot_id").asText())).orElse(false)) {
      return who + " ran before the last reboot";
    }
    if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
      return who + " is gone";
    }
    if (owner.has("process_start_ticks")
        && startTicks(pid)
            .map(t -> t != owner.path("process_start_ticks").asLong())
            .orElse(false)) {
      return who + " is another process now (the PID was reused)";
    }
    return null;
  }

  private static JsonNode read(Path file) {
    try {
      JsonNode owner = JSON.readTree(file.toFile());
      return owner != null && owner.isObject() && owner.has("pid") ? owner : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A process's start time in clock ticks since boot (Linux: field 22 of /proc/PID/stat), if
   * readable.
   */
  static Optional<Long> startTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) may hold spaces and parentheses: count fields after its closing
      // one.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      return Optional.of(Long.parseLong(fields[19]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> bootId() {
    try {
      return Optional.of(Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String describe(JsonNode owner) {
    return owner == null
        ? "its lock is being written"
        : "host "
            + owner.path("host").asText()
            + ", process "
            + owner.path("pid").asText()
            + ", started "
            + owner.path("started_at").asText();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }
}
