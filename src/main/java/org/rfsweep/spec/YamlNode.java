package org.rfsweep.spec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node together with its path in the spec ({@code grid.widths[3]}) and its line, so every
 * validation error can say exactly where it is.
 */
final class YamlNode {
  private final Node node;
  private final String path;

  /**
   * Nodes that came from somewhere other than the spec file (a command-line override), with the
   * words that name it; shared by every node of one spec.
   */
  private final Map<Node, String> origins;

  /** Where this node came from: the override that set it or one of its parents, else null. */
  private final String origin;

  YamlNode(Node node, String path) {
    this(node, path, new IdentityHashMap<>(), null);
  }

  private YamlNode(Node node, String path, Map<Node, String> origins, String inherited) {
    this.node = node;
    this.path = path;
    this.origins = origins;
    this.origin = origins.getOrDefault(node, inherited);
  }

  /** A child node of this one, at {@code childPath}. */
  YamlNode child(Node child, String childPath) {
    return new YamlNode(child, childPath, origins, origin);
  }

  /** The same node under another path (an axis value read as its field). */
  YamlNode as(Node other) {
    return new YamlNode(other, path, origins, origin);
  }

  /** Marks {@code added} (and everything under it) as set by {@code where}, e.g. an override. */
  void markOrigin(Node added, String where) {
    origins.put(added, where);
  }

  Node node() {
    return node;
  }

  /**
   * Gives {@code lifted} (a node taken out of this one, e.g. an axis value) this node's origin, so
   * errors about it still name an override; returns it.
   */
  Node adopt(Node lifted) {
    if (origin != null) {
      origins.putIfAbsent(lifted, origin);
    }
    return lifted;
  }

  /**
   * A deep copy of this node's tree (scalars shared: they are never changed), keeping what {@link
   * #markOrigin} recorded, so one copy can be overridden without touching another.
   */
  YamlNode copyTree() {
    return new YamlNode(copy(node), path, origins, origin);
  }

  /** A mapping like {@code like} (tag, marks, style) holding {@code tuples}. */
  static MappingNode withTuples(MappingNode like, List<NodeTuple> tuples) {
    return new MappingNode(
        like.getTag(), true, tuples, like.getStartMark(), like.getEndMark(), like.getFlowStyle());
  }

  private Node copy(Node from) {
    Node to = from;
    if (from instanceof MappingNode mapping) {
      List<NodeTuple> tuples = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        tuples.add(new NodeTuple(tuple.getKeyNode(), copy(tuple.getValueNode())));
      }
      to = withTuples(mapping, tuples);
    } else if (from instanceof SequenceNode sequence) {
      List<Node> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(copy(item));
      }
      to =
          new SequenceNode(
              sequence.getTag(),
              true,
              items,
              sequence.getStartMark(),
              sequence.getEndMark(),
              sequence.getFlowStyle());
    }
    if (to != from && origins.containsKey(from)) {
      origins.put(to, origins.get(from));
    }
    return to;
  }

  String path() {
    return path;
  }

  int line() {
    return node.getStartMark().getLine() + 1;
  }

  /** An error about this node: {@code path (line L): message}. */
  SpecException error(String message) {
    String where = origin != null ? origin : "line " + line();
    return new SpecException((path.isEmpty() ? "spec" : path) + " (" + where + "): " + message);
  }

  boolean isMapping() {
    return node instanceof MappingNode;
  }

  boolean isSequence() {
    return node instanceof SequenceNode;
  }

  /** The raw text of a scalar, as the user wrote it. */
  String text() {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    throw error("must be a single value, found a " + (isMapping() ? "mapping" : "list"));
  }

  /**
   * The entries of a mapping, refusing keys outside {@code allowed} with the list of what is
   * allowed.
   */
  Map<String, YamlNode> mapping(Set<String> allowed) {
    if (!(node instanceof MappingNode mapping)) {
      throw error(
          "must be a mapping with fields "
              + String.join(", ", new TreeSet<>(allowed))
              + ", found "
              + describe());
    }
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw child(tuple.getKeyNode(), path).error("field names must be plain words");
      }
      String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
      if (!allowed.contains(key.getValue())) {
        throw child(key, child)
            .error("unknown field; expected one of " + String.join(", ", new TreeSet<>(allowed)));
      }
      if (entries.containsKey(key.getValue())) {
        throw child(key, child)
            .error("given twice (first at line " + entries.get(key.getValue()).line() + ")");
      }
      entries.put(key.getValue(), child(tuple.getValueNode(), child));
    }
    return entries;
  }

  /**
   * The value of one field of a mapping, or null, without judging the other fields (to read a type
   * first).
   */
  YamlNode peek(String key) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return child(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key);
        }
      }
    }
    return null;
  }

  /** A required field of a mapping already read by {@link #mapping}. */
  YamlNode required(Map<String, YamlNode> entries, String key) {
    YamlNode value = entries.get(key);
    if (value == null) {
      String child = path.isEmpty() ? key : path + "." + key;
      String where = origin != null ? origin : "line " + line();
      throw new SpecException(child + " (" + where + "): missing required field");
    }
    return value;
  }

  List<YamlNode> sequence() {
    if (!(node instanceof SequenceNode sequence)) {
      throw error("must be a list, found " + describe());
    }
    List<YamlNode> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      items.add(child(item, path + "[" + items.size() + "]"));
    }
    return items;
  }

  double asDouble() {
    String text = text().trim();
    try {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case ".inf", "inf", "+.inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
        case "-.inf", "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
        case ".nan", "nan" -> Double.NaN;
        default -> Double.parseDouble(text.replace("_", ""));
      };
    } catch (NumberFormatException e) {
      throw error("must be a number, found '" + text + "'");
    }
  }

  /** The scalar as a number, or NaN when it is not one (the caller then reports its own rule). */
  double asDoubleOrNaN() {
    try {
      return asDouble();
    } catch (SpecException e) {
      return Double.NaN;
    }
  }

  double finiteDouble() {
    double value = asDouble();
    if (!Double.isFinite(value)) {
      throw error("must be a finite number, found " + text().trim());
    }
    return value;
  }

  long asLong() {
    String text = text().trim();
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw error("must be an integer, found '" + text + "'");
    }
  }

  /** A positive integer, also accepting integral numbers written as 1e3 or 1000.0. */
  int positiveInt() {
    double value = asDouble();
    if (!(value >= 1) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw error("must be a positive integer, found " + text().trim());
    }
    return (int) value;
  }

  boolean asBoolean() {
    String text = text().trim();
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error("must be true or false, found '" + text + "'");
    };
  }

  String asString() {
    return text();
  }

  private String describe() {
    if (node instanceof ScalarNode scalar) {
      return "'" + scalar.getValue() + "'";
    }
    return isMapping() ? "a mapping" : "a list";
  }
}
