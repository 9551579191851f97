package org.rfsweep.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The code version recorded with every result: project version plus the git commit it was built
 * from.
 */
public final class BuildInfo {
  private static final Properties PROPERTIES = properties();
  private static final String VERSION =
      PROPERTIES.getProperty("version", "unknown")
          + "+"
          + PROPERTIES.getProperty("commit", "unknown");

  private BuildInfo() {}

  /** e.g. {@code 0.1.0+3f2a9c1}, or {@code 0.1.0+unknown} when built outside git. */
  public static String codeVersion() {
    return VERSION;
  }

  /** The version of a library the build pinned (e.g. {@code echarts}), or null. */
  public static String libraryVersion(String name) {
    return PROPERTIES.getProperty(name);
  }

  private static Properties properties() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/rfsweep-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // the defaults above stand
    }
    return properties;
  }
}
