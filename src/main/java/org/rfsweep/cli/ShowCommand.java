package org.rfsweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.io.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a results table without Spark or Python. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print a results table of DIR as aligned text, or as CSV with --csv. Reads Parquet directly, "
            + "without Spark.")
final class ShowCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "output folder of a run")
  Path folder;

  @Parameters(
      index = "1",
      paramLabel = "TABLE",
      defaultValue = "fits",
      description = "table (default: fits)")
  String table;

  @Option(names = "--csv", description = "print CSV with full precision")
  boolean csv;

  @Override
  public Integer call() {
    if (!Files.isDirectory(folder)) {
      System.err.println("rfsweep: DIR " + folder + ": no such folder");
      return Main.USER_ERROR;
    }
    List<String> tables = ParquetTable.tablesIn(folder);
    if (!tables.contains(table)) {
      System.err.println(
          "rfsweep: TABLE '" + table + "': not in " + folder + "; tables there: " + tables);
      return Main.USER_ERROR;
    }
    ParquetTable data = ParquetTable.read(folder.resolve(table));
    if (csv) {
      TableFormat.csv(data.columns(), data.rows(), System.out);
    } else {
      TableFormat.aligned(data.columns(), data.rows(), System.out);
    }
    return 0;
  }
}
