package org.rfsweep.driver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.rfsweep.aggregate.Aggregation;
import org.rfsweep.aggregate.History;
import org.rfsweep.io.BuildInfo;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.io.Manifest;
import org.rfsweep.report.ReportWriter;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecLoader;
import org.rfsweep.task.SpectrumMeasurement;

/** Aggregates a run's fits into its tables and draws the report; also regenerates both for an existing folder. */
public final class ReportBuilder {
  private ReportBuilder() {}

  /**
   * @param recordRun append this run to {@code DIR/history.jsonl} (a finished sweep does; regenerating a report
   *                  does not)
   * @return the report's index.html
   */
  public static Path build(SparkSession spark, JobSpec spec, Path out, boolean recordRun) {
    SpectrumMeasurement.read(out, spec); // a dataset's theory comes from the spectrum measured on its pool
    Aggregation.Tables tables = Aggregation.run(spark, spec, out);
    if (recordRun) {
      History.append(out, SpecFingerprint.hash(spec), BuildInfo.codeVersion(), tables);
    }
    return ReportWriter.write(out, spec, tables);
  }

  /** The spec a run recorded in its manifest (the resolved spec is JSON, which is YAML). */
  public static JobSpec specOf(Path out) {
    try {
      JsonNode manifest = Manifest.read(out);
      if (manifest == null || !manifest.has("spec")) {
        throw new OutputConflictException(out + ": no " + Manifest.FILE + " with a spec; not an rfsweep output folder");
      }
      return SpecLoader.parse(manifest.get("spec").toString(), out.resolve(Manifest.FILE).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": cannot read " + Manifest.FILE + ": " + e.getMessage(), e);
    }
  }
}
