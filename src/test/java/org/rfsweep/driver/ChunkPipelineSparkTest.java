package org.rfsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.grid.GridPlan;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.FitsResults;
import org.rfsweep.testing.SharedSpark;
import org.rfsweep.testing.Specs;

/**
 * Chunks whose Spark jobs run at the same time, each written into its own staging folder and moved
 * into the table: the rows are those of one chunk, each once, and what a killed run leaves in the
 * staging folders is settled by the next run (committed chunks moved in, the rest discarded).
 */
@Tag("spark")
@ExtendWith(SharedSpark.class)
class ChunkPipelineSparkTest {
  private static final JobSpec SPEC = SpecLoader.parse(Specs.small(), "small.yaml");
  private static final GridPlan PLAN = GridPlan.of(SPEC);

  private static SweepDriver.Outcome run(
      SparkSession spark, Path out, int chunkUnits, List<String> log) {
    return SweepDriver.run(
        spark, SPEC, new SweepDriver.Options(out, 0, false, chunkUnits, false), log::add);
  }

  private static Map<String, String> results(Path out) {
    return FitsResults.byCell(ParquetTable.read(out.resolve("fits")));
  }

  private static List<Path> entries(Path folder, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  @Test
  void chunksInFlightTogetherWriteTheRowsOfOneChunkEachOnce(SparkSession spark, @TempDir Path dir)
      throws IOException {
    Path whole = dir.resolve("whole");
    Path pieces = dir.resolve("pieces");
    run(spark, whole, 0, new ArrayList<>());
    SweepDriver.Outcome outcome = run(spark, pieces, 1, new ArrayList<>()); // a chunk per unit

    assertEquals(PLAN.rows(), outcome.rows());
    assertEquals(results(whole), results(pieces), "the same rows, bit for bit");
    assertEquals(List.of(), entries(pieces.resolve("fits"), ChunkStaging.PREFIX), "staging gone");
    assertTrue(
        entries(pieces.resolve("fits"), "part-").size() >= PLAN.units().size(),
        "a part file per chunk at least");
    var progress = new ObjectMapper().readTree(pieces.resolve("progress.json").toFile());
    assertEquals(PLAN.fits(), progress.path("cells_done").asLong());
  }

  @Test
  void aKilledRunsCommittedChunkIsMovedInAndItsUncommittedOneDiscarded(
      SparkSession spark, @TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    run(spark, out, 1, new ArrayList<>());
    Map<String, String> before = results(out);
    Path fits = out.resolve("fits");
    List<Path> parts = entries(fits, "part-");
    // What a run killed with two chunks in flight leaves: one chunk committed but not yet moved
    // (its _SUCCESS written), one still running (no _SUCCESS; a task's file already in place).
    Path committed = Files.createDirectories(fits.resolve(ChunkStaging.PREFIX + "0-dead"));
    moveWithChecksum(parts.get(0), committed);
    Files.createFile(committed.resolve("_SUCCESS"));
    Path running = Files.createDirectories(fits.resolve(ChunkStaging.PREFIX + "1-dead"));
    moveWithChecksum(parts.get(1), running);
    long runningRows = ParquetTable.read(running).rows().size();

    List<String> log = new ArrayList<>();
    SweepDriver.Outcome outcome = run(spark, out, 1, log);
    assertTrue(
        log.stream().anyMatch(l -> l.startsWith("moved 1 committed part file(s)")), log.toString());
    assertTrue(
        log.stream().anyMatch(l -> l.contains("discarded the uncommitted output")), log.toString());
    assertTrue(
        log.contains(
            "resuming: "
                + (PLAN.fits() - runningRows / SPEC.grid().ridges().size())
                + " of "
                + PLAN.fits()
                + " fits are already in "
                + fits),
        log.toString());
    assertEquals(PLAN.rows(), outcome.rows());
    assertEquals(before, results(out), "every row back once, the same bits");
    assertEquals(List.of(), entries(fits, ChunkStaging.PREFIX));
    assertFalse(Files.exists(running));
  }

  private static void moveWithChecksum(Path part, Path folder) throws IOException {
    String name = part.getFileName().toString();
    Files.move(part, folder.resolve(name));
    Path checksum = part.resolveSibling("." + name + ".crc");
    if (Files.exists(checksum)) {
      Files.move(checksum, folder.resolve("." + name + ".crc"));
    }
  }
}
