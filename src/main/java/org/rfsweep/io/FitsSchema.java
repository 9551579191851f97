package org.rfsweep.io;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.task.FitResult;

/**
 * The {@code fits} table: one row per (cell, ridge, seed). Columns are snake_case; risks are mean squared errors
 * in label units squared, times in seconds.
 */
public final class FitsSchema {
  public static final String TABLE = "fits";

  public static final StructType SCHEMA = new StructType(new StructField[] {
      field("job_name", DataTypes.StringType, false),
      field("spec_hash", DataTypes.StringType, false),
      field("cell_key", DataTypes.StringType, false),
      field("task_type", DataTypes.StringType, false),
      field("alpha", DataTypes.DoubleType, true),
      field("beta", DataTypes.DoubleType, true),
      field("noise", DataTypes.DoubleType, true),
      field("modes", DataTypes.IntegerType, true),
      field("test_samples", DataTypes.IntegerType, true),
      field("feature_map", DataTypes.StringType, false),
      field("width", DataTypes.IntegerType, false),
      field("samples", DataTypes.IntegerType, false),
      field("ridge", DataTypes.DoubleType, false),
      field("seed", DataTypes.IntegerType, false),
      field("train_mse", DataTypes.DoubleType, true),
      field("test_mse", DataTypes.DoubleType, true),
      field("loo_test_mse", DataTypes.DoubleType, true),
      field("gcv_test_mse", DataTypes.DoubleType, true),
      field("theory_test_mse", DataTypes.DoubleType, true),
      field("theory_train_mse", DataTypes.DoubleType, true),
      field("theory_gamma", DataTypes.DoubleType, true),
      field("theory_kappa", DataTypes.DoubleType, true),
      field("status", DataTypes.StringType, false),
      field("error", DataTypes.StringType, false),
      field("fit_seconds", DataTypes.DoubleType, false),
      field("setup_seconds", DataTypes.DoubleType, false),
      field("blas_backend", DataTypes.StringType, false),
      field("code_version", DataTypes.StringType, false),
  });

  private FitsSchema() {}

  private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }

  /** The job-level columns shared by every row of a run, captured once on the driver. */
  public record JobColumns(String jobName, String specHash, String compatibilityHash, String taskType, Double alpha,
      Double beta, Double noise, Integer modes, Integer testSamples, String featureMap, String codeVersion)
      implements java.io.Serializable {

    /** The content key of a fit's (cell, seed): what a resumed run checks to skip work already done. */
    public String cellKey(int width, int samples, int seed) {
      return SpecFingerprint.cellKey(compatibilityHash, codeVersion, width, samples, seed);
    }


    public static JobColumns of(JobSpec spec, String specHash, String codeVersion) {
      if (spec.task() instanceof PowerLawTaskSpec task) {
        return new JobColumns(spec.name(), specHash, SpecFingerprint.compatibilityHash(spec), task.type(),
            task.alpha(), task.beta(), task.noise(), task.modes(), task.testSamples(), spec.features().kind().word(),
            codeVersion);
      }
      DatasetTaskSpec task = (DatasetTaskSpec) spec.task();
      // A dataset has no alpha, beta or added noise; modes is its pool size, the population the theory uses.
      return new JobColumns(spec.name(), specHash, SpecFingerprint.compatibilityHash(spec), task.type(), null, null,
          null, task.pool(), task.testSamples(), spec.features().kind().word(), codeVersion);
    }
  }

  /**
   * @param theory [test, train, gamma, kappa] from the eigenframework, or null when the task's spectrum is unknown
   */
  public static Row toRow(JobColumns job, FitResult fit, double[] theory) {
    return RowFactory.create(job.jobName(), job.specHash(), job.cellKey(fit.width(), fit.samples(), fit.seed()),
        job.taskType(), job.alpha(), job.beta(), job.noise(),
        job.modes(), job.testSamples(), job.featureMap(), fit.width(), fit.samples(), fit.ridge(), fit.seed(),
        nullIfNaN(fit.trainMse()), nullIfNaN(fit.testMse()), nullIfNaN(fit.looMse()),
        nullIfNaN(fit.gcvMse()), theory(theory, 0), theory(theory, 1),
        theory(theory, 2), theory(theory, 3), fit.status(), fit.error(), fit.fitSeconds(),
        fit.setupSeconds(), fit.blasBackend(), job.codeVersion());
  }

  private static Double theory(double[] values, int index) {
    return values == null ? null : values[index];
  }

  /** Failed fits have no risk: null in Parquet reads as missing in pandas and Spark alike. */
  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }

  public static List<String> columns() {
    return List.of(SCHEMA.fieldNames());
  }
}
