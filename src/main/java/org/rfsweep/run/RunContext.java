package org.rfsweep.run;

import java.util.Objects;
import java.util.Optional;
import org.rfsweep.io.RunLabel;
import org.rfsweep.spec.JobSpec;
import org.rfsweep.spec.SpecFingerprint;
import org.rfsweep.theory.Spectrum;

/**
 * Everything a run knows about itself, built once by the driver and passed to what needs it: the
 * resolved spec and its hashes, the label and task columns its rows carry, the code version, the
 * driver's BLAS backend, and a dataset pool's measured spectrum once it is known. Immutable: {@link
 * #withSpectrum} returns a new context.
 *
 * @param spec the resolved job spec
 * @param specHash {@link SpecFingerprint#hash} of it
 * @param compatibilityHash {@link SpecFingerprint#compatibilityHash}: specs with the same one
 *     extend each other
 * @param codeVersion the code that computes this run's rows (provenance)
 * @param resultsVersion the version of the numbers ({@link ResultsVersion}), part of every cell key
 * @param blasBackend the driver's BLAS/LAPACK backend label
 * @param pool a dataset pool's measured spectrum, or null (none measured, or not a dataset task)
 */
public record RunContext(
    JobSpec spec,
    String specHash,
    String compatibilityHash,
    String codeVersion,
    String resultsVersion,
    String blasBackend,
    PoolSpectrum pool) {

  public RunContext {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(specHash, "specHash");
    Objects.requireNonNull(compatibilityHash, "compatibilityHash");
    Objects.requireNonNull(codeVersion, "codeVersion");
    Objects.requireNonNull(resultsVersion, "resultsVersion");
    Objects.requireNonNull(blasBackend, "blasBackend");
  }

  /** The context of a spec before any spectrum is known: the hashes are computed here, once. */
  public static RunContext of(JobSpec spec, String codeVersion, String blasBackend) {
    return new RunContext(
        spec,
        SpecFingerprint.hash(spec),
        SpecFingerprint.compatibilityHash(spec),
        codeVersion,
        ResultsVersion.CURRENT,
        blasBackend,
        null);
  }

  /** This context with the pool's measured spectrum. */
  public RunContext withSpectrum(PoolSpectrum measured) {
    return new RunContext(
        spec, specHash, compatibilityHash, codeVersion, resultsVersion, blasBackend, measured);
  }

  public Optional<PoolSpectrum> measuredPool() {
    return Optional.ofNullable(pool);
  }

  /** The columns every results table of this run starts with. */
  public RunLabel label() {
    return new RunLabel(spec.name(), specHash);
  }

  /** What each {@code fits} row of this run carries besides its fit. */
  public RowStamp stamp() {
    return new RowStamp(
        label(), JobColumns.of(spec), compatibilityHash, codeVersion, resultsVersion);
  }

  /** The spectrum the eigenframework uses for this task, if known ({@link TaskTheory#spectrum}). */
  public Optional<Spectrum> theorySpectrum() {
    return TaskTheory.spectrum(spec, measuredPool().map(PoolSpectrum::spectrum).orElse(null));
  }

  /** The label noise the theory adds ({@link TaskTheory#noise}). */
  public double theoryNoise() {
    return TaskTheory.noise(spec);
  }
}
