package org.rfsweep.spec;

import java.util.Locale;

/** The random feature maps of docs/THEORY.md section 1. */
public enum FeatureKind {
  /** g(x) = w . x: the kernel is the input covariance, so the eigenvalues are the task's own. */
  LINEAR,
  /** g(x) = sqrt(2) relu(w . x): the degree-1 arc-cosine (one-hidden-layer ReLU NNGP) kernel. */
  RELU,
  /**
   * g(x) = sqrt(2) cos(w . x + b), w ~ N(0, I / length^2), b ~ U[0, 2 pi): the Gaussian kernel of
   * that length.
   */
  RFF;

  /** The spec's word for it. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
