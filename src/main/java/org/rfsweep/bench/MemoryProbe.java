package org.rfsweep.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.rfsweep.grid.Cell;
import org.rfsweep.grid.WorkUnit;
import org.rfsweep.linalg.NativeLinalg;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.FeatureSpec;
import org.rfsweep.spec.FitSpec;
import org.rfsweep.spec.GridSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.Sweep;
import org.rfsweep.task.SparkUnitTask;

/**
 * The heap one task holds, measured in a JVM of its own: in the benchmark's JVM, what ran before
 * (Spark, earlier tasks) moved the figure by half a matrix from one order of the runs to the next.
 * A sampler asks for a collection every 100 ms; the live heap is what each collection that actually
 * ran reports after it (a request made while a thread is inside LAPACK, holding its arrays, can be
 * put off, and reading the heap then would count garbage). Between collections the heap in use is
 * read every 2 ms (garbage included).
 */
public final class MemoryProbe {
  /** Peak bytes above the JVM's baseline, and the task's wall seconds. */
  public record Result(long live, long used, double seconds) {}

  private MemoryProbe() {}

  /**
   * Runs the probe for a size x size ReLU task in a child JVM with this JVM's heap limit and G1
   * regions.
   */
  public static Result inChildJvm(int size, boolean leaveOneOut) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20) + "m");
    command.add("-XX:G1HeapRegionSize=4m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MemoryProbe.class.getName());
    command.add(Integer.toString(size));
    command.add(Boolean.toString(leaveOneOut));
    try {
      Path result = Files.createTempFile("rfsweep-memory", ".txt");
      command.add(result.toString());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      int exit = process.waitFor();
      String output = Files.readString(result, StandardCharsets.UTF_8).trim();
      Files.deleteIfExists(result);
      String[] fields = output.isEmpty() ? new String[0] : output.split("\\s+");
      if (exit != 0 || fields.length != 3) {
        throw new IllegalStateException(
            "memory probe for " + size + " x " + size + " failed (exit " + exit + "): " + output);
      }
      return new Result(
          Long.parseLong(fields[0]), Long.parseLong(fields[1]), Double.parseDouble(fields[2]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the memory probe", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the memory probe", e);
    }
  }

  /** Child entry point: SIZE LEAVE_ONE_OUT RESULT_FILE; writes "live used seconds" to the file. */
  public static void main(String[] args) throws IOException {
    int size = Integer.parseInt(args[0]);
    boolean leaveOneOut = Boolean.parseBoolean(args[1]);
    // Two BLAS threads: memory does not depend on them, and the 8192 eigendecomposition halves in
    // time.
    NativeLinalg.initialise(2);
    PowerLawTaskSpec task =
        new PowerLawTaskSpec(1.5, 1.3, 0.1, Benchmark.INPUT_DIMENSION, Benchmark.TEST_POINTS);
    JobSpec spec =
        new JobSpec(
            "memory",
            1,
            task,
            new FeatureSpec(FeatureKind.RELU),
            new GridSpec(List.of(new Sweep(List.of(size), List.of(size))), List.of(0.0, 1.0), 1),
            new FitSpec(leaveOneOut));
    // A small task first: classes, native libraries and JIT data load outside the measurement.
    SparkUnitTask.runner(spec).run(new WorkUnit(0, List.of(new Cell(64, 64))));
    var runner = SparkUnitTask.runner(spec);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peakUsed = new AtomicLong(baseline);
    AtomicLong peakLive = new AtomicLong(baseline);
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector)
          .addNotificationListener(
              (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                  GcInfo info =
                      GarbageCollectionNotificationInfo.from(
                              (CompositeData) notification.getUserData())
                          .getGcInfo();
                  long after =
                      info.getMemoryUsageAfterGc().values().stream()
                          .mapToLong(MemoryUsage::getUsed)
                          .sum();
                  peakLive.accumulateAndGet(after, Math::max);
                }
              },
              null,
              null);
    }
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              long lastCollection = 0;
              while (running.get()) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                if (System.nanoTime() - lastCollection > 100_000_000L) {
                  System.gc();
                  lastCollection = System.nanoTime();
                }
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    runner.run(new WorkUnit(0, List.of(new Cell(size, size))));
    double seconds = (System.nanoTime() - start) * 1e-9;
    running.set(false);
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.writeString(
        Path.of(args[2]),
        (peakLive.get() - baseline) + " " + (peakUsed.get() - baseline) + " " + seconds,
        StandardCharsets.UTF_8);
  }
}
