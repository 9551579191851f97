package org.rfsweep.run;

import java.io.Serializable;

/**
 * The eigenframework's values for one (cell, ridge): the {@code theory_*} columns of {@code fits}.
 */
public record TheoryValues(
    double theoryTestMse, double theoryTrainMse, double theoryGamma, double theoryKappa)
    implements Serializable {}
