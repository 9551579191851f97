package org.rfsweep.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One run at a time per output folder: {@code DIR/.rfsweep.lock} names its owner (host, process,
 * start time) and is created atomically. A lock whose process is gone from this host is stale and
 * taken over; a live one, or one from another host (whose process cannot be checked from here),
 * refuses the run with the owner's name.
 */
public final class OutputLock implements AutoCloseable {
  static final String FILE = ".rfsweep.lock";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  private OutputLock(Path file) {
    this.file = file;
  }

  public static OutputLock acquire(Path folder) {
    Path file = folder.resolve(FILE);
    try {
      Files.createDirectories(folder);
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          Files.writeString(
              Files.createFile(file),
              JSON.writeValueAsString(
                  Map.of(
                      "host",
                      host(),
                      "pid",
                      ProcessHandle.current().pid(),
                      "started_at",
                      Instant.now().toString())));
          return new OutputLock(file);
        } catch (FileAlreadyExistsException e) {
          JsonNode owner = read(file);
          if (owner == null || !stale(owner)) {
            throw new OutputConflictException(
                "--out "
                    + folder
                    + ": another run is writing here ("
                    + describe(owner)
                    + "); wait for it, or remove "
                    + file
                    + " if that run is gone");
          }
          Files.deleteIfExists(file); // its process is gone from this host: take over
        }
      }
      throw new OutputConflictException("--out " + folder + ": could not take the lock " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + folder + ": cannot lock: " + e.getMessage(), e);
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

  private static boolean stale(JsonNode owner) {
    if (!host().equals(owner.path("host").asText())) {
      return false;
    }
    long pid = owner.path("pid").asLong(-1);
    return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      return null; // half-written by a run that is starting right now: treat as live
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
