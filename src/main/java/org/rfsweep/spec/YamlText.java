package org.rfsweep.spec;

import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML document as SnakeYAML's node tree, composed as {@code new Yaml(options).compose} does
 * but without the Yaml object's constructor of Java objects, which specs never use: its type
 * descriptions open a {@link System.Logger}, and looking for the JDK's logger service opens every
 * jar on the class path (0.08 s of every command that reads a spec).
 */
final class YamlText {
  private YamlText() {}

  /** The document's root node, or null for an empty document; YAMLException if malformed. */
  static Node compose(Reader reader) {
    LoaderOptions options = new LoaderOptions();
    return new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(), options)
        .getSingleNode();
  }
}
