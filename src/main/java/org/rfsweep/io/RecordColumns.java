package org.rfsweep.io;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A record type as table columns: the record is the one definition of a table's columns, used to
 * write rows and to read them back, so adding a column is adding a component. A component's column
 * is its name in snake_case (or its {@link Column} name); a component that is itself a record
 * contributes its own columns in place (a null nested record writes nulls).
 *
 * <p>Types: {@code int}, {@code long}, {@code boolean} are required; {@code double} is nullable
 * with NaN stored as null (missing in pandas, Spark and DuckDB alike); {@code Integer}, {@code
 * Long}, {@code Double} and {@code String} are nullable. Immutable.
 *
 * @param <R> the row record
 */
public final class RecordColumns<R extends Record> {
  private final Class<R> type;
  private final List<Leaf> leaves;
  private final Shape shape;

  /**
   * Spark's schema, made when first asked for: Spark's types (with their collation tables) take a
   * command that never starts Spark about 60 ms to load.
   */
  private volatile StructType schema;

  /** One column: the accessor path from the top record to a scalar component. */
  private record Leaf(String name, Method[] path, Class<?> javaType) {}

  private RecordColumns(Class<R> type) {
    this.type = type;
    List<Leaf> found = new ArrayList<>();
    flatten(type, new Method[0], found);
    Set<String> names = new HashSet<>();
    for (Leaf leaf : found) {
      if (!names.add(leaf.name())) {
        throw new IllegalArgumentException(
            type.getSimpleName() + ": column '" + leaf.name() + "' twice");
      }
    }
    this.leaves = List.copyOf(found);
    this.shape = Shape.of(type);
  }

  public static <R extends Record> RecordColumns<R> of(Class<R> type) {
    return new RecordColumns<>(type);
  }

  public StructType schema() {
    StructType made = schema;
    if (made == null) {
      made =
          new StructType(
              leaves.stream()
                  .map(
                      l ->
                          DataTypes.createStructField(
                              l.name(), sparkType(l.javaType()), nullable(l.javaType())))
                  .toArray(StructField[]::new));
      schema = made;
    }
    return made;
  }

  public List<String> names() {
    return leaves.stream().map(Leaf::name).toList();
  }

  /** The record's values in column order, NaN as null. */
  public Object[] values(R record) {
    Object[] values = new Object[leaves.size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = stored(read(record, leaves.get(c).path()));
    }
    return values;
  }

  public Row toRow(R record) {
    return RowFactory.create(values(record));
  }

  /** A record from a Spark row that has (at least) these columns, found by name. */
  public R fromRow(Row row) {
    return build(
        name -> {
          int i = row.fieldIndex(name);
          return row.isNullAt(i) ? null : row.get(i);
        });
  }

  /**
   * A record from a row of values read without Spark ({@link ParquetTable}), columns found by name.
   */
  public R fromValues(List<String> columns, Object[] values) {
    return build(
        name -> {
          int i = columns.indexOf(name);
          if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "' among " + columns);
          }
          return values[i];
        });
  }

  /** Adds the columns to a Parquet schema, for writers without Spark ({@link SmallTableWriter}). */
  void addTo(Types.MessageTypeBuilder builder) {
    for (Leaf leaf : leaves) {
      Class<?> t = leaf.javaType();
      Repetition repetition = nullable(t) ? Repetition.OPTIONAL : Repetition.REQUIRED;
      if (t == String.class) {
        builder
            .primitive(PrimitiveTypeName.BINARY, repetition)
            .as(LogicalTypeAnnotation.stringType())
            .named(leaf.name());
      } else if (t == int.class || t == Integer.class) {
        builder.primitive(PrimitiveTypeName.INT32, repetition).named(leaf.name());
      } else if (t == long.class || t == Long.class) {
        builder.primitive(PrimitiveTypeName.INT64, repetition).named(leaf.name());
      } else if (t == boolean.class) {
        builder.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(leaf.name());
      } else {
        builder.primitive(PrimitiveTypeName.DOUBLE, repetition).named(leaf.name());
      }
    }
  }

  private interface Lookup {
    Object value(String column);
  }

  /**
   * How to build one record type from columns, resolved once: its canonical constructor, and per
   * component either a column or a nested record's shape.
   */
  private record Shape(
      Class<?> type,
      Constructor<?> constructor,
      Class<?>[] types,
      String[] columns,
      Shape[] nested) {
    static Shape of(Class<?> recordType) {
      RecordComponent[] components = recordType.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      String[] columns = new String[components.length];
      Shape[] nested = new Shape[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        if (types[i].isRecord()) {
          nested[i] = of(types[i]);
        } else {
          columns[i] = columnName(components[i]);
        }
      }
      try {
        Constructor<?> constructor = recordType.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return new Shape(recordType, constructor, types, columns, nested);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(
            recordType.getSimpleName() + ": no canonical constructor", e);
      }
    }

    /**
     * The record, or null for a nested record whose columns are all null (it was written as null).
     */
    Object build(Lookup lookup, boolean top) {
      Object[] raw = new Object[types.length];
      boolean anyValue = false;
      for (int i = 0; i < types.length; i++) {
        raw[i] = nested[i] != null ? nested[i].build(lookup, false) : lookup.value(columns[i]);
        anyValue |= raw[i] != null;
      }
      if (!anyValue && !top && types.length > 0) {
        return null;
      }
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        args[i] = nested[i] != null ? raw[i] : loaded(raw[i], types[i], columns[i]);
      }
      try {
        return constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(type.getSimpleName() + ": " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            type.getSimpleName() + ": cannot build from columns: " + e, e);
      }
    }
  }

  private R build(Lookup lookup) {
    return type.cast(shape.build(lookup, true));
  }

  private static Object loaded(Object value, Class<?> t, String column) {
    if (t == double.class) {
      return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
    if (t == Double.class) {
      return value == null ? null : ((Number) value).doubleValue();
    }
    if (value == null) {
      if (t.isPrimitive()) {
        throw new IllegalArgumentException("column '" + column + "' is null, expected a value");
      }
      return null;
    }
    if (t == int.class || t == Integer.class) {
      return ((Number) value).intValue();
    }
    if (t == long.class || t == Long.class) {
      return ((Number) value).longValue();
    }
    if (t == String.class) {
      return value.toString();
    }
    return value;
  }

  private static void flatten(Class<?> recordType, Method[] prefix, List<Leaf> out) {
    for (RecordComponent component : recordType.getRecordComponents()) {
      Method[] path = new Method[prefix.length + 1];
      System.arraycopy(prefix, 0, path, 0, prefix.length);
      path[prefix.length] = component.getAccessor();
      path[prefix.length].setAccessible(true);
      Class<?> t = component.getType();
      if (t.isRecord()) {
        flatten(t, path, out);
      } else {
        if (!HELD.contains(t)) {
          throw new IllegalArgumentException("a table column cannot hold " + t.getName());
        }
        out.add(new Leaf(columnName(component), path, t));
      }
    }
  }

  private static Object read(Object record, Method[] path) {
    Object value = record;
    try {
      for (Method accessor : path) {
        if (value == null) {
          return null;
        }
        value = accessor.invoke(value);
      }
      return value;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + path[path.length - 1] + ": " + e, e);
    }
  }

  private static Object stored(Object value) {
    return value instanceof Double d && d.isNaN() ? null : value;
  }

  static String columnName(RecordComponent component) {
    Column named = component.getAnnotation(Column.class);
    return named != null ? named.value() : snakeCase(component.getName());
  }

  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The Java types a column holds ({@link #sparkType}, {@link #addTo}). */
  private static final Set<Class<?>> HELD =
      Set.of(
          int.class,
          Integer.class,
          long.class,
          Long.class,
          double.class,
          Double.class,
          boolean.class,
          String.class);

  private static DataType sparkType(Class<?> t) {
    if (t == int.class || t == Integer.class) {
      return DataTypes.IntegerType;
    }
    if (t == long.class || t == Long.class) {
      return DataTypes.LongType;
    }
    if (t == double.class || t == Double.class) {
      return DataTypes.DoubleType;
    }
    if (t == boolean.class) {
      return DataTypes.BooleanType;
    }
    if (t == String.class) {
      return DataTypes.StringType;
    }
    throw new IllegalArgumentException("a table column cannot hold " + t.getName());
  }

  private static boolean nullable(Class<?> t) {
    return !(t == int.class || t == long.class || t == boolean.class);
  }

  /** The record type these columns describe. */
  public Class<R> type() {
    return type;
  }
}
