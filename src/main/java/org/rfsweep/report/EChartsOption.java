package org.rfsweep.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A report figure as an ECharts option (JSON), from the very chart its PNG and SVG are drawn from:
 * the same series, colours, points, error bars, tooltips, markers and labels, so the interactive
 * figure and the static ones cannot disagree. The page adds hover, click-to-toggle on the legend
 * and zoom (rfsweep-charts.js). Series named {@code THEORY_PREFIX + name} share the legend entry of
 * {@code name}, so one click toggles a ridge's dots and its theory line together.
 */
final class EChartsOption {
  /** A theory line named this way toggles with the measured series of the rest of its name. */
  static final String THEORY_PREFIX = "theory, ";

  private static final ObjectMapper JSON = new ObjectMapper();

  private EChartsOption() {}

  /** The option, or empty for a chart it does not describe (heat maps: their PNG stays). */
  static Optional<String> of(JFreeChart chart) {
    if (!(chart.getPlot() instanceof XYPlot plot)) {
      return Optional.empty();
    }
    List<Object> series = new ArrayList<>();
    Set<String> legend = new LinkedHashSet<>();
    for (int d = 0; d < plot.getDatasetCount(); d++) {
      XYDataset dataset = plot.getDataset(d);
      XYItemRenderer renderer = plot.getRenderer(d);
      if (dataset == null) {
        continue;
      }
      if (!(renderer instanceof XYLineAndShapeRenderer lines)) {
        return Optional.empty();
      }
      for (int s = 0; s < dataset.getSeriesCount(); s++) {
        series.addAll(series(dataset, lines, s, legend));
      }
    }
    series.addAll(markers(plot));
    Map<String, Object> option = new LinkedHashMap<>();
    option.put(
        "title",
        Map.of(
            "text",
            chart.getTitle() == null ? "" : chart.getTitle().getText(),
            "textStyle",
            Map.of("fontSize", 13, "width", 780, "overflow", "break", "lineHeight", 17),
            "left",
            "center"));
    option.put("legend", Map.of("type", "scroll", "bottom", 0, "data", List.copyOf(legend)));
    option.put("grid", Map.of("left", 70, "right", 40, "top", 70, "bottom", 80));
    option.put("xAxis", axis(plot.getDomainAxis()));
    option.put("yAxis", axis(plot.getRangeAxis()));
    option.put("series", series);
    try {
      return Optional.of(JSON.writeValueAsString(option));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a chart's option", e);
    }
  }

  private static Map<String, Object> axis(ValueAxis axis) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", axis instanceof LogAxis ? "log" : "value");
    out.put("name", axis.getLabel() == null ? "" : axis.getLabel());
    out.put("nameLocation", "middle");
    out.put("nameGap", 30);
    out.put("min", axis.getLowerBound());
    out.put("max", axis.getUpperBound());
    out.put("splitLine", Map.of("lineStyle", Map.of("color", "#eeeeee")));
    if (axis instanceof DecadeAxis decade && Double.isFinite(decade.lastTick())) {
      out.put("lastTick", decade.lastTick()); // read by the page's label formatter
    }
    return out;
  }

  /** One dataset series: its points (or line), and its error bars when it has intervals. */
  private static List<Object> series(
      XYDataset dataset, XYLineAndShapeRenderer renderer, int s, Set<String> legend) {
    String key = String.valueOf(dataset.getSeriesKey(s));
    String name = key.startsWith(THEORY_PREFIX) ? key.substring(THEORY_PREFIX.length()) : key;
    boolean line = dataset.getItemCount(s) > 0 && renderer.getItemLineVisible(s, 0);
    boolean shapes = dataset.getItemCount(s) > 0 && renderer.getItemShapeVisible(s, 0);
    String colour = hex(renderer.lookupSeriesPaint(s));
    XYToolTipGenerator tips = renderer.getToolTipGenerator(s, 0);
    List<Object> data = new ArrayList<>();
    for (int i = 0; i < dataset.getItemCount(s); i++) {
      double x = dataset.getXValue(s, i);
      double y = dataset.getYValue(s, i);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("value", List.of(x, Double.isFinite(y) ? y : "-"));
      String tip = tips == null ? null : tips.generateToolTip(dataset, s, i);
      if (tip != null) {
        item.put("tip", tip);
      }
      data.add(item);
    }
    if (renderer.isSeriesVisibleInLegend(s) || !key.equals(name) || tips != null) {
      legend.add(name);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("type", line ? "line" : "scatter");
    out.put("data", data);
    out.put("color", colour);
    out.put("symbolSize", shapes ? 7 : 0);
    out.put("showSymbol", shapes);
    out.put("connectNulls", false);
    out.put("animation", false);
    if (line) {
      out.put("lineStyle", Map.of("width", 1.6));
    }
    List<Object> all = new ArrayList<>(List.of(out));
    if (renderer instanceof XYErrorRenderer && dataset instanceof IntervalXYDataset intervals) {
      // Error bars as a line broken between points: [x, low], [x, high], gap.
      List<Object> bars = new ArrayList<>();
      for (int i = 0; i < dataset.getItemCount(s); i++) {
        double x = intervals.getXValue(s, i);
        bars.add(List.of(x, intervals.getStartYValue(s, i)));
        bars.add(List.of(x, intervals.getEndYValue(s, i)));
        bars.add(List.of(x, "-"));
      }
      Map<String, Object> errorBars = new LinkedHashMap<>();
      errorBars.put("name", name);
      errorBars.put("type", "line");
      errorBars.put("data", bars);
      errorBars.put("color", colour);
      errorBars.put("showSymbol", false);
      errorBars.put("connectNulls", false);
      errorBars.put("silent", true);
      errorBars.put("animation", false);
      errorBars.put("lineStyle", Map.of("width", 1));
      all.add(errorBars);
    }
    return all;
  }

  /** Vertical value markers and text labels, as one series that only carries them. */
  private static List<Object> markers(XYPlot plot) {
    List<Object> lines = new ArrayList<>();
    for (Layer layer : new Layer[] {Layer.FOREGROUND, Layer.BACKGROUND}) {
      java.util.Collection<?> markers = plot.getDomainMarkers(layer);
      if (markers == null) {
        continue;
      }
      for (Object m : markers) {
        if (m instanceof ValueMarker marker) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("xAxis", marker.getValue());
          line.put(
              "lineStyle", Map.of("color", hex(((Marker) marker).getPaint()), "type", "dashed"));
          line.put(
              "label",
              Map.of(
                  "formatter",
                  marker.getLabel() == null ? "" : marker.getLabel(),
                  "position",
                  "insideEndTop"));
          lines.add(line);
        }
      }
    }
    List<Object> labels = new ArrayList<>();
    for (XYAnnotation a : plot.getAnnotations()) {
      if (a instanceof XYTextAnnotation text) {
        labels.add(
            Map.of(
                "value",
                List.of(text.getX(), text.getY()),
                "label",
                Map.of(
                    "show",
                    true,
                    "formatter",
                    text.getText(),
                    "fontWeight",
                    "bold",
                    "fontSize",
                    14,
                    "color",
                    "#000000")));
      }
    }
    if (lines.isEmpty() && labels.isEmpty()) {
      return List.of();
    }
    Map<String, Object> carrier = new LinkedHashMap<>();
    carrier.put("name", "");
    carrier.put("type", "scatter");
    carrier.put("symbolSize", 1);
    carrier.put("itemStyle", Map.of("color", "rgba(0,0,0,0)"));
    carrier.put("silent", true);
    carrier.put("data", labels);
    carrier.put("markLine", Map.of("symbol", "none", "silent", true, "data", lines));
    return List.of(carrier);
  }

  private static String hex(Paint paint) {
    Color c = paint instanceof Color colour ? colour : Color.GRAY;
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
