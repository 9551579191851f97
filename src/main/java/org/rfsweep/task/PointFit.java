package org.rfsweep.task;

import java.io.Serializable;

/**
 * A fit and the task point it belongs to (an index into the job's points), as an executor returns
 * it.
 */
public record PointFit(int point, FitResult fit) implements Serializable {}
