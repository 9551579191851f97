package org.rfsweep.data;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;
import org.rfsweep.spec.DatasetTaskSpec;

/**
 * CSV and Parquet datasets, read through Hadoop's FileSystem so any path Hadoop knows works (local,
 * hdfs://, s3a:// with its configuration). A path may be a file or a folder of part files. Inputs
 * are either named numeric columns or, in Parquet, a Spark ML vector column as VectorAssembler
 * writes it.
 */
final class TableDatasets {
  private TableDatasets() {}

  static RawDataset read(DatasetTaskSpec spec) {
    try {
      List<Path> parts = parts(spec.path(), spec.format().equals("csv") ? ".csv" : ".parquet");
      return spec.format().equals("csv") ? csv(spec, parts) : parquet(spec, parts);
    } catch (IOException e) {
      throw new DatasetException(spec.path() + ": cannot read (" + e.getMessage() + ")");
    }
  }

  private static List<Path> parts(String location, String suffix) throws IOException {
    Path path = new Path(location);
    FileSystem fs = path.getFileSystem(new Configuration());
    if (!fs.exists(path)) {
      throw new DatasetException(location + ": no such file or folder");
    }
    if (fs.getFileStatus(path).isFile()) {
      return List.of(path);
    }
    List<Path> parts = new ArrayList<>();
    for (FileStatus status : fs.listStatus(path)) {
      String name = status.getPath().getName();
      if (status.isFile()
          && name.endsWith(suffix)
          && !name.startsWith(".")
          && !name.startsWith("_")) {
        parts.add(status.getPath());
      }
    }
    parts.sort(null);
    if (parts.isEmpty()) {
      throw new DatasetException(location + ": a folder with no " + suffix + " files");
    }
    return parts;
  }

  /**
   * CSV through univocity's parser (it comes with Spark): quoted fields and header names (as R's
   * write.csv writes them), CRLF or LF line ends, a UTF-8 byte-order mark, blank lines.
   */
  private static RawDataset csv(DatasetTaskSpec spec, List<Path> parts) throws IOException {
    List<double[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    for (Path part : parts) {
      FileSystem fs = part.getFileSystem(new Configuration());
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(fs.open(part), StandardCharsets.UTF_8))) {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
          reader.reset(); // no byte-order mark
        }
        CsvParser parser = new CsvParser(csvSettings());
        parser.beginParsing(reader);
        String[] headerFields = parser.parseNext();
        if (headerFields == null) {
          throw new DatasetException(part + ": empty file (no header)");
        }
        List<String> header =
            Arrays.stream(headerFields).map(h -> h == null ? "" : h.trim()).toList();
        int labelIndex = header.indexOf(spec.labelColumn());
        if (labelIndex < 0) {
          throw new DatasetException(
              part
                  + ": no column '"
                  + spec.labelColumn()
                  + "' (task.source.label); columns "
                  + "are "
                  + header);
        }
        int[] featureIndex = featureIndices(spec, header, labelIndex, part.toString());
        for (String[] fields = parser.parseNext(); fields != null; fields = parser.parseNext()) {
          long line = parser.getContext().currentLine();
          if (fields.length != header.size()) {
            throw new DatasetException(
                part
                    + ": line "
                    + line
                    + " has "
                    + fields.length
                    + " fields, the header has "
                    + header.size());
          }
          double[] row = new double[featureIndex.length];
          for (int c = 0; c < row.length; c++) {
            row[c] = number(fields[featureIndex[c]], part, line, header.get(featureIndex[c]));
          }
          rows.add(row);
          labels.add(number(fields[labelIndex], part, line, spec.labelColumn()));
        }
        parser.stopParsing();
      }
    }
    return assemble(rows, labels, spec.path());
  }

  private static CsvParserSettings csvSettings() {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setSkipEmptyLines(true);
    settings.setMaxColumns(1 << 16); // image datasets have hundreds of pixel columns
    settings.setMaxCharsPerColumn(1 << 16);
    settings.setNullValue("");
    settings.setEmptyValue("");
    return settings;
  }

  private static int[] featureIndices(
      DatasetTaskSpec spec, List<String> header, int labelIndex, String file) {
    if (spec.featureColumns().isEmpty()) {
      return IntStream.range(0, header.size()).filter(i -> i != labelIndex).toArray();
    }
    int[] indices = new int[spec.featureColumns().size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = header.indexOf(spec.featureColumns().get(i));
      if (indices[i] < 0) {
        throw new DatasetException(
            file
                + ": no column '"
                + spec.featureColumns().get(i)
                + "' (task.source.features);"
                + " columns are "
                + header);
      }
    }
    return indices;
  }

  private static double number(String text, Path part, long line, String column) {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new DatasetException(
          part + ": line " + line + ", column " + column + ": not a number: '" + text + "'");
    }
    if (!Double.isFinite(value)) {
      throw new DatasetException(
          part
              + ": line "
              + line
              + ", column "
              + column
              + ": must be finite, found '"
              + text.trim()
              + "'");
    }
    return value;
  }

  /** Parquet values are checked as CSV ones are: a NaN or infinity is named, not fitted. */
  private static void requireFinite(double[] row, double label, Path part, long record) {
    if (!Double.isFinite(label)) {
      throw new DatasetException(
          part + ": record " + record + ", the label: must be finite, found " + label);
    }
    for (int c = 0; c < row.length; c++) {
      if (!Double.isFinite(row[c])) {
        throw new DatasetException(
            part + ": record " + record + ", input " + c + ": must be finite, found " + row[c]);
      }
    }
  }

  private static RawDataset parquet(DatasetTaskSpec spec, List<Path> parts) throws IOException {
    List<double[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    Configuration conf = new Configuration();
    for (Path part : parts) {
      long record = 0;
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), part).withConf(conf).build()) {
        for (Group group = read(reader, part); group != null; group = read(reader, part)) {
          GroupType type = group.getType();
          if (!type.containsField(spec.labelColumn())) {
            throw new DatasetException(
                part
                    + ": no column '"
                    + spec.labelColumn()
                    + "' (task.source.label); "
                    + "columns are "
                    + type.getFields().stream().map(Type::getName).toList());
          }
          double label = scalar(group, spec.labelColumn(), part);
          double[] row = inputs(spec, group, part);
          requireFinite(row, label, part, ++record);
          labels.add(label);
          rows.add(row);
        }
      }
    }
    return assemble(rows, labels, spec.path());
  }

  /** The next record; Parquet reports a corrupt or foreign file as a bare RuntimeException. */
  private static Group read(ParquetReader<Group> reader, Path part) throws IOException {
    try {
      return reader.read();
    } catch (DatasetException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DatasetException(part + ": cannot read (" + e.getMessage() + ")");
    }
  }

  private static double[] inputs(DatasetTaskSpec spec, Group group, Path part) {
    GroupType type = group.getType();
    List<String> columns = spec.featureColumns();
    if (columns.isEmpty()
        && type.containsField("features")
        && !type.getType("features").isPrimitive()) {
      return vector(group.getGroup("features", 0), part);
    }
    if (columns.isEmpty()) {
      columns =
          type.getFields().stream()
              .map(Type::getName)
              .filter(n -> !n.equals(spec.labelColumn()))
              .toList();
    }
    if (columns.size() == 1
        && type.containsField(columns.get(0))
        && !type.getType(columns.get(0)).isPrimitive()) {
      return vector(group.getGroup(columns.get(0), 0), part);
    }
    double[] row = new double[columns.size()];
    for (int c = 0; c < row.length; c++) {
      if (!type.containsField(columns.get(c))) {
        throw new DatasetException(
            part + ": no column '" + columns.get(c) + "' (task.source.features)");
      }
      row[c] = scalar(group, columns.get(c), part);
    }
    return row;
  }

  /**
   * A Spark ML vector: struct {type: 0 sparse / 1 dense, size, indices: list<int>, values:
   * list<double>}.
   */
  private static double[] vector(Group vector, Path part) {
    double[] values = list(vector, "values");
    if (vector.getInteger("type", 0) == 1) {
      return values;
    }
    double[] dense = new double[vector.getInteger("size", 0)];
    double[] indices = list(vector, "indices");
    for (int i = 0; i < indices.length; i++) {
      dense[(int) indices[i]] = values[i];
    }
    return dense;
  }

  /** A Parquet LIST (list { element }) of numbers. */
  private static double[] list(Group owner, String field) {
    if (owner.getFieldRepetitionCount(field) == 0) {
      return new double[0];
    }
    Group list = owner.getGroup(field, 0);
    int count = list.getFieldRepetitionCount(0);
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      Group element = list.getGroup(0, i);
      out[i] =
          element.getType().getType(0).asPrimitiveType().getPrimitiveTypeName().javaType
                  == int.class
              ? element.getInteger(0, 0)
              : element.getDouble(0, 0);
    }
    return out;
  }

  private static double scalar(Group group, String column, Path part) {
    if (group.getFieldRepetitionCount(column) == 0) {
      throw new DatasetException(part + ": column '" + column + "' has a missing value");
    }
    Type type = group.getType().getType(column);
    if (!type.isPrimitive()) {
      throw new DatasetException(part + ": column '" + column + "' is not a number");
    }
    return switch (type.asPrimitiveType().getPrimitiveTypeName()) {
      case INT32 -> group.getInteger(column, 0);
      case INT64 -> group.getLong(column, 0);
      case FLOAT -> group.getFloat(column, 0);
      case DOUBLE -> group.getDouble(column, 0);
      default -> throw new DatasetException(part + ": column '" + column + "' is not a number");
    };
  }

  private static RawDataset assemble(List<double[]> rows, List<Double> labels, String path) {
    if (rows.isEmpty()) {
      throw new DatasetException(path + ": no rows");
    }
    int dimension = rows.get(0).length;
    double[] inputs = new double[Math.multiplyExact(dimension, rows.size())];
    for (int p = 0; p < rows.size(); p++) {
      if (rows.get(p).length != dimension) {
        throw new DatasetException(
            path
                + ": row "
                + (p + 1)
                + " has "
                + rows.get(p).length
                + " inputs, the first "
                + "has "
                + dimension);
      }
      System.arraycopy(rows.get(p), 0, inputs, p * dimension, dimension);
    }
    return new RawDataset(
        rows.size(), dimension, inputs, labels.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
