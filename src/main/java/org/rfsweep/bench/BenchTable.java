package org.rfsweep.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The benchmark's figures: one row per measured quantity, printed as they come and written as CSV.
 */
final class BenchTable {
  /**
   * @param target the target it is judged against, empty when none; met: "yes", "no" or ""
   */
  record Figure(
      String section,
      String name,
      double value,
      String unit,
      String target,
      String met,
      String note) {}

  private final List<Figure> figures = new ArrayList<>();
  private final Consumer<String> out;

  BenchTable(Consumer<String> out) {
    this.out = out;
  }

  void add(String section, String name, double value, String unit, String note) {
    add(new Figure(section, name, value, unit, "", "", note));
  }

  /** A figure with a target: {@code met} when value is at most {@code limit}. */
  void addAgainst(
      String section, String name, double value, String unit, double limit, String note) {
    add(
        new Figure(
            section,
            name,
            value,
            unit,
            "<= " + format(limit),
            value <= limit ? "yes" : "no",
            note));
  }

  /** A target the issue states as "about": met within {@code slack} above it, and shown as such. */
  void addAbout(
      String section,
      String name,
      double value,
      String unit,
      double about,
      double slack,
      String note) {
    add(
        new Figure(
            section,
            name,
            value,
            unit,
            "~" + format(about),
            value <= about + slack ? "yes" : "no",
            note + " (about: <= " + format(about + slack) + ")"));
  }

  void add(Figure figure) {
    figures.add(figure);
    out.accept(
        String.format(
            Locale.ROOT,
            "%-14s %-52s %12s %-8s %-10s %-4s %s",
            figure.section(),
            figure.name(),
            format(figure.value()),
            figure.unit(),
            figure.target(),
            figure.met(),
            figure.note()));
  }

  void writeCsv(Path file) {
    List<String> lines = new ArrayList<>();
    lines.add("section,name,value,unit,target,met,note");
    for (Figure f : figures) {
      lines.add(
          String.join(
              ",",
              csv(f.section()),
              csv(f.name()),
              Double.toString(f.value()),
              csv(f.unit()),
              csv(f.target()),
              csv(f.met()),
              csv(f.note())));
    }
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String csv(String text) {
    return text.contains(",") || text.contains("\"")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double a = Math.abs(value);
    return a != 0 && (a >= 1e5 || a < 1e-3)
        ? String.format(Locale.ROOT, "%.3e", value)
        : String.format(Locale.ROOT, "%.4g", value);
  }
}
