package org.rfsweep.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.rfsweep.io.BuildInfo;

/**
 * The scripts of the report's interactive figures, copied into the report's root folder so it works
 * offline and nothing is fetched when it is opened: ECharts (from its WebJar on the class path) and
 * rfsweep-charts.js, which builds each figure from the option written beside its PNG.
 */
final class ReportAssets {
  static final String ECHARTS = "echarts.min.js";
  static final String CHARTS = "rfsweep-charts.js";

  private ReportAssets() {}

  /** Copies both scripts into {@code root}. */
  static void copyInto(Path root) throws IOException {
    String version = BuildInfo.libraryVersion("echarts");
    copy("/META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js", root, ECHARTS);
    copy("/org/rfsweep/report/" + CHARTS, root, CHARTS);
  }

  /** The script tags of a page whose folder reaches the root by {@code toRoot} ("" or "../../"). */
  static String scripts(String toRoot) {
    return "<script src=\""
        + toRoot
        + ECHARTS
        + "\"></script>\n<script src=\""
        + toRoot
        + CHARTS
        + "\"></script>\n";
  }

  private static void copy(String resource, Path root, String name) throws IOException {
    try (InputStream in = ReportAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(
            "the report's script " + resource + " is missing from the class path");
      }
      Files.copy(in, root.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
