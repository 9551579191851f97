/**
 * Random feature maps phi(x) = (g_1(x), ..., g_N(x)) / sqrt(N) (docs/THEORY.md section 1): weights
 * drawn per feature from derived streams, so the first N features of a bank are the width-N map.
 * Plain Java.
 */
package org.rfsweep.features;
