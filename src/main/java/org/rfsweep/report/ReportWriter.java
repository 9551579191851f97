package org.rfsweep.report;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.svg.SVGGraphics2D;
import org.rfsweep.aggregate.Aggregation;
import org.rfsweep.aggregate.Claim;
import org.rfsweep.aggregate.ExponentRow;
import org.rfsweep.aggregate.History;
import org.rfsweep.aggregate.KernelLimit;
import org.rfsweep.aggregate.OptimalPoint;
import org.rfsweep.grid.Cell;
import org.rfsweep.run.PoolSpectrum;
import org.rfsweep.run.RunContext;
import org.rfsweep.run.TaskTheory;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.Sweep;
import org.rfsweep.spec.TaskPoint;
import org.rfsweep.theory.ExponentEstimates;
import org.rfsweep.theory.PowerLawClosedForms;

/**
 * Writes {@code DIR/report/}: every figure as PNG and SVG, and index.html with the figures and key
 * tables.
 */
public final class ReportWriter {
  public static final String FOLDER = "report";
  static final int WIDTH = 900;
  static final int HEIGHT = 600;

  private ReportWriter() {}

  /**
   * Writes {@code DIR/report}: for a job of one task point its page; for a job with task axes the
   * phase-diagram overview ({@link PhaseReport}) and one page per point under {@code points/K/}.
   *
   * @return the index.html written
   */
  public static Path write(
      Path out, RunContext context, Aggregation.JobTables tables, History.View history) {
    System.setProperty("java.awt.headless", "true");
    Path folder = out.resolve(FOLDER);
    try {
      Files.createDirectories(folder);
      ReportAssets.copyInto(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report in " + folder + ": " + e.getMessage(), e);
    }
    if (!context.spec().hasTaskAxes()) {
      return writePage(folder, context, tables.only(), history, null);
    }
    List<RunContext> points = context.perPoint();
    // Points are independent pages: drawn in parallel (JFreeChart charts share no state).
    java.util.stream.IntStream.range(0, points.size())
        .parallel()
        .forEach(
            i ->
                writePage(
                    pointFolder(folder, i),
                    points.get(i),
                    tables.points().get(i).tables(),
                    null,
                    "../../index.html"));
    return PhaseReport.write(folder, context, tables, history);
  }

  /** The page folder of task point {@code index} (0-based) under the report folder. */
  static Path pointFolder(Path report, int index) {
    return report.resolve("points").resolve(String.valueOf(index + 1));
  }

  /**
   * One task point's page in {@code folder}.
   *
   * @param history the changes since the previous run, or null (shown on the overview instead)
   * @param back the overview's address from this page, or null for a job of one point
   */
  static Path writePage(
      Path folder,
      RunContext context,
      Aggregation.Tables tables,
      History.View history,
      String back) {
    JobSpec spec = context.spec();
    try {
      Files.createDirectories(folder);
      Map<String, String> figures = new LinkedHashMap<>();
      // Each figure is drawn by its own task, all of them in parallel once listed.
      Map<String, Supplier<JFreeChart>> charts = new LinkedHashMap<>();
      TheoryCurves theory = TheoryCurves.of(context).orElse(null);
      // The paper's Fig. 1 layout: width and samples sweeps side by side, at informative slices.
      List<Integer> widthSlices =
          Slices.choose(tables.optimal(), "width", spec.grid(), spec.report().widthsAt());
      List<Integer> samplesSlices =
          Slices.choose(tables.optimal(), "samples", spec.grid(), spec.report().samplesAt());
      for (int i = 0; i < Math.max(widthSlices.size(), samplesSlices.size()); i++) {
        if (i < widthSlices.size()) {
          int fixed = widthSlices.get(i);
          figures.put("risk-vs-width-n" + fixed, "Test risk against width at n = " + fixed);
          charts.put(
              "risk-vs-width-n" + fixed,
              () -> Charts.riskCurves(tables.curves(), tables.optimal(), "width", fixed, theory));
        }
        if (i < samplesSlices.size()) {
          int fixed = samplesSlices.get(i);
          String width = Sweep.widthText(Cell.widthValue(fixed));
          figures.put(
              "risk-vs-samples-N" + width,
              "Test risk against samples at N = "
                  + width
                  + (fixed == Cell.INFINITE ? " (kernel ridge regression)" : ""));
          charts.put(
              "risk-vs-samples-N" + width,
              () -> Charts.riskCurves(tables.curves(), tables.optimal(), "samples", fixed, theory));
        }
      }
      figures.put("optimal-heatmap", "Optimal test risk over (width, samples)");
      charts.put("optimal-heatmap", () -> Charts.heatMap(tables.optimal()));
      // The paper's Fig. 2 cell: the widest N (closest to the kernel limit the closed form
      // describes) at the largest n <= N/4, away from the interpolation peak at N = n, where the
      // ridge path's U shape is flattened.
      double widestN = tables.optimal().stream().mapToDouble(OptimalPoint::width).max().orElse(0);
      OptimalPoint widest =
          tables.optimal().stream()
              .filter(p -> p.width() == widestN)
              .max(
                  Comparator.comparingInt(
                      (OptimalPoint p) -> 4L * p.samples() <= widestN ? p.samples() : -p.samples()))
              .orElse(null);
      // At width inf the kernel figure below draws every n's ridge path: this one would repeat it.
      if (widest != null && Double.isFinite(widest.width())) {
        figures.put(
            "risk-vs-fitting-ratio",
            "Test risk against fitting ratio along the ridge path (Fig. 2 layout)");
        charts.put(
            "risk-vs-fitting-ratio",
            () ->
                Charts.riskAgainstFittingRatio(
                    tables.curves(),
                    widest,
                    widest.width() >= 4 * widest.samples()
                        ? closedFormCurve(spec, widest)
                        : Map.of(),
                    TaskTheory.closedFormRStar(spec, widest.samples()),
                    theory));
      }
      // The paper's real-data figure at width inf: one ridge path per n, with the R* table.
      String closedFormSource = TaskTheory.closedFormSource(spec);
      PoolSpectrum measured = context.measuredPool().orElse(null);
      List<KernelLimit.Row> kernelRows =
          KernelLimit.rows(
              tables.optimal(),
              tables.curves(),
              n -> TaskTheory.closedFormRStar(spec, measured, n));
      String kernelTable = kernelHtml(kernelRows, closedFormSource);
      if (!kernelRows.isEmpty()) {
        figures.put(
            "kernel-ridge-paths",
            "Kernel ridge regression (width inf): test risk against fitting ratio, one ridge path"
                + " per n (the paper's Fig. 2 layout)");
        charts.put(
            "kernel-ridge-paths",
            () -> KernelCharts.ridgePaths(tables.curves(), kernelRows, closedFormSource, theory));
      }
      // Only where there is theory to compare with (not for ReLU or rff on the power-law task).
      if (tables.curves().stream().anyMatch(c -> Double.isFinite(c.theoryTest()))) {
        figures.put("theory-vs-experiment", "Theory against experiment");
        charts.put("theory-vs-experiment", () -> Charts.theoryAgainstExperiment(tables.curves()));
      }
      String spectrumTable = "";
      if (context.measuredPool().isPresent()) {
        PoolSpectrum pool = context.measuredPool().get();
        figures.put(
            "spectrum", "Measured spectrum of the pool (eigenvalues and target power per mode)");
        charts.put(
            "spectrum",
            () -> Charts.spectrum(pool.spectrum().eigenvalues(), pool.spectrum().targetPower()));
        spectrumTable = exponentsHtml(pool.exponents());
      }
      Map<String, String> maps = new java.util.concurrent.ConcurrentHashMap<>();
      Map<String, String> options = new java.util.concurrent.ConcurrentHashMap<>();
      charts.entrySet().parallelStream()
          .forEach(
              chart -> {
                try {
                  JFreeChart drawn = chart.getValue().get();
                  maps.put(
                      chart.getKey(), saveWithMap(folder, chart.getKey(), drawn, WIDTH, HEIGHT));
                  EChartsOption.of(drawn).ifPresent(o -> options.put(chart.getKey(), o));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      Path index = folder.resolve("index.html");
      Files.writeString(
          index,
          html(spec, tables, history, figures, maps, options, spectrumTable, kernelTable, back),
          StandardCharsets.UTF_8);
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * E_te(R) of the power-law closed form in the kernel limit at this cell's n, for R in [0, 0.99];
   * empty where the closed form does not apply.
   */
  private static Map<Double, Double> closedFormCurve(JobSpec spec, OptimalPoint cell) {
    Map<Double, Double> curve = new LinkedHashMap<>();
    double relative = TaskTheory.closedFormNoise(spec, cell.samples());
    if (!Double.isNaN(relative)) {
      PowerLawTaskSpec task = (PowerLawTaskSpec) spec.task();
      for (int i = 0; i <= 99; i++) {
        double ratio = i / 100.0;
        curve.put(
            ratio,
            PowerLawClosedForms.testRiskAtFittingRatio(
                task.alpha(), task.beta(), relative, ratio, cell.samples()));
      }
    }
    return curve;
  }

  static void save(Path folder, String name, JFreeChart chart) throws IOException {
    save(folder, name, chart, WIDTH, HEIGHT);
  }

  /** The chart as {@code name.png} and {@code name.svg}, {@code width x height} pixels. */
  static void save(Path folder, String name, JFreeChart chart, int width, int height)
      throws IOException {
    saveWithMap(folder, name, chart, width, height);
  }

  /**
   * Writes the chart's PNG and SVG, and returns the HTML image map of its tooltips ({@code <map
   * name="NAME">} with one titled area per point that has one; empty when none does).
   */
  static String saveWithMap(Path folder, String name, JFreeChart chart, int width, int height)
      throws IOException {
    ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
    BufferedImage image = chart.createBufferedImage(width, height, info);
    try (OutputStream png =
        new BufferedOutputStream(Files.newOutputStream(folder.resolve(name + ".png")))) {
      PngFile.write(image, png);
    }
    String map = ChartUtils.getImageMap(name, info);
    SVGGraphics2D svg = new SVGGraphics2D(width, height);
    // Its clip paths' ids begin with the figure's name, not JFreeSVG's clock reading: unique in a
    // page, and the same file when the same figure is drawn again.
    svg.setDefsKeyPrefix(name + "-");
    chart.draw(svg, new Rectangle(0, 0, width, height));
    Files.writeString(folder.resolve(name + ".svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
    return map.contains("<area") ? map : "";
  }

  /** The measured exponents with their intervals and windows. */
  private static String exponentsHtml(List<ExponentEstimates.Estimate> exponents) {
    StringBuilder html =
        new StringBuilder(
            "<h2>Measured exponents of the pool</h2>\n<table><tr><th>exponent</th>"
                + "<th>value</th><th>95% interval</th><th>method</th><th>window</th></tr>\n");
    for (ExponentEstimates.Estimate e : exponents) {
      html.append("<tr><td class=\"text\">")
          .append(e.exponent())
          .append("</td><td>")
          .append(num(e.value()))
          .append("</td><td>[")
          .append(num(e.low()))
          .append(", ")
          .append(num(e.high()))
          .append("]</td><td class=\"text\">")
          .append(escape(e.method()))
          .append("</td><td>")
          .append(num(e.from()))
          .append(" .. ")
          .append(num(e.to()))
          .append("</td></tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  /** Per n at width inf: the empirical optimum's R with its interval beside both predictions. */
  private static String kernelHtml(List<KernelLimit.Row> rows, String closedFormSource) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder html =
        new StringBuilder(
                "<h2>Kernel limit: optimal fitting ratio per n</h2>\n<p>Width inf (exact kernel ridge"
                    + " regression). R = train/test risk at the grid ridge with the lowest mean test"
                    + " risk, with &plusmn;2 standard errors over seeds; R* from the eigenframework at"
                    + " its own optimal ridge; the closed form's R* "
                    + closedFormSource
                    + ". Overfitting is obligatory where R &lt; 1.</p>\n")
            .append("<table><tr><th>n</th><th>best ridge</th><th>empirical R</th>")
            .append("<th>interval</th><th>eigenframework R*</th><th>closed-form R*</th></tr>\n");
    for (KernelLimit.Row r : rows) {
      html.append("<tr><td>")
          .append(r.samples())
          .append("</td><td>")
          .append(num(r.bestRidge()))
          .append("</td><td>")
          .append(num(r.ratio()))
          .append("</td><td>[")
          .append(num(r.ratioLow()))
          .append(", ")
          .append(num(r.ratioHigh()))
          .append("]</td><td>")
          .append(num(r.theoryRStar()))
          .append("</td><td>")
          .append(num(r.closedFormRStar()))
          .append("</td></tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  private static String html(
      JobSpec spec,
      Aggregation.Tables tables,
      History.View history,
      Map<String, String> figures,
      Map<String, String> maps,
      Map<String, String> options,
      String spectrumTable,
      String kernelTable,
      String back) {
    StringBuilder page = new StringBuilder();
    page.append(head("rfsweep: " + spec.name()));
    if (back != null) {
      page.append("<p><a href=\"")
          .append(back)
          .append("\">&larr; all task points (phase diagram)</a></p>\n");
    }
    page.append("<h1>rfsweep report: ")
        .append(escape(spec.name()))
        .append("</h1>\n<p>")
        .append(escape(describe(spec)))
        .append("</p>\n");
    if (history != null) {
      page.append(historyHtml(history));
    }
    page.append(claimsHtml(tables.claims()));
    appendRest(page, tables, figures, maps, options, spectrumTable + kernelTable);
    page.append(ReportAssets.scripts(back == null ? "" : back.replace("index.html", "")))
        .append("</body></html>\n");
    return page.toString();
  }

  /** The page head with the report's style, up to and including the body tag. */
  static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title>\n<style>"
        + "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}"
        + "td,th{border:1px solid #ccc;padding:0.3em 0.6em;text-align:right}"
        + "th{background:#f3f3f3}td.text{text-align:left}"
        + ".holds{color:#1a7f37;font-weight:bold}.fails{color:#cf222e;font-weight:bold}"
        + "figure{margin:1.5em 0}img{max-width:100%;border:1px solid #eee}"
        + ".echart{display:none;width:100%;aspect-ratio:3/2;border:1px solid #eee}"
        + ".pair{display:grid;grid-template-columns:1fr 1fr;gap:0.5em;width:min(1750px,96vw);"
        + "margin-left:calc(50% - min(875px,48vw))}.pair figure{margin:0.5em 0}"
        + "</style>\n"
        // Image maps are in the PNG's own pixels: scale their areas to the size the page shows it.
        + "<script>function fitMaps(){document.querySelectorAll('img[usemap]').forEach(function(img){"
        + "if(!img.naturalWidth)return;var s=img.clientWidth/img.naturalWidth;"
        + "document.querySelectorAll('map[name=\"'+img.useMap.slice(1)+'\"] area').forEach(function(a){"
        + "if(!a.dataset.coords)a.dataset.coords=a.coords;"
        + "a.coords=a.dataset.coords.split(',').map(function(v){return Math.round(v*s);}).join(',');});});}"
        + "window.addEventListener('load',fitMaps);window.addEventListener('resize',fitMaps);</script>\n"
        + "</head><body>\n";
  }

  /** The "changes since the previous run" section. */
  static String historyHtml(History.View history) {
    StringBuilder page = new StringBuilder();
    List<String> changes = history.changes();
    int runs = history.runs();
    page.append("<h2>Changes since the previous run</h2>\n<p>");
    if (runs < 2) {
      page.append("No earlier run is recorded in ").append(History.FILE).append(".");
    } else if (changes.isEmpty()) {
      page.append(
              "None: every exponent stayed within its interval and every claim kept its verdict (")
          .append(runs)
          .append(" runs recorded).");
    } else {
      page.append("</p><ul>");
      changes.forEach(c -> page.append("<li>").append(escape(c)).append("</li>"));
      page.append("</ul><p>");
    }
    page.append("</p>\n");
    return page.toString();
  }

  /** The claims as a table. */
  static String claimsHtml(List<Claim> claims) {
    StringBuilder page = new StringBuilder();
    page.append(
        "<h2>Claims</h2>\n<table><tr><th>claim</th><th>verdict</th><th>theory</th><th>evidence</th></tr>\n");
    for (Claim c : claims) {
      page.append("<tr><td class=\"text\">")
          .append(escape(c.claim()))
          .append("</td><td class=\"")
          .append(
              c.verdict().equals(Claim.HOLDS)
                  ? "holds"
                  : c.verdict().equals(Claim.FAILS) ? "fails" : "")
          .append("\">")
          .append(escape(c.verdict()))
          .append("</td><td class=\"text\">")
          .append(escape(c.theoryVerdict()))
          .append("</td><td class=\"text\">")
          .append(escape(c.evidence()))
          .append("</td></tr>\n");
    }
    page.append("</table>\n");
    return page.toString();
  }

  private static void appendRest(
      StringBuilder page,
      Aggregation.Tables tables,
      Map<String, String> figures,
      Map<String, String> maps,
      Map<String, String> options,
      String tablesAfterFigures) {
    page.append(figuresHtml(figures, maps, options));
    page.append(tablesAfterFigures);
    appendTables(page, tables);
  }

  /** Each figure as its PNG with a link to its SVG. */
  static String figuresHtml(Map<String, String> figures) {
    return figuresHtml(figures, Map.of());
  }

  /**
   * Each figure as its PNG with a link to its SVG; a figure with an image map (its points' values
   * on hover) gets it.
   */
  static String figuresHtml(Map<String, String> figures, Map<String, String> maps) {
    return figuresHtml(figures, maps, Map.of());
  }

  /**
   * As {@link #figuresHtml(Map, Map)}; a figure with an ECharts option also gets its interactive
   * chart (shown in place of the PNG once the page's scripts run; the PNG stays without them).
   */
  static String figuresHtml(
      Map<String, String> figures, Map<String, String> maps, Map<String, String> options) {
    StringBuilder page = new StringBuilder();
    boolean inPair = false;
    for (var figure : figures.entrySet()) {
      // The risk curves two by two (width sweep beside samples sweep), wider than the text.
      boolean curve =
          figure.getKey().startsWith("risk-vs-width")
              || figure.getKey().startsWith("risk-vs-samples");
      if (curve && !inPair) {
        page.append("<div class=\"pair\">\n");
        inPair = true;
      } else if (!curve && inPair) {
        page.append("</div>\n");
        inPair = false;
      }
      String map = maps.getOrDefault(figure.getKey(), "");
      String option = options.get(figure.getKey());
      page.append("<figure>");
      if (option != null) {
        page.append("<div class=\"echart\"></div><script type=\"application/json\" data-chart=\"")
            .append(figure.getKey())
            .append("\">")
            .append(option.replace("</", "<\\/"))
            .append("</script>");
      }
      page.append(map)
          .append("<img src=\"")
          .append(figure.getKey())
          .append(".png\" alt=\"")
          .append(escape(figure.getValue()))
          .append(map.isEmpty() ? "" : "\" usemap=\"#" + figure.getKey())
          .append("\"><figcaption>")
          .append(escape(figure.getValue()))
          .append(" (")
          .append(option == null ? "" : "<a href=\"" + figure.getKey() + ".png\">PNG</a>, ")
          .append("<a href=\"")
          .append(figure.getKey())
          .append(".svg\">SVG</a>)</figcaption></figure>\n");
    }
    if (inPair) {
      page.append("</div>\n");
    }
    return page.toString();
  }

  private static void appendTables(StringBuilder page, Aggregation.Tables tables) {
    page.append(
            "<h2>Exponents</h2>\n<p>Fits of the optimal test risk; 95% intervals from a bootstrap over seeds (")
        .append(tables.exponents().isEmpty() ? 0 : tables.exponents().get(0).bootstrapCount())
        .append(" replicates, seed ")
        .append(Aggregation.BOOTSTRAP_SEED)
        .append(
            "). Two models per sweep: <em>offset</em> E + A x^-a, whose floor E is what the other"
                + " axis leaves (the risk at infinite width or samples), and <em>pure</em> A x^-a;"
                + " the joint law adds both axes. No claim uses these exponents; the phase table"
                + " (task axes) reads the offset fits.</p>\n")
        .append(
            "<table><tr><th>sweep</th><th>model</th><th>fixed</th><th>points</th><th>exponent</th>")
        .append(
            "<th>95% interval</th><th>theory</th><th>samples exponent (joint)</th><th>95% interval</th>")
        .append("<th>theory</th><th>offset E</th></tr>\n");
    for (ExponentRow e : tables.exponents()) {
      page.append("<tr><td class=\"text\">")
          .append(e.sweep())
          .append("</td><td class=\"text\">")
          .append(e.model())
          .append("</td><td class=\"text\">")
          .append(
              e.fixedAxis().isEmpty()
                  ? ""
                  : e.fixedAxis() + " = " + Sweep.widthText(e.fixedValue()))
          .append("</td><td>")
          .append(e.points())
          .append("</td><td>")
          .append(num(e.exponent()))
          .append("</td><td>[")
          .append(num(e.exponentLow()))
          .append(", ")
          .append(num(e.exponentHigh()))
          .append("]</td><td>")
          .append(num(e.theoryExponent()))
          .append("</td><td>")
          .append(num(e.exponent2()))
          .append("</td><td>")
          .append(
              Double.isNaN(e.exponent2())
                  ? ""
                  : "[" + num(e.exponent2Low()) + ", " + num(e.exponent2High()) + "]")
          .append("</td><td>")
          .append(num(e.theoryExponent2()))
          .append("</td><td>")
          .append(num(e.offset()))
          .append("</td></tr>\n");
    }
    page.append("</table>\n");

    page.append(
            "<h2>Optimal ridge per cell</h2>\n<p>Oracle: the grid ridge with the lowest mean test risk. LOO and ")
        .append(
            "GCV: the ridge each picks per seed from training data alone, and the test risk it then gets.</p>\n")
        .append("<table><tr><th>N</th><th>n</th><th>best ridge</th><th>test risk</th><th>R</th>")
        .append(
            "<th>theory ridge</th><th>theory risk</th><th>R*</th><th>LOO ridge</th><th>LOO risk</th>")
        .append("<th>GCV ridge</th><th>GCV risk</th></tr>\n");
    for (OptimalPoint p : tables.optimal()) {
      page.append("<tr><td>")
          .append(Sweep.widthText(p.width()))
          .append("</td><td>")
          .append(p.samples())
          .append("</td><td>")
          .append(num(p.bestRidge()))
          .append(p.bestAtEdge() ? " (edge)" : "")
          .append("</td><td>")
          .append(num(p.testMean()))
          .append(" &plusmn; ")
          .append(num(p.testSe()))
          .append("</td><td>")
          .append(num(p.fittingRatio()))
          .append("</td><td>")
          .append(num(p.theoryRidge()))
          .append("</td><td>")
          .append(num(p.theoryTest()))
          .append("</td><td>")
          .append(num(p.theoryFittingRatio()))
          .append("</td><td>")
          .append(num(p.looRidge()))
          .append("</td><td>")
          .append(num(p.looTestMean()))
          .append("</td><td>")
          .append(num(p.gcvRidge()))
          .append("</td><td>")
          .append(num(p.gcvTestMean()))
          .append("</td></tr>\n");
    }
    page.append(
            "</table>\n<p>Tables in Parquet beside this folder: fits, curves, optimal, exponents, claims. ")
        .append("<code>rfsweep show DIR TABLE</code> prints any of them.</p>\n");
  }

  static String describe(JobSpec spec) {
    List<String> parts = new ArrayList<>();
    if (spec.task() instanceof PowerLawTaskSpec t) {
      parts.add(
          String.format(
              Locale.ROOT,
              "power-law task: alpha %s, beta %s, noise %s, %d modes",
              t.alpha(),
              t.beta(),
              t.noise(),
              t.modes()));
    } else if (spec.task() instanceof DatasetTaskSpec d) {
      parts.add(
          String.format(
              Locale.ROOT,
              "dataset %s, %s target, pool of %d points, relative label noise %s",
              d.dataFile(),
              DatasetTaskSpec.targetWords(d),
              d.pool(),
              d.labelNoise()));
    }
    parts.add(TaskPoint.featureWords(spec.features()) + " random features");
    parts.add(spec.grid().seeds() + " seeds");
    parts.add(spec.grid().ridges().size() + " ridges");
    return String.join("; ", parts);
  }

  static String num(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return value == 0 ? "0" : String.format(Locale.ROOT, "%.4g", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
