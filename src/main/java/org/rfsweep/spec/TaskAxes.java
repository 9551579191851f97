package org.rfsweep.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Expands a spec's task axes into task points. A task or feature field holding a list (or a {@code
 * {logspace: ...}}) where one value is expected is an axis, written as grid axes are ({@code alpha:
 * [1.25, 1.5, 2]}, {@code features: [linear, relu]}, {@code length: {logspace: ...}}); the points
 * are the product of all axes, in the order the spec writes them. {@code points:} lists task points
 * explicitly instead (a zip), each a mapping of dotted fields to values, crossed with any axes left
 * in the task. Every point is read by the same code as a task without axes, so an axis value is
 * validated exactly like a single value.
 */
final class TaskAxes {
  /** Task fields that are never axes: they choose what the task is. */
  private static final Set<String> FIXED = Set.of("type", "source");

  /** Task fields whose values are integers (a logspace is rounded, as for widths). */
  private static final Set<String> INTEGER = Set.of("modes", "pool", "test_samples");

  /** Task fields whose axis items are words or mappings, in the order written. */
  private static final Set<String> WORDS = Set.of("target");

  private TaskAxes() {}

  /** One axis: where it is and its values as YAML nodes. */
  private record Axis(String path, String field, List<Node> values) {}

  /** A task and feature map before its axes are expanded, with the coordinates that chose it. */
  private record Variant(YamlNode task, YamlNode features, Map<String, String> coordinates) {}

  static List<TaskPoint> expand(
      YamlNode task,
      YamlNode features,
      YamlNode points,
      Function<YamlNode, TaskSpec> readTask,
      Function<YamlNode, FeatureSpec> readFeatures) {
    List<Variant> variants = new ArrayList<>();
    if (points == null) {
      variants.add(new Variant(task, features, Map.of()));
    } else {
      List<YamlNode> entries = points.sequence();
      if (entries.isEmpty()) {
        throw points.error("must list at least one task point");
      }
      for (YamlNode entry : entries) {
        variants.add(variant(task, features, entry));
      }
    }
    List<TaskPoint> out = new ArrayList<>();
    for (Variant variant : variants) {
      out.addAll(product(variant, readTask, readFeatures));
      if (out.size() > JobSpec.MAX_TASK_POINTS) {
        throw task.error(
            "the task axes make more task points than a job may hold (at most "
                + JobSpec.MAX_TASK_POINTS
                + ")");
      }
    }
    return out;
  }

  /** A {@code points:} entry applied to copies of the task and feature map. */
  private static Variant variant(YamlNode task, YamlNode features, YamlNode entry) {
    Map<String, YamlNode> fields = entry.mapping(Set.copyOf(allowedPointFields(entry)));
    YamlNode taskCopy = task.copyTree();
    YamlNode featuresCopy = features.copyTree();
    // A temporary root holding the copies, so a dotted field is set exactly as an override is.
    MappingNode holder =
        new MappingNode(
            Tag.MAP,
            new ArrayList<>(
                List.of(
                    new NodeTuple(word("task", task.node()), taskCopy.node()),
                    new NodeTuple(word("features", features.node()), featuresCopy.node()))),
            DumperOptions.FlowStyle.BLOCK);
    YamlNode root = task.as(holder);
    Map<String, String> coordinates = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> field : new java.util.TreeMap<>(fields).entrySet()) {
      YamlNode value = field.getValue();
      if (value.isSequence()) {
        throw value.error("a task point takes one value per field (list the points instead)");
      }
      SpecOverrides.set(root, field.getKey(), value.node(), null, field.getKey());
      if (!value.isMapping()) {
        coordinates.put(field.getKey(), value.text().trim());
      }
    }
    Node newTask = valueOf(holder, "task");
    Node newFeatures = valueOf(holder, "features");
    return new Variant(
        task.child(newTask, task.path()),
        features.child(newFeatures, features.path()),
        coordinates);
  }

  /** The dotted fields a {@code points:} entry may set: any field under task or features. */
  private static List<String> allowedPointFields(YamlNode entry) {
    List<String> allowed = new ArrayList<>();
    if (entry.isMapping()) {
      for (NodeTuple tuple : ((MappingNode) entry.node()).getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          String name = key.getValue();
          if (name.equals("features")
              || name.startsWith("features.")
              || (name.startsWith("task.") && !FIXED.contains(name.substring(5)))) {
            allowed.add(name);
          }
        }
      }
    }
    if (allowed.isEmpty()) {
      allowed.add("task.<field>");
      allowed.add("features");
    }
    return allowed;
  }

  /** Every combination of a variant's axes, read as tasks and feature maps. */
  private static List<TaskPoint> product(
      Variant variant,
      Function<YamlNode, TaskSpec> readTask,
      Function<YamlNode, FeatureSpec> readFeatures) {
    List<Axis> axes = new ArrayList<>(taskAxes(variant.task()));
    Axis featureAxis = featureAxis(variant.features());
    if (featureAxis != null) {
      axes.add(featureAxis);
    }
    long count = 1;
    for (Axis axis : axes) {
      count *= axis.values().size();
      if (count > JobSpec.MAX_TASK_POINTS) {
        throw variant
            .task()
            .error(
                "the task axes make "
                    + count
                    + " task points or more; a job holds at most "
                    + JobSpec.MAX_TASK_POINTS);
      }
    }
    List<TaskPoint> points = new ArrayList<>();
    int[] index = new int[axes.size()];
    for (long n = 0; n < count; n++) {
      Map<String, Node> chosen = new LinkedHashMap<>();
      Map<String, String> coordinates = new LinkedHashMap<>(variant.coordinates());
      for (int a = 0; a < axes.size(); a++) {
        Node value = axes.get(a).values().get(index[a]);
        chosen.put(axes.get(a).field(), value);
        coordinates.put(
            axes.get(a).path(), value instanceof ScalarNode scalar ? scalar.getValue().trim() : "");
      }
      YamlNode task = variant.task();
      if (task.isMapping()) {
        task = task.as(withValues((MappingNode) task.node(), chosen, "task."));
      }
      YamlNode features = variant.features();
      if (chosen.containsKey("features")) {
        features = features.as(chosen.get("features"));
      } else if (chosen.containsKey("features.length")) {
        features = features.as(withValues((MappingNode) features.node(), chosen, "features."));
      }
      TaskSpec taskSpec = readTask.apply(task);
      FeatureSpec featureSpec = readFeatures.apply(features);
      if (featureAxis != null) {
        coordinates.put(featureAxis.path(), TaskPoint.featureWords(featureSpec));
      }
      if (coordinates.containsKey("task.target") && taskSpec instanceof DatasetTaskSpec d) {
        coordinates.put("task.target", DatasetTaskSpec.targetWords(d));
      }
      points.add(new TaskPoint(taskSpec, featureSpec, coordinates));
      for (int a = axes.size() - 1; a >= 0; a--) { // the last axis varies fastest
        if (++index[a] < axes.get(a).values().size()) {
          break;
        }
        index[a] = 0;
      }
    }
    return points;
  }

  private static List<Axis> taskAxes(YamlNode task) {
    List<Axis> axes = new ArrayList<>();
    if (!task.isMapping()) {
      return axes;
    }
    for (NodeTuple tuple : ((MappingNode) task.node()).getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key) || FIXED.contains(key.getValue())) {
        continue;
      }
      String field = key.getValue();
      YamlNode value = task.child(tuple.getValueNode(), task.path() + "." + field);
      if (WORDS.contains(field)) {
        if (value.isSequence()) {
          axes.add(new Axis("task." + field, "task." + field, distinctItems(value)));
        }
      } else if (isAxis(value)) {
        axes.add(
            new Axis("task." + field, "task." + field, numbers(value, INTEGER.contains(field))));
      }
    }
    return axes;
  }

  /** The features axis: a list of maps, or one map whose length is an axis; else null. */
  private static Axis featureAxis(YamlNode features) {
    if (features.isSequence()) {
      List<Node> maps = new ArrayList<>();
      for (YamlNode item : features.sequence()) {
        YamlNode length = item.isMapping() ? item.peek("length") : null;
        if (length != null && isAxis(length)) {
          for (Node value : numbers(length, false)) {
            maps.add(
                withValues(
                    (MappingNode) item.node(), Map.of("features.length", value), "features."));
          }
        } else {
          maps.add(features.adopt(item.node()));
        }
      }
      if (maps.isEmpty()) {
        throw features.error("must name at least one feature map");
      }
      return new Axis("features", "features", maps);
    }
    YamlNode length = features.isMapping() ? features.peek("length") : null;
    if (length != null && isAxis(length)) {
      return new Axis("features.length", "features.length", numbers(length, false));
    }
    return null;
  }

  /** A list, or a {@code {logspace: ...}} mapping, where one number is expected. */
  private static boolean isAxis(YamlNode value) {
    return value.isSequence() || (value.isMapping() && value.peek("logspace") != null);
  }

  /** A numeric axis's values, sorted and distinct as grid axes are, as scalar nodes. */
  private static List<Node> numbers(YamlNode axis, boolean integer) {
    List<Node> out = new ArrayList<>();
    if (integer) {
      for (int value : AxisOps.integerAxis(axis)) {
        out.add(axis.adopt(scalar(Integer.toString(value), axis.node())));
      }
      return out;
    }
    TreeSet<Double> values = new TreeSet<>(AxisOps.numberAxis(axis));
    for (double value : values) {
      out.add(axis.adopt(scalar(TaskPoint.number(value), axis.node())));
    }
    return out;
  }

  /** A word axis's items, in the order written; the same item twice is refused. */
  private static List<Node> distinctItems(YamlNode axis) {
    List<YamlNode> items = axis.sequence();
    if (items.isEmpty()) {
      throw axis.error("must not be empty");
    }
    Set<String> seen = new LinkedHashSet<>();
    List<Node> out = new ArrayList<>();
    for (YamlNode item : items) {
      String text = item.isMapping() ? item.node().toString() : item.text().trim();
      if (!item.isMapping() && !seen.add(text)) {
        throw item.error("appears twice on this axis");
      }
      out.add(axis.adopt(item.node()));
    }
    return out;
  }

  /** A copy of a mapping with some fields' values replaced ({@code prefix + field -> value}). */
  private static MappingNode withValues(
      MappingNode mapping, Map<String, Node> values, String prefix) {
    List<NodeTuple> tuples = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node value = tuple.getValueNode();
      if (tuple.getKeyNode() instanceof ScalarNode key
          && values.containsKey(prefix + key.getValue())) {
        value = values.get(prefix + key.getValue());
      }
      tuples.add(new NodeTuple(tuple.getKeyNode(), value));
    }
    return YamlNode.withTuples(mapping, tuples);
  }

  private static Node valueOf(MappingNode mapping, String field) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(field)) {
        return tuple.getValueNode();
      }
    }
    throw new IllegalStateException("no field " + field);
  }

  private static ScalarNode scalar(String text, Node at) {
    return new ScalarNode(
        Tag.STR, text, at.getStartMark(), at.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
  }

  private static ScalarNode word(String text, Node at) {
    return scalar(text, at);
  }
}
