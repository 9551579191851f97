package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
