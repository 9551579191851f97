/**
 * Task sources: where inputs and labels come from (the synthetic power-law Gaussian task now;
 * datasets later). Each sample is drawn from its own derived stream, so any prefix of a stream is
 * the same however it is drawn. Plain Java.
 */
package org.rfsweep.data;
