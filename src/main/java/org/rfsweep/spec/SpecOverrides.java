package org.rfsweep.spec;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Command-line overrides {@code path=value} ({@code task.alpha=1.3}, {@code grid.widths=[64,256]},
 * {@code features=relu}) set on a spec's YAML tree before it is read, so an override is validated
 * exactly like the file; a value is YAML ({@code [..]}, {@code {logspace: ..}}, a word, a number).
 * Errors about an overridden field name the override instead of a line.
 */
final class SpecOverrides {
  /** An override's path: dotted field names. */
  private static final java.util.regex.Pattern PATH =
      java.util.regex.Pattern.compile("[a-z_]+(\\.[a-z_]+)*");

  private SpecOverrides() {}

  /** Sets every override on {@code root}, in order (a later one wins). */
  static void apply(YamlNode root, List<String> overrides) {
    for (String override : overrides) {
      int equals = override.indexOf('=');
      if (equals <= 0) {
        throw new SpecException(
            "override '" + override + "': expected FIELD=VALUE, e.g. task.alpha=1.3");
      }
      String path = override.substring(0, equals).trim();
      String text = override.substring(equals + 1).trim();
      if (!PATH.matcher(path).matches()) {
        throw new SpecException(
            "override '" + override + "': '" + path + "' is not a dotted field path");
      }
      if (text.isEmpty()) {
        throw new SpecException("override '" + override + "': the value is empty");
      }
      Node value = parse(text, override);
      set(root, path, value, "override " + path + "=" + text, override);
    }
  }

  /**
   * Sets {@code value} at the dotted {@code path} under {@code root}, creating missing mappings.
   *
   * @param origin what error messages about the new nodes say instead of a line, or null (their own
   *     lines)
   * @param override the words that name the change in errors about the path itself
   */
  static void set(YamlNode root, String path, Node value, String origin, String override) {
    String[] fields = path.split("\\.");
    Node at = root.node();
    String walked = "";
    for (int i = 0; i < fields.length; i++) {
      if (!(at instanceof MappingNode mapping)) {
        throw new SpecException(
            "override '"
                + override
                + "': "
                + walked
                + " is a single value, not a mapping with field "
                + fields[i]
                + "; set "
                + walked
                + " as a whole (e.g. "
                + walked
                + "={type: rff, length: 2})");
      }
      walked = walked.isEmpty() ? fields[i] : walked + "." + fields[i];
      NodeTuple found = null;
      int index = -1;
      List<NodeTuple> tuples = mapping.getValue();
      for (int t = 0; t < tuples.size(); t++) {
        if (tuples.get(t).getKeyNode() instanceof ScalarNode key
            && key.getValue().equals(fields[i])) {
          found = tuples.get(t);
          index = t;
        }
      }
      boolean last = i == fields.length - 1;
      if (last || found == null) {
        ScalarNode key =
            found != null
                ? (ScalarNode) found.getKeyNode()
                : new ScalarNode(
                    Tag.STR,
                    fields[i],
                    value.getStartMark(),
                    value.getEndMark(),
                    DumperOptions.ScalarStyle.PLAIN);
        Node child =
            last
                ? value
                : new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        if (origin != null) {
          root.markOrigin(key, origin);
          root.markOrigin(child, origin);
        }
        List<NodeTuple> next = new ArrayList<>(tuples);
        if (found != null) {
          next.set(index, new NodeTuple(key, child));
        } else {
          next.add(new NodeTuple(key, child));
        }
        mapping.setValue(next);
        at = child;
      } else {
        at = found.getValueNode();
      }
    }
  }

  private static Node parse(String text, String override) {
    try {
      Node node = YamlText.compose(new StringReader(text));
      if (node == null) {
        throw new SpecException("override '" + override + "': the value is empty");
      }
      return node;
    } catch (YAMLException e) {
      throw new SpecException(
          "override '" + override + "': the value is not valid YAML: " + e.getMessage());
    }
  }
}
