package org.rfsweep.run;

import java.io.Serializable;
import org.rfsweep.io.Column;
import org.rfsweep.spec.DatasetTaskSpec;
import org.rfsweep.spec.FeatureKind;
import org.rfsweep.spec.PowerLawTaskSpec;
import org.rfsweep.spec.TaskPoint;

/**
 * The task point's columns of every results table: its key, then what was swept, in readable form.
 * A dataset has no alpha, beta or added noise (null); its {@code modes} is the pool size, the
 * population the theory uses. Fields a task does not have are null.
 *
 * @param taskKey the point's name ({@link TaskPoint#key}), the same in every table
 * @param rffLength the Gaussian kernel's length of rff features
 * @param target a dataset's target ({@code onehot}, {@code numeric}, {@code binary[0,2]})
 * @param labelNoise a dataset's relative label noise sigma_rel^2
 */
public record JobColumns(
    String taskKey,
    String taskType,
    Double alpha,
    Double beta,
    Double noise,
    Integer modes,
    Integer testSamples,
    String featureMap,
    @Column("rff_length") Double rffLength,
    String target,
    Double labelNoise)
    implements Serializable {

  public static JobColumns of(TaskPoint point) {
    String features = point.features().kind().word();
    Double length = point.features().kind() == FeatureKind.RFF ? point.features().length() : null;
    if (point.task() instanceof PowerLawTaskSpec task) {
      return new JobColumns(
          point.key(),
          task.type(),
          task.alpha(),
          task.beta(),
          task.noise(),
          task.modes(),
          task.testSamples(),
          features,
          length,
          null,
          null);
    }
    DatasetTaskSpec task = (DatasetTaskSpec) point.task();
    return new JobColumns(
        point.key(),
        task.type(),
        null,
        null,
        null,
        task.pool(),
        task.testSamples(),
        features,
        length,
        DatasetTaskSpec.targetWords(task),
        task.labelNoise());
  }
}
