package org.rfsweep.io;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Parquet column name of a record component, where it is not the component's name in snake_case
 * (a column's name carries its unit, {@code test_mse_mean}, where the Java name may be shorter).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
  String value();
}
