package org.rfsweep.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates the {@code task: {type: dataset, ...}} part of a spec. */
final class DatasetSpecs {
  /** Where Debian's {@code dataset-fashion-mnist} package installs the data. */
  static final String FASHION_MNIST = "/usr/share/datasets/fashion-mnist";

  private static final int DEFAULT_TEST_SAMPLES = 1000;

  private DatasetSpecs() {}

  static DatasetTaskSpec task(YamlNode node) {
    Map<String, YamlNode> fields =
        node.mapping(Set.of("type", "source", "target", "pool", "test_samples", "label_noise"));
    YamlNode sourceNode = node.required(fields, "source");
    String format = "idx";
    String images = "";
    String labels = "";
    String path = "";
    String labelColumn = "";
    List<String> featureColumns = new ArrayList<>();
    if (sourceNode.isMapping()) {
      YamlNode formatNode = sourceNode.peek("format");
      format = formatNode == null ? "" : formatNode.asString().trim();
      if (format.equals("idx")) {
        Map<String, YamlNode> source = sourceNode.mapping(Set.of("format", "images", "labels"));
        images = existing(sourceNode.required(source, "images"));
        labels = existing(sourceNode.required(source, "labels"));
      } else if (format.equals("csv") || format.equals("parquet")) {
        Map<String, YamlNode> source =
            sourceNode.mapping(Set.of("format", "path", "label", "features"));
        path = existing(sourceNode.required(source, "path"));
        labelColumn = sourceNode.required(source, "label").asString().trim();
        YamlNode features = source.get("features");
        if (features != null) {
          for (YamlNode item : features.isSequence() ? features.sequence() : List.of(features)) {
            featureColumns.add(item.asString().trim());
          }
        }
      } else {
        YamlNode where = formatNode == null ? sourceNode : formatNode;
        throw where.error("format must be idx, csv or parquet, found '" + format + "'");
      }
    } else if (sourceNode.asString().trim().equals("fashion-mnist")) {
      images =
          existing(
              sourceNode,
              FASHION_MNIST + "/train-images-idx3-ubyte.gz",
              "install Debian's dataset-fashion-mnist package");
      labels =
          existing(
              sourceNode,
              FASHION_MNIST + "/train-labels-idx1-ubyte.gz",
              "install Debian's dataset-fashion-mnist package");
    } else {
      throw sourceNode.error(
          "unknown dataset '"
              + sourceNode.asString().trim()
              + "'; expected fashion-mnist or {format: idx, images: PATH, labels: PATH}");
    }
    YamlNode targetNode = node.required(fields, "target");
    String target;
    List<Integer> positive = new ArrayList<>();
    if (targetNode.isMapping()) {
      YamlNode classes = targetNode.required(targetNode.mapping(Set.of("binary")), "binary");
      for (YamlNode item : classes.sequence()) {
        double value = item.asDouble();
        if (value < 0 || value != Math.rint(value)) {
          throw item.error("must be a class label (an integer >= 0), found " + item.text().trim());
        }
        positive.add((int) value);
      }
      if (positive.isEmpty()) {
        throw classes.error("must name at least one positive class");
      }
      target = DatasetTaskSpec.BINARY;
    } else {
      target = targetNode.asString().trim();
      if (!target.equals(DatasetTaskSpec.ONEHOT) && !target.equals(DatasetTaskSpec.NUMERIC)) {
        throw targetNode.error(
            "unknown target '" + target + "'; expected onehot, numeric or {binary: [classes]}");
      }
      if (target.equals(DatasetTaskSpec.NUMERIC) && format.equals("idx")) {
        throw targetNode.error(
            "an IDX dataset has class labels: use onehot or {binary: [classes]}");
      }
    }
    int pool = node.required(fields, "pool").positiveInt();
    YamlNode testNode = fields.get("test_samples");
    int testSamples = testNode == null ? DEFAULT_TEST_SAMPLES : testNode.positiveInt();
    YamlNode noiseNode = fields.get("label_noise");
    double labelNoise = noiseNode == null ? 0 : noiseNode.finiteDouble();
    if (labelNoise < 0) {
      throw noiseNode.error(
          "must be a relative variance >= 0 (times the targets' mean power), found "
              + noiseNode.text().trim());
    }
    return new DatasetTaskSpec(
        format,
        images,
        labels,
        path,
        labelColumn,
        featureColumns,
        target,
        positive,
        pool,
        testSamples,
        labelNoise);
  }

  private static String existing(YamlNode node) {
    return existing(node, node.asString().trim(), "");
  }

  /**
   * Local paths must exist now; remote ones (hdfs://, s3a://, ...) are checked when the data is
   * read.
   */
  private static String existing(YamlNode node, String path, String hint) {
    boolean remote = path.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") && !path.startsWith("file://");
    if (!remote && !Files.exists(Path.of(path.startsWith("file://") ? path.substring(7) : path))) {
      throw node.error("no such file '" + path + "'" + (hint.isEmpty() ? "" : "; " + hint));
    }
    return path;
  }
}
