package org.rfsweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rfsweep.aggregate.Aggregation;
import org.rfsweep.aggregate.Claim;
import org.rfsweep.aggregate.History;
import org.rfsweep.aggregate.PhaseRow;
import org.rfsweep.run.JobColumns;
import org.rfsweep.run.RunContext;
import org.rfsweep.spec.Sweep;
import org.rfsweep.spec.TaskPoint;

/**
 * The overview page of a job with task axes: the claims across points, the phase diagram (R* by
 * theory, closed form and experiment over alpha and beta, with the line beta = alpha), the
 * exponents against theory, and every point's row with a link to its own page.
 */
final class PhaseReport {
  private PhaseReport() {}

  static Path write(
      Path folder, RunContext context, Aggregation.JobTables tables, History.View history) {
    try {
      Files.createDirectories(folder);
      Map<String, String> figures = new LinkedHashMap<>();
      Map<String, String> maps = new java.util.HashMap<>();
      List<Aggregation.PointTables> points = tables.points();
      Map<String, List<Integer>> groups = new LinkedHashMap<>();
      for (int i = 0; i < points.size(); i++) {
        JobColumns c = points.get(i).columns();
        if ("powerlaw".equals(c.taskType())) {
          String group =
              c.featureMap()
                  + (c.rffLength() == null ? "" : " length " + c.rffLength())
                  + ", noise "
                  + ReportWriter.num(c.noise())
                  + ", "
                  + c.modes()
                  + " modes";
          groups.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
        }
      }
      int g = 0;
      for (var group : groups.entrySet()) {
        List<Integer> members = group.getValue();
        if (members.size() < 2) {
          continue;
        }
        g++;
        double[] alpha =
            members.stream().mapToDouble(i -> points.get(i).columns().alpha()).toArray();
        double[] beta = members.stream().mapToDouble(i -> points.get(i).columns().beta()).toArray();
        double[] theory =
            members.stream().mapToDouble(i -> tables.phases().get(i).theoryRStar()).toArray();
        double[] closed =
            members.stream().mapToDouble(i -> tables.phases().get(i).closedFormRStar()).toArray();
        double[] measured =
            members.stream()
                .mapToDouble(i -> tables.phases().get(i).empiricalFittingRatio())
                .toArray();
        double top = 0;
        for (double[] values : List.of(theory, closed, measured)) {
          for (double v : values) {
            if (Double.isFinite(v)) {
              top = Math.max(top, v);
            }
          }
        }
        PhaseRow first = tables.phases().get(members.get(0));
        String cell = " (N = " + Sweep.widthText(first.width()) + ", n = " + first.samples() + ")";
        save(
            folder,
            figures,
            maps,
            "phase-" + g + "-measured",
            "Measured fitting ratio R at the best grid ridge" + cell + ": " + group.getKey(),
            PhaseCharts.overAlphaBeta(
                "Measured R at the best ridge" + cell, "R", alpha, beta, measured, top));
        save(
            folder,
            figures,
            maps,
            "phase-" + g + "-theory",
            "Eigenframework R* at its optimal ridge" + cell + ": " + group.getKey(),
            PhaseCharts.overAlphaBeta("Eigenframework R*" + cell, "R*", alpha, beta, theory, top));
        save(
            folder,
            figures,
            maps,
            "phase-" + g + "-closed-form",
            "Closed-form R* in the kernel limit (n/a where beta <= 1): " + group.getKey(),
            PhaseCharts.overAlphaBeta(
                "Closed-form R* (kernel limit)", "R*", alpha, beta, closed, top));
        double[] widthMeasured =
            members.stream().mapToDouble(i -> tables.phases().get(i).widthExponent()).toArray();
        double[] widthTheory =
            members.stream()
                .mapToDouble(i -> tables.phases().get(i).theoryWidthExponent())
                .toArray();
        double[] samplesMeasured =
            members.stream().mapToDouble(i -> tables.phases().get(i).samplesExponent()).toArray();
        double[] samplesTheory =
            members.stream()
                .mapToDouble(i -> tables.phases().get(i).theorySamplesExponent())
                .toArray();
        save(
            folder,
            figures,
            maps,
            "exponents-" + g + "-width",
            "Exponent of the optimal risk against width (offset fit) against beta, per alpha: "
                + group.getKey(),
            PhaseCharts.exponentAgainstBeta(
                "Exponent against width",
                "exponent (offset model)",
                alpha,
                beta,
                widthMeasured,
                widthTheory));
        save(
            folder,
            figures,
            maps,
            "exponents-" + g + "-samples",
            "Exponent of the optimal risk against samples (offset fit) against beta, per alpha: "
                + group.getKey(),
            PhaseCharts.exponentAgainstBeta(
                "Exponent against samples",
                "exponent (offset model)",
                alpha,
                beta,
                samplesMeasured,
                samplesTheory));
      }
      List<double[]> theoryExponents = new ArrayList<>();
      List<double[]> measuredExponents = new ArrayList<>();
      theoryExponents.add(
          tables.phases().stream().mapToDouble(PhaseRow::theoryWidthExponent).toArray());
      measuredExponents.add(
          tables.phases().stream().mapToDouble(PhaseRow::widthExponent).toArray());
      theoryExponents.add(
          tables.phases().stream().mapToDouble(PhaseRow::theorySamplesExponent).toArray());
      measuredExponents.add(
          tables.phases().stream().mapToDouble(PhaseRow::samplesExponent).toArray());
      save(
          folder,
          figures,
          maps,
          "exponents-against-theory",
          "Exponents of the optimal test risk (offset model), every task point: measured against the eigenframework",
          PhaseCharts.exponentsAgainstTheory(
              "Exponents of the optimal risk: measured against theory",
              List.of("against width", "against samples"),
              theoryExponents,
              measuredExponents));
      Path index = folder.resolve("index.html");
      Files.writeString(
          index, html(context, tables, history, figures, maps), StandardCharsets.UTF_8);
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** A phase map's size: three fit side by side on the page. */
  private static final int MAP_WIDTH = 560;

  private static final int MAP_HEIGHT = 480;

  /** Writes a figure and records its caption, and its image map (hover values) in {@code maps}. */
  private static void save(
      Path folder,
      Map<String, String> figures,
      Map<String, String> maps,
      String name,
      String caption,
      org.jfree.chart.JFreeChart chart)
      throws IOException {
    boolean small = name.startsWith("phase-") || name.startsWith("exponents-");
    String map =
        ReportWriter.saveWithMap(
            folder,
            name,
            chart,
            small ? MAP_WIDTH : ReportWriter.WIDTH,
            small ? MAP_HEIGHT : ReportWriter.HEIGHT);
    maps.put(name, map);
    figures.put(name, caption);
  }

  /**
   * The phase maps of a group side by side (measured, eigenframework, closed form), each other
   * figure on its own.
   */
  private static String figuresHtml(Map<String, String> figures, Map<String, String> maps) {
    StringBuilder html = new StringBuilder("<h2>Phase diagram</h2>\n");
    Map<String, String> rest = new LinkedHashMap<>();
    String row = null;
    for (var figure : figures.entrySet()) {
      String name = figure.getKey();
      boolean heatMap = name.startsWith("phase-");
      if (!heatMap
          && !(name.startsWith("exponents-") && !name.equals("exponents-against-theory"))) {
        rest.put(name, figure.getValue());
        continue;
      }
      // one row per group: its three maps; then one of its two exponent charts
      String group =
          (heatMap ? "maps" : "exponents")
              + name.substring(name.indexOf('-'), name.indexOf('-', name.indexOf('-') + 1));
      if (!group.equals(row)) {
        if (row != null) {
          html.append("</div>\n");
        }
        html.append("<div class=\"maps\">\n");
        row = group;
      }
      String imageMap = maps.getOrDefault(name, "");
      html.append("<figure>")
          .append(imageMap)
          .append("<img src=\"")
          .append(name)
          .append(".png\" alt=\"")
          .append(ReportWriter.escape(figure.getValue()))
          .append(imageMap.isEmpty() ? "" : "\" usemap=\"#" + name)
          .append("\"><figcaption>")
          .append(ReportWriter.escape(figure.getValue()))
          .append(" (<a href=\"")
          .append(name)
          .append(".svg\">SVG</a>)</figcaption></figure>\n");
    }
    if (row != null) {
      html.append("</div>\n");
    }
    return html.append(ReportWriter.figuresHtml(rest, maps)).toString();
  }

  private static String html(
      RunContext context,
      Aggregation.JobTables tables,
      History.View history,
      Map<String, String> figures,
      Map<String, String> maps) {
    StringBuilder page = new StringBuilder(ReportWriter.head("rfsweep: " + context.spec().name()));
    // The maps of a group in one row, wider than the text column.
    page.insert(
        page.indexOf("</style>"),
        ".maps{display:flex;gap:0.5em;width:min(1750px,96vw);margin-left:calc(50% - min(875px,48vw))}"
            + ".maps figure{flex:1;margin:0.5em 0}");
    page.append("<h1>rfsweep report: ")
        .append(ReportWriter.escape(context.spec().name()))
        .append("</h1>\n<p>")
        .append(tables.points().size())
        .append(" task points (")
        .append(ReportWriter.escape(axes(context.spec().points())))
        .append("); ")
        .append(context.spec().grid().seeds())
        .append(" seeds and ")
        .append(context.spec().grid().ridges().size())
        .append(
            " ridges at each. Each point's phase cell is its largest width with the largest n at most")
        .append(" width / 8 (close to the kernel limit, away from the interpolation peak).</p>\n");
    page.append(ReportWriter.historyHtml(history));
    page.append(ReportWriter.claimsHtml(tables.jobClaims()));
    page.append(figuresHtml(figures, maps));
    page.append("<h2>Task points</h2>\n<table><tr><th>point</th><th>N</th><th>n</th>")
        .append(
            "<th>theory ridge</th><th>R* theory</th><th>R* closed form</th><th>best ridge</th><th>R measured</th>")
        .append("<th>ridge 0 optimal: theory / closed form / measured</th><th>ridge 0 excess</th>")
        .append(
            "<th>width exponent (theory)</th><th>samples exponent (theory)</th><th>claims</th></tr>\n");
    for (int i = 0; i < tables.points().size(); i++) {
      Aggregation.PointTables point = tables.points().get(i);
      PhaseRow p = tables.phases().get(i);
      Map<String, Long> verdicts =
          point.tables().claims().stream()
              .collect(Collectors.groupingBy(Claim::verdict, Collectors.counting()));
      page.append("<tr><td class=\"text\"><a href=\"points/")
          .append(i + 1)
          .append("/index.html\">")
          .append(ReportWriter.escape(coordinates(point.point())))
          .append("</a></td><td>")
          .append(Sweep.widthText(p.width()))
          .append("</td><td>")
          .append(p.samples())
          .append("</td><td>")
          .append(ReportWriter.num(p.theoryRidge()))
          .append("</td><td>")
          .append(ReportWriter.num(p.theoryRStar()))
          .append("</td><td>")
          .append(ReportWriter.num(p.closedFormRStar()))
          .append("</td><td>")
          .append(ReportWriter.num(p.empiricalRidge()))
          .append("</td><td>")
          .append(ReportWriter.num(p.empiricalFittingRatio()))
          .append("</td><td class=\"text\">")
          .append(p.zeroOptimalTheory())
          .append(" / ")
          .append(p.zeroOptimalClosedForm())
          .append(" / ")
          .append(p.zeroOptimalMeasured())
          .append("</td><td>")
          .append(ReportWriter.num(p.zeroExcess()))
          .append(
              Double.isNaN(p.zeroExcessSe())
                  ? ""
                  : " &plusmn; " + ReportWriter.num(p.zeroExcessSe()))
          .append("</td><td>")
          .append(ReportWriter.num(p.widthExponent()))
          .append(" (")
          .append(ReportWriter.num(p.theoryWidthExponent()))
          .append(")</td><td>")
          .append(ReportWriter.num(p.samplesExponent()))
          .append(" (")
          .append(ReportWriter.num(p.theorySamplesExponent()))
          .append(")</td><td class=\"text\">")
          .append(verdicts.getOrDefault(Claim.HOLDS, 0L))
          .append(" hold, ")
          .append(verdicts.getOrDefault(Claim.FAILS, 0L))
          .append(" fail</td></tr>\n");
    }
    page.append(
            "</table>\n<p>Tables in Parquet beside this folder: fits, curves, optimal, exponents, claims,")
        .append(" phases; every row names its task point (<code>task_key</code>).")
        .append(
            " <code>rfsweep show DIR phases</code> prints the phase table.</p>\n</body></html>\n");
    return page.toString();
  }

  /** The axes the points vary, e.g. "task.alpha x task.beta x task.noise". */
  private static String axes(List<TaskPoint> points) {
    return String.join(" x ", points.get(0).coordinates().keySet());
  }

  private static String coordinates(TaskPoint point) {
    if (point.coordinates().isEmpty()) {
      return point.key();
    }
    List<String> parts = new ArrayList<>();
    point.coordinates().forEach((k, v) -> parts.add(k.replaceFirst("^task\\.", "") + " " + v));
    return String.join(", ", parts);
  }
}
