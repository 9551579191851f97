package org.rfsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.io.RecordColumns;
import org.rfsweep.io.SmallTableWriter;
import org.rfsweep.testing.Cli;

/** {@code show}: columns, conditions and order over a real Parquet table. */
class ShowCommandTest {
  record Cell(int width, int samples, double ridge, double testMse, String status) {}

  private static Path folder(Path dir) {
    SmallTableWriter.write(
        dir.resolve("fits"),
        RecordColumns.of(Cell.class),
        List.of(
            new Cell(64, 256, 0.0, 2.5, "OK"),
            new Cell(256, 256, 0.1, 1.5, "OK"),
            new Cell(256, 64, 0.1, Double.NaN, "FAILED"),
            new Cell(1024, 256, 1.0, 1.25, "OK")));
    return dir;
  }

  @Test
  void selectsColumnsFiltersAndSorts(@TempDir Path dir) {
    Cli.Outcome out =
        Cli.execute(
            "show",
            folder(dir).toString(),
            "--csv",
            "--columns",
            "width,test_mse",
            "--where",
            "samples=256",
            "--where",
            "ridge<=0.1",
            "--sort",
            "-width");
    assertEquals(0, out.code(), out.err());
    assertEquals(List.of("width,test_mse", "256,1.5", "64,2.5"), out.out().lines().toList());
    Cli.Outcome missing = Cli.execute("show", dir.toString(), "--csv", "--where", "test_mse=null");
    assertEquals(
        List.of("width,samples,ridge,test_mse,status", "256,64,0.1,,FAILED"),
        missing.out().lines().toList());
  }

  @Test
  void aBadColumnOrConditionNamesItAndTheTablesColumns(@TempDir Path dir) {
    Cli.Outcome out = Cli.execute("show", folder(dir).toString(), "--columns", "widht");
    assertEquals(2, out.code());
    assertEquals(
        "rfsweep: --columns: no column 'widht'; the table has [width, samples, ridge, test_mse, status]",
        out.err().strip());
    Cli.Outcome bad = Cli.execute("show", dir.toString(), "--where", "width=big");
    assertEquals(2, bad.code());
    assertTrue(
        bad.err().contains("--where 'width=big': the column is numeric, found 'big'"), bad.err());
  }
}
