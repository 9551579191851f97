package org.rfsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.testing.SharedSpark;

/**
 * CSV and Parquet datasets: named columns, Spark ML vector columns (dense and sparse), and bad
 * input.
 */
class TableDatasetsTest {

  private static DatasetTaskSpec spec(
      String format, Path path, String label, List<String> features, String target) {
    return new DatasetTaskSpec(
        format, "", "", path.toString(), label, features, target, List.of(), 3, 10);
  }

  @Test
  void readsCsvColumnsAndNamesWhatIsWrong(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("d.csv"), "a,y,b\n1,0.5,2\n3,1.5,4\n5,2.5,6\n");
    RawDataset data = TableDatasets.read(spec("csv", csv, "y", List.of(), DatasetTaskSpec.NUMERIC));
    assertEquals(3, data.count());
    assertEquals(2, data.dimension());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, data.inputs());
    assertArrayEquals(new double[] {0.5, 1.5, 2.5}, data.labels());
    assertArrayEquals(
        new double[] {2, 4, 6},
        TableDatasets.read(spec("csv", csv, "y", List.of("b"), DatasetTaskSpec.NUMERIC)).inputs());

    assertEquals(
        csv + ": no column 'label' (task.source.label); columns are [a, y, b]",
        assertThrows(
                DatasetException.class,
                () ->
                    TableDatasets.read(
                        spec("csv", csv, "label", List.of(), DatasetTaskSpec.NUMERIC)))
            .getMessage());
    Path ragged = Files.writeString(dir.resolve("r.csv"), "a,y\n1,2\n3\n");
    assertEquals(
        ragged + ": line 3 has 1 fields, the header has 2",
        assertThrows(
                DatasetException.class,
                () ->
                    TableDatasets.read(
                        spec("csv", ragged, "y", List.of(), DatasetTaskSpec.NUMERIC)))
            .getMessage());
    Path text = Files.writeString(dir.resolve("t.csv"), "a,y\n1,x\n");
    assertEquals(
        text + ": line 2, column y: not a number: 'x'",
        assertThrows(
                DatasetException.class,
                () ->
                    TableDatasets.read(spec("csv", text, "y", List.of(), DatasetTaskSpec.NUMERIC)))
            .getMessage());
    // Before: NaN and Infinity parsed and reached the fit ("dsyevd returned non-finite
    // eigenvalues").
    Path nan = Files.writeString(dir.resolve("n.csv"), "a,y\n1,2\nNaN,3\n");
    assertEquals(
        nan + ": line 3, column a: must be finite, found 'NaN'",
        assertThrows(
                DatasetException.class,
                () -> TableDatasets.read(spec("csv", nan, "y", List.of(), DatasetTaskSpec.NUMERIC)))
            .getMessage());
    Path infinite = Files.writeString(dir.resolve("i.csv"), "a,y\n1,2\n3,-Infinity\n");
    assertEquals(
        infinite + ": line 3, column y: must be finite, found '-Infinity'",
        assertThrows(
                DatasetException.class,
                () ->
                    TableDatasets.read(
                        spec("csv", infinite, "y", List.of(), DatasetTaskSpec.NUMERIC)))
            .getMessage());
  }

  @Test
  void readsCsvAsSpreadsheetsAndRWriteIt(@TempDir Path dir) throws Exception {
    // R's write.csv quotes every name; Windows ends lines with CRLF; Excel starts with a BOM.
    Path quoted =
        Files.writeString(
            dir.resolve("r.csv"),
            "\uFEFF\"a\",\"y\",\"note\"\r\n1,0.5,\"first, with a comma\"\r\n\r\n2,1.5,\"x\"\r\n");
    RawDataset data =
        TableDatasets.read(spec("csv", quoted, "y", List.of("a"), DatasetTaskSpec.NUMERIC));
    assertArrayEquals(new double[] {1, 2}, data.inputs());
    assertArrayEquals(new double[] {0.5, 1.5}, data.labels());
  }

  @Test
  void aCorruptParquetFileIsNamed(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.parquet"), "not parquet at all");
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () ->
                TableDatasets.read(spec("parquet", junk, "y", List.of(), DatasetTaskSpec.NUMERIC)));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().startsWith(junk + ": cannot read"), e.getMessage());
  }

  @Test
  void numericTargetsKeepTheLabelAndClassTargetsRefuseFractions(@TempDir Path dir)
      throws Exception {
    Path csv = Files.writeString(dir.resolve("d.csv"), "a,y\n1,0.5\n3,1.5\n5,2.5\n");
    DatasetPool pool = DatasetPool.of(spec("csv", csv, "y", List.of(), DatasetTaskSpec.NUMERIC), 1);
    assertEquals(1, pool.outputs());
    assertEquals(
        4.5, java.util.Arrays.stream(pool.targets()).sum(), 1e-12, "the whole dataset is the pool");
    assertEquals(
        csv
            + ": class labels must be integers >= 0, found 0.5 (use target: numeric for a numeric label)",
        assertThrows(
                DatasetException.class,
                () -> DatasetPool.of(spec("csv", csv, "y", List.of(), DatasetTaskSpec.ONEHOT), 1))
            .getMessage());
  }

  @Test
  @Tag("spark")
  @ExtendWith(SharedSpark.class)
  void readsParquetWithASparkMlVectorColumn(SparkSession spark, @TempDir Path dir) {
    List<Row> rows = new ArrayList<>();
    double[][] x = {{1, 2, 3}, {0, 0, 7}, {0, 0, 0}, {4, 5, 6}};
    for (int i = 0; i < x.length; i++) {
      rows.add(RowFactory.create(x[i][0], x[i][1], x[i][2], (double) (i % 2)));
    }
    StructType schema =
        new StructType()
            .add("x1", DataTypes.DoubleType)
            .add("x2", DataTypes.DoubleType)
            .add("x3", DataTypes.DoubleType)
            .add("label", DataTypes.DoubleType);
    Path out = dir.resolve("vectors");
    new VectorAssembler()
        .setInputCols(new String[] {"x1", "x2", "x3"})
        .setOutputCol("features")
        .transform(spark.createDataFrame(rows, schema))
        .select("features", "label")
        .coalesce(1)
        .write()
        .parquet(out.toString());
    RawDataset data =
        TableDatasets.read(spec("parquet", out, "label", List.of(), DatasetTaskSpec.ONEHOT));
    assertEquals(4, data.count());
    assertEquals(3, data.dimension());
    double[] expected = new double[12];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(x[i], 0, expected, 3 * i, 3);
    }
    assertArrayEquals(expected, data.inputs(), "dense and sparse vectors both decode");
    assertArrayEquals(new double[] {0, 1, 0, 1}, data.labels());
    RawDataset columns =
        TableDatasets.read(
            spec("parquet", out, "label", List.of("features"), DatasetTaskSpec.ONEHOT));
    assertArrayEquals(expected, columns.inputs());
  }

  @Test
  @Tag("spark")
  @ExtendWith(SharedSpark.class)
  void readsNamedScalarParquetColumnsAndFoldersOfPartFiles(SparkSession spark, @TempDir Path dir)
      throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rows.add(RowFactory.create((double) i, 10.0 + i, 100.0 * i, (double) (i % 3)));
    }
    StructType schema =
        new StructType()
            .add("a", DataTypes.DoubleType)
            .add("b", DataTypes.DoubleType)
            .add("c", DataTypes.DoubleType)
            .add("y", DataTypes.DoubleType);
    Path parquet = dir.resolve("scalars");
    // Three part files, as Spark writes a table: read in part order, all rows.
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .repartition(3)
        .sortWithinPartitions("a")
        .write()
        .parquet(parquet.toString());
    RawDataset named =
        TableDatasets.read(
            spec("parquet", parquet, "y", List.of("c", "a"), DatasetTaskSpec.NUMERIC));
    assertEquals(6, named.count());
    assertEquals(2, named.dimension());
    java.util.Set<String> pairs = new java.util.HashSet<>();
    for (int i = 0; i < 6; i++) {
      pairs.add(named.inputs()[2 * i] + "," + named.inputs()[2 * i + 1] + "," + named.labels()[i]);
    }
    java.util.Set<String> expected = new java.util.HashSet<>();
    for (int i = 0; i < 6; i++) {
      expected.add(100.0 * i + "," + (double) i + "," + (double) (i % 3));
    }
    assertEquals(expected, pairs, "the named columns, in the order named, with their labels");

    Path csvFolder = Files.createDirectories(dir.resolve("csv-parts"));
    Files.writeString(csvFolder.resolve("part-0.csv"), "a,y\n1,0.5\n2,1.5\n");
    Files.writeString(csvFolder.resolve("part-1.csv"), "a,y\n3,2.5\n");
    Files.writeString(csvFolder.resolve("_SUCCESS"), "");
    Files.writeString(csvFolder.resolve(".part-0.csv.crc"), "junk");
    RawDataset parts =
        TableDatasets.read(spec("csv", csvFolder, "y", List.of(), DatasetTaskSpec.NUMERIC));
    assertArrayEquals(
        new double[] {1, 2, 3}, parts.inputs(), "both parts, markers and crc skipped");
    assertArrayEquals(new double[] {0.5, 1.5, 2.5}, parts.labels());
  }
}
