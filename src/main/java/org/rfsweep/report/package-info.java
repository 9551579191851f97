/**
 * The HTML report of a run: figures drawn with JFreeChart (written as PNG and SVG) and the key
 * tables, in {@code DIR/report/index.html}.
 */
package org.rfsweep.report;
