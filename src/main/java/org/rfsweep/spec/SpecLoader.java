package org.rfsweep.spec;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML job spec into a {@link JobSpec}, validating every field. The first problem found is
 * thrown as a {@link SpecException} that names the field, the value and the line.
 */
public final class SpecLoader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final int DEFAULT_TEST_SAMPLES = 1000;

  private SpecLoader() {}

  /** The largest spec read: a spec names axes, never data (a few hundred bytes is typical). */
  public static final int MAX_SPEC_BYTES = 1 << 20;

  private static SpecException tooLarge(String source, long bytes) {
    return new SpecException(
        source + ": " + bytes + " bytes; a spec is at most " + MAX_SPEC_BYTES + " bytes (1 MiB)");
  }

  public static JobSpec load(Path file) {
    return load(file, List.of());
  }

  /**
   * Reads a spec file with command-line overrides ({@code task.alpha=1.3}) applied before it is
   * validated.
   */
  public static JobSpec load(Path file, List<String> overrides) {
    String text;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_SPEC_BYTES) {
        throw tooLarge(file.toString(), Files.size(file));
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException(file + ": no such spec file");
    } catch (IOException e) {
      throw new SpecException(file + ": cannot read spec: " + e.getMessage());
    }
    return parse(text, file.toString(), overrides);
  }

  /** Parses spec text; {@code source} names it in syntax errors. */
  public static JobSpec parse(String text, String source) {
    return parse(text, source, List.of());
  }

  /** Parses spec text with overrides ({@link SpecOverrides}). */
  public static JobSpec parse(String text, String source, List<String> overrides) {
    if (text.length() > MAX_SPEC_BYTES) {
      throw tooLarge(source, text.length());
    }
    Node root = compose(new StringReader(text), source);
    if (root == null) {
      throw new SpecException(source + ": the spec is empty");
    }
    YamlNode top = new YamlNode(root, "");
    if (!overrides.isEmpty()) {
      if (!top.isMapping()) {
        top.mapping(Set.of()); // names what the spec should be
      }
      SpecOverrides.apply(top, overrides);
    }
    return job(top);
  }

  private static Node compose(Reader reader, String source) {
    try {
      return YamlText.compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where =
          mark == null
              ? ""
              : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new SpecException(source + ": malformed YAML" + where + ": " + problem);
    } catch (YAMLException e) {
      throw new SpecException(source + ": malformed YAML: " + e.getMessage());
    }
  }

  private static JobSpec job(YamlNode root) {
    Map<String, YamlNode> fields =
        root.mapping(Set.of("name", "seed", "task", "features", "grid", "fit", "points", "report"));
    YamlNode nameNode = root.required(fields, "name");
    String name = nameNode.asString().trim();
    if (!NAME.matcher(name).matches()) {
      throw nameNode.error("must be letters, digits, '.', '_' or '-', found '" + name + "'");
    }
    long seed = root.required(fields, "seed").asLong();
    List<TaskPoint> points =
        TaskAxes.expand(
            root.required(fields, "task"),
            root.required(fields, "features"),
            fields.get("points"),
            SpecLoader::task,
            SpecLoader::features);
    GridSpec grid = grid(root.required(fields, "grid"));
    YamlNode fitNode = fields.get("fit");
    YamlNode reportNode = fields.get("report");
    return new JobSpec(
        name,
        seed,
        points,
        grid,
        fitNode == null ? FitSpec.DEFAULT : fit(fitNode),
        reportNode == null ? ReportSpec.AUTOMATIC : report(reportNode, grid));
  }

  /**
   * The {@code report:} section: the sample counts to draw risk against width at ({@code
   * widths_at}) and the widths to draw risk against samples at ({@code samples_at}), each a value
   * of the grid.
   */
  private static ReportSpec report(YamlNode node, GridSpec grid) {
    Map<String, YamlNode> fields = node.mapping(Set.of("widths_at", "samples_at"));
    Set<Integer> samples = new java.util.TreeSet<>();
    Set<Integer> widths = new java.util.TreeSet<>();
    for (Sweep sweep : grid.sweeps()) {
      samples.addAll(sweep.samples());
      widths.addAll(sweep.widths());
    }
    return new ReportSpec(
        slices(fields.get("widths_at"), samples, "sample count", false),
        slices(fields.get("samples_at"), widths, "width", true));
  }

  private static List<Integer> slices(
      YamlNode axis, Set<Integer> grid, String what, boolean widths) {
    if (axis == null) {
      return List.of();
    }
    List<Integer> values = widths ? AxisOps.widthAxis(axis) : AxisOps.integerAxis(axis);
    for (int value : values) {
      if (!grid.contains(value)) {
        throw axis.error(
            Sweep.widthForSpec(value)
                + " is not a "
                + what
                + " of the grid "
                + grid.stream().map(Sweep::widthForSpec).toList());
      }
    }
    return values;
  }

  private static FitSpec fit(YamlNode node) {
    Map<String, YamlNode> fields = node.mapping(Set.of("loo"));
    YamlNode looNode = fields.get("loo");
    return new FitSpec(looNode == null ? FitSpec.DEFAULT.leaveOneOut() : looNode.asBoolean());
  }

  private static TaskSpec task(YamlNode node) {
    YamlNode typeNode = node.peek("type");
    if (typeNode == null) {
      node.required(
          node.mapping(
              Set.of(
                  "type",
                  "alpha",
                  "beta",
                  "noise",
                  "modes",
                  "test_samples",
                  "source",
                  "target",
                  "label_noise",
                  "pool")),
          "type");
    }
    String type = typeNode.asString().trim();
    if (type.equals("dataset")) {
      return DatasetSpecs.task(node);
    }
    if (!type.equals("powerlaw")) {
      throw typeNode.error("unknown task type '" + type + "'; expected powerlaw or dataset");
    }
    Map<String, YamlNode> fields =
        node.mapping(Set.of("type", "alpha", "beta", "noise", "modes", "test_samples"));
    YamlNode alphaNode = node.required(fields, "alpha");
    double alpha = alphaNode.finiteDouble();
    if (alpha <= 1) {
      throw alphaNode.error(
          "must be > 1 (eigenvalues i^-alpha must be summable), found " + alphaNode.text().trim());
    }
    YamlNode betaNode = node.required(fields, "beta");
    double beta = betaNode.finiteDouble();
    if (beta <= 0) {
      throw betaNode.error("must be > 0, found " + betaNode.text().trim());
    }
    YamlNode noiseNode = node.required(fields, "noise");
    double noise = noiseNode.finiteDouble();
    if (noise < 0) {
      throw noiseNode.error("must be a variance >= 0, found " + noiseNode.text().trim());
    }
    int modes = node.required(fields, "modes").positiveInt();
    YamlNode testNode = fields.get("test_samples");
    int testSamples = testNode == null ? DEFAULT_TEST_SAMPLES : testNode.positiveInt();
    return new PowerLawTaskSpec(alpha, beta, noise, modes, testSamples);
  }

  private static FeatureSpec features(YamlNode node) {
    YamlNode typeNode = node;
    Map<String, YamlNode> fields = Map.of();
    if (node.isMapping()) {
      fields = node.mapping(Set.of("type", "length"));
      typeNode = node.required(fields, "type");
    }
    String word = typeNode.asString().trim();
    for (FeatureKind kind : FeatureKind.values()) {
      if (kind.word().equals(word.toLowerCase(Locale.ROOT))) {
        YamlNode lengthNode = fields.get("length");
        if (kind == FeatureKind.RFF) {
          if (lengthNode == null) {
            throw new SpecException(
                node.path()
                    + ".length (line "
                    + node.line()
                    + "): missing required field "
                    + "(the Gaussian kernel's length scale)");
          }
          double length = lengthNode.finiteDouble();
          if (length <= 0) {
            throw lengthNode.error("must be > 0, found " + lengthNode.text().trim());
          }
          return new FeatureSpec(kind, length);
        }
        if (lengthNode != null) {
          throw lengthNode.error("only rff features take a length");
        }
        return new FeatureSpec(kind);
      }
    }
    throw typeNode.error("unknown feature map '" + word + "'; expected linear, relu or rff");
  }

  private static GridSpec grid(YamlNode node) {
    Map<String, YamlNode> fields =
        node.mapping(Set.of("widths", "samples", "sweeps", "ridges", "seeds"));
    List<Sweep> sweeps = new ArrayList<>();
    YamlNode sweepsNode = fields.get("sweeps");
    if (sweepsNode != null) {
      if (fields.containsKey("widths") || fields.containsKey("samples")) {
        throw sweepsNode.error("give either sweeps or widths and samples, not both");
      }
      List<YamlNode> items = sweepsNode.sequence();
      if (items.isEmpty()) {
        throw sweepsNode.error("must not be empty");
      }
      for (YamlNode item : items) {
        Map<String, YamlNode> sweep = item.mapping(Set.of("widths", "samples"));
        sweeps.add(
            new Sweep(
                AxisOps.widthAxis(item.required(sweep, "widths")),
                AxisOps.integerAxis(item.required(sweep, "samples"))));
      }
    } else {
      sweeps.add(
          new Sweep(
              AxisOps.widthAxis(node.required(fields, "widths")),
              AxisOps.integerAxis(node.required(fields, "samples"))));
    }
    List<Double> ridges = AxisOps.ridgeAxis(node.required(fields, "ridges"));
    YamlNode seedsNode = node.required(fields, "seeds");
    double seeds = seedsNode.asDouble();
    if (!(seeds >= 1) || seeds != Math.rint(seeds) || seeds > 1_000_000) {
      throw seedsNode.error("must be an integer count >= 1, found " + seedsNode.text().trim());
    }
    return new GridSpec(sweeps, ridges, (int) seeds);
  }
}
