package org.rfsweep.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The code version recorded with every result: project version plus the git commit it was built
 * from.
 */
public final class BuildInfo {
  private static final String VERSION = load();

  private BuildInfo() {}

  /** e.g. {@code 0.1.0+3f2a9c1}, or {@code 0.1.0+unknown} when built outside git. */
  public static String codeVersion() {
    return VERSION;
  }

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/rfsweep-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown")
        + "+"
        + properties.getProperty("commit", "unknown");
  }
}
