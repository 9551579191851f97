package org.rfsweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rfsweep.io.ParquetTable;
import org.rfsweep.io.TableFormat;
import org.rfsweep.io.TableQuery;
import org.rfsweep.run.FitsLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a results table without Spark or Python. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print a results table of DIR as aligned text, or as CSV with --csv, optionally some columns, "
            + "the rows that meet conditions, sorted. Reads Parquet directly, without Spark.")
final class ShowCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "output folder of a run")
  Path folder;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "TABLE",
      defaultValue = "fits",
      description = "table (default: fits)")
  String table;

  @Option(names = "--csv", description = "print CSV with full precision")
  boolean csv;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "COL",
      description =
          "the columns to print, in this order, e.g. --columns width,samples,test_mse_mean")
  List<String> columns = List.of();

  @Option(
      names = "--where",
      paramLabel = "COND",
      description =
          "keep rows where COND holds, repeatable (all must hold): column OP value with OP one of "
              + "= != < <= > >=, e.g. --where width=256 --where 'ridge<=0.1'; null matches missing")
  List<String> where = List.of();

  @Option(
      names = "--sort",
      split = ",",
      paramLabel = "COL",
      description =
          "sort by these columns, -COL for descending, e.g. --sort samples,-test_mse_mean")
  List<String> sort = List.of();

  @Override
  public Integer call() {
    if (!Files.isDirectory(folder)) {
      System.err.println("rfsweep: DIR " + folder + ": no such folder");
      return Main.USER_ERROR;
    }
    List<String> tables = new ArrayList<>(ParquetTable.tablesIn(folder));
    boolean elsewhere = table.equals("fits") && FitsLocation.recorded(folder).isPresent();
    if (elsewhere) {
      tables.add("fits");
    }
    if (!tables.contains(table)) {
      System.err.println(
          "rfsweep: TABLE '" + table + "': not in " + folder + "; tables there: " + tables);
      return Main.USER_ERROR;
    }
    ParquetTable data =
        table.equals("fits")
            ? ParquetTable.read(FitsLocation.of(folder))
            : ParquetTable.read(folder.resolve(table));
    TableQuery.Result result;
    try {
      result = new TableQuery(columns, where, sort).apply(data.columns(), data.rows());
    } catch (IllegalArgumentException e) {
      System.err.println("rfsweep: " + e.getMessage());
      return Main.USER_ERROR;
    }
    if (csv) {
      TableFormat.csv(result.columns(), result.rows(), System.out);
    } else {
      TableFormat.aligned(result.columns(), result.rows(), System.out);
    }
    return 0;
  }
}
