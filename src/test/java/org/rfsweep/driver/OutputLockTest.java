package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {

  @Test
  void aSecondRunIsRefusedWithTheOwnersName(@TempDir Path dir) {
    try (OutputLock first = OutputLock.acquire(dir)) {
      OutputConflictException e =
          assertThrows(OutputConflictException.class, () -> OutputLock.acquire(dir));
      assertTrue(e.getMessage().contains("another run is writing here"), e.getMessage());
      assertTrue(
          e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
      assertTrue(e.getMessage().contains("started 20"), e.getMessage());
    }
    assertFalse(Files.exists(dir.resolve(OutputLock.FILE)), "the lock outlived its run");
    OutputLock.acquire(dir).close();
  }

  @Test
  void aLockLeftByADeadProcessIsTakenOver(@TempDir Path dir) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(
        dir.resolve(OutputLock.FILE),
        "{\"host\": \""
            + InetAddress.getLocalHost().getHostName()
            + "\", \"pid\": "
            + gone.pid()
            + ", \"started_at\": \"2026-01-01T00:00:00Z\"}");
    try (OutputLock taken = OutputLock.acquire(dir)) {
      assertTrue(
          Files.readString(dir.resolve(OutputLock.FILE))
              .contains("\"pid\":" + ProcessHandle.current().pid()));
    }
  }

  @Test
  void aLockFromAnotherHostIsNeverAssumedDead(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve(OutputLock.FILE),
        "{\"host\": \"some-other-host\", \"pid\": 1, \"started_at\": \"2026-01-01T00:00:00Z\"}");
    OutputConflictException e =
        assertThrows(OutputConflictException.class, () -> OutputLock.acquire(dir));
    assertTrue(e.getMessage().contains("host some-other-host, process 1"), e.getMessage());
  }

  private static void writeLock(Path dir, String content, Duration age) throws Exception {
    Path lock = dir.resolve(OutputLock.FILE);
    Files.writeString(lock, content);
    Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(age)));
  }

  @Test
  void anEmptyOrGarbledLockIsTakenOverOnceOlderThanAMinute(@TempDir Path dir) throws Exception {
    for (String content : new String[] {"", "\u0000\u0000garbage{"}) {
      writeLock(dir, content, Duration.ofSeconds(5));
      assertThrows(
          OutputConflictException.class,
          () -> OutputLock.acquire(dir),
          "a fresh one may be in writing");
      writeLock(dir, content, Duration.ofMinutes(2));
      List<String> lines = new ArrayList<>();
      try (OutputLock taken = OutputLock.acquire(dir, lines::add)) {
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("empty or unreadable"), lines.get(0));
      }
    }
  }

  @Test
  void aLiveProcessThatIsNotTheOwnerIsRecognisedAsAReusedPid(@TempDir Path dir) throws Exception {
    long pid = ProcessHandle.current().pid();
    long ticks = OutputLock.startTicks(pid).orElseThrow();
    String host = InetAddress.getLocalHost().getHostName();
    String lock = "{\"host\": \"" + host + "\", \"pid\": " + pid + ", \"process_start_ticks\": %d}";
    writeLock(dir, String.format(lock, ticks), Duration.ZERO);
    assertThrows(
        OutputConflictException.class,
        () -> OutputLock.acquire(dir),
        "the owner is this live process");
    writeLock(dir, String.format(lock, ticks - 1), Duration.ZERO);
    List<String> lines = new ArrayList<>();
    try (OutputLock taken = OutputLock.acquire(dir, lines::add)) {
      assertTrue(lines.get(0).contains("PID was reused"), lines.toString());
    }
  }

  @Test
  void theLockIsNeverSeenEmpty(@TempDir Path dir) throws Exception {
    try (OutputLock lock = OutputLock.acquire(dir)) {
      String content = Files.readString(dir.resolve(OutputLock.FILE));
      assertTrue(content.contains("\"process_start_ticks\""), content);
      assertTrue(content.contains("\"boot_id\""), content);
      try (var files = Files.list(dir)) {
        assertEquals(1, files.count(), "no temporary file left beside the lock");
      }
    }
  }
}
