package org.rfsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.rfsweep.driver.SweepDriver;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.testing.SharedSpark;
import org.rfsweep.testing.Specs;

/**
 * Every page of real reports, opened in headless Chromium (Debian's chromium and chromedriver,
 * which .ci/run installs): no console error, every image loaded with a size, every link resolving.
 * The reports: a power-law sweep, a job with task axes (its overview and every point's page), and
 * ReLU features on a Fashion-MNIST pool.
 */
@Tag("spark")
@ExtendWith(SharedSpark.class)
class ReportBrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path FASHION =
      Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

  @Test
  void everyPageRendersWithoutErrorsAndEveryLinkResolves(SparkSession spark, @TempDir Path dir)
      throws Exception {
    boolean required = Boolean.getBoolean("rfsweep.browser.required");
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      assertTrue(
          !required, "chromium and chromium-driver are required here (.ci/run installs them)");
      Assumptions.abort("no chromium/chromedriver on this machine; .ci/run installs them");
    }
    List<Path> reports = new ArrayList<>();
    reports.add(run(spark, dir.resolve("powerlaw"), Specs.small()));
    reports.add(run(spark, dir.resolve("axes"), Specs.smallWith("alpha", "alpha: [1.5, 2.0]")));
    if (Files.exists(FASHION)) {
      reports.add(
          run(
              spark,
              dir.resolve("fashion"),
              """
              name: fashion-small
              seed: 3
              task: {type: dataset, source: fashion-mnist, target: onehot, pool: 400, test_samples: 200}
              features: relu
              grid: {widths: [32, 128, 512], samples: [32, 64, 128], ridges: [0, 0.01, 1], seeds: 2}
              """));
    }
    List<Path> pages = new ArrayList<>();
    for (Path report : reports) {
      try (var files = Files.walk(report)) {
        files.filter(p -> p.getFileName().toString().equals("index.html")).forEach(pages::add);
      }
    }
    assertTrue(pages.size() >= 4, "pages " + pages); // 1 + (1 + 2 points) (+ 1)

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      for (Path page : pages) {
        browser.get(page.toUri().toString());
        waitForImages(browser);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images =
            (List<Map<String, Object>>)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "return Array.from(document.images).map(i => ({src: i.src, complete:"
                            + " i.complete, width: i.naturalWidth, height: i.naturalHeight,"
                            + " hidden: getComputedStyle(i).display === 'none'}));");
        assertTrue(!images.isEmpty(), page + " has no figure");
        for (Map<String, Object> image : images) {
          if (Boolean.TRUE.equals(image.get("hidden"))) {
            // A PNG the interactive chart replaced: the browser need not load it; it must exist.
            Path png = Path.of(java.net.URI.create((String) image.get("src")));
            assertTrue(Files.size(png) > 0, page + ": " + image);
            continue;
          }
          assertEquals(Boolean.TRUE, image.get("complete"), page + ": " + image);
          assertTrue(((Number) image.get("width")).intValue() > 0, page + ": " + image);
          assertTrue(((Number) image.get("height")).intValue() > 0, page + ": " + image);
        }
        @SuppressWarnings("unchecked")
        List<String> links =
            (List<String>)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);");
        for (String link : links) {
          assertTrue(link.startsWith("file:"), page + " links outside the report: " + link);
          Path target = Path.of(java.net.URI.create(link.replaceFirst("#.*$", "")));
          assertTrue(Files.exists(target), page + " links to a missing " + target);
        }
        // Hovering a dot shows its values: every risk figure carries an image map whose areas,
        // scaled to the shown size, sit inside the image and are titled with the numbers.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hovers =
            (List<Map<String, Object>>)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "return Array.from(document.querySelectorAll('img[usemap]'))"
                            + ".filter(img => img.offsetParent !== null).map(img => {"
                            + " var areas = Array.from(document.querySelectorAll('map[name=\"'"
                            + " + img.useMap.slice(1) + '\"] area'));"
                            + " var xs = areas.map(a => Number(a.coords.split(',')[0]));"
                            + " return {src: img.src, areas: areas.length, width: img.clientWidth,"
                            + " maxX: Math.max.apply(null, xs), title: areas.length ? areas[0].title : ''};"
                            + "});");
        checkInteractiveCharts(browser, page);
        for (Map<String, Object> hover : hovers) {
          assertTrue(((Number) hover.get("areas")).intValue() > 0, page + ": " + hover);
          assertTrue(
              ((Number) hover.get("maxX")).doubleValue()
                  <= ((Number) hover.get("width")).doubleValue(),
              page + ": areas outside the shown image " + hover);
          String title = (String) hover.get("title");
          String src = (String) hover.get("src");
          if (src.contains("risk-vs-width") || src.contains("risk-vs-samples")) {
            assertTrue(
                title.contains("ridge") && title.contains("test risk") && title.contains("seeds"),
                page + ": " + title);
          } else if (src.contains("/phase-")) {
            assertTrue(title.contains("alpha") && title.contains("beta"), page + ": " + title);
          } else {
            assertTrue(!title.isBlank(), page + ": " + hover);
          }
        }
        List<LogEntry> errors =
            browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertEquals(List.of(), errors, page + " logged errors");
      }
    } finally {
      browser.quit();
    }
  }

  /**
   * Every figure with an ECharts option is drawn as a chart of non-zero size in place of its PNG;
   * on the risk figures a hover shows a point's values, a legend click hides a ridge and the zoom
   * narrows the axes.
   */
  private static void checkInteractiveCharts(ChromeDriver browser, Path page) {
    JavascriptExecutor js = browser;
    long options =
        ((Number)
                js.executeScript("return document.querySelectorAll('script[data-chart]').length;"))
            .longValue();
    if (page.getParent().resolve("risk-vs-fitting-ratio.png").toFile().exists()) {
      assertTrue(options > 0, page + ": no interactive figure");
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts =
        (List<Map<String, Object>>)
            js.executeScript(
                "return Array.from(document.querySelectorAll('script[data-chart]')).map(s => {"
                    + " var holder = s.closest('figure').querySelector('.echart');"
                    + " var chart = echarts.getInstanceByDom(holder);"
                    + " var canvas = holder.querySelector('canvas');"
                    + " return {name: s.dataset.chart, drawn: chart !== undefined,"
                    + " width: canvas ? canvas.width : 0, height: canvas ? canvas.height : 0,"
                    + " image: s.closest('figure').querySelector('img').style.display};"
                    + "});");
    assertEquals(options, charts.size());
    for (Map<String, Object> chart : charts) {
      assertEquals(Boolean.TRUE, chart.get("drawn"), page + ": " + chart);
      assertTrue(((Number) chart.get("width")).intValue() > 0, page + ": " + chart);
      assertTrue(((Number) chart.get("height")).intValue() > 0, page + ": " + chart);
      assertEquals("none", chart.get("image"), page + ": the PNG gives way to the chart");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> risk =
        (Map<String, Object>)
            js.executeScript(
                "var s = document.querySelector('script[data-chart^=\"risk-vs-\"]');"
                    + " if (!s) { return null; }"
                    + " var holder = s.closest('figure').querySelector('.echart');"
                    + " var chart = echarts.getInstanceByDom(holder);"
                    + " var series = chart.getOption().series;"
                    + " var at = null;"
                    + " series.forEach((x, i) => { if (at === null) { x.data.forEach((d, j) => {"
                    + "   if (at === null && d && d.tip) { at = [i, j, x.name]; } }); } });"
                    + " chart.dispatchAction({type: 'showTip', seriesIndex: at[0], dataIndex: at[1]});"
                    + " var tip = Array.from(holder.querySelectorAll('div'))"
                    + "   .map(d => d.textContent).filter(t => t.indexOf('test risk') >= 0);"
                    + " chart.dispatchAction({type: 'legendUnSelect', name: at[2]});"
                    + " var selected = chart.getOption().legend[0].selected[at[2]];"
                    + " chart.dispatchAction({type: 'dataZoom', dataZoomIndex: 0, start: 20, end:"
                    + " 80});"
                    + " return {tip: tip.length ? tip[0] : '', series: at[2], selected: selected,"
                    + " zoomStart: chart.getOption().dataZoom[0].start};");
    if (risk != null) {
      String tip = (String) risk.get("tip");
      assertTrue(
          tip.contains("ridge") && tip.contains("test risk") && tip.contains("seeds"),
          page + ": hover shows " + tip);
      assertEquals(Boolean.FALSE, risk.get("selected"), page + ": a legend click hides a ridge");
      assertEquals(20, ((Number) risk.get("zoomStart")).intValue(), page + ": zoom");
    }
  }

  /**
   * Up to 15 s for every shown image to finish loading: on a busy machine Chrome can report the
   * page loaded while a large PNG is still being decoded. A page that never gets there fails below.
   */
  private static void waitForImages(ChromeDriver browser) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      Object done =
          browser.executeScript(
              "return Array.from(document.images).every(i => i.complete"
                  + " || getComputedStyle(i).display === 'none');");
      if (Boolean.TRUE.equals(done)) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private static Path run(SparkSession spark, Path out, String spec) {
    SweepDriver.run(
        spark,
        SpecLoader.parse(spec, out.getFileName() + ".yaml"),
        new SweepDriver.Options(out, 0, false),
        line -> {});
    return out.resolve("report");
  }
}
