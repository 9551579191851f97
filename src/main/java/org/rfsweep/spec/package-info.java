/**
 * Job specs: immutable records, the YAML loader that builds them, and validation whose errors name
 * the field, the value and the line. Plain Java; never imports Spark.
 */
package org.rfsweep.spec;
