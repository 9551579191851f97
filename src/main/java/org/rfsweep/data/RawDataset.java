package org.rfsweep.data;

/**
 * A dataset as read from its files, before pooling.
 *
 * @param inputs column-major {@code dimension x count}: item p in column p
 * @param labels one label per item (a class for onehot/binary targets, a value for numeric ones)
 */
public record RawDataset(int count, int dimension, double[] inputs, double[] labels) {}
