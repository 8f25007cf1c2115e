package dev.robusta.wasi.internal.abi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a WASI struct or union in linear memory: size, alignment and fields. The values are
 * written out in {@link Layouts} and checked against {@code wasi_preview1_layouts.tsv} by
 * {@code LayoutsTest}.
 */
public final class Struct {
    private final String name;
    private final int size;
    private final int align;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    private Struct(String name, int size, int align) {
        this.name = name;
        this.size = size;
        this.align = align;
    }

    /** A struct with no fields yet; add them with {@link #field}. */
    static Struct of(String name, int size, int align) {
        return new Struct(name, size, align);
    }

    /** Adds a field (during construction only). */
    Struct field(String fieldName, int offset, int fieldSize) {
        fields.put(fieldName, new Field(fieldName, offset, fieldSize));
        return this;
    }

    /** The witx type name, without {@code $}. */
    public String name() {
        return name;
    }

    /** The size in bytes. */
    public int size() {
        return size;
    }

    /** The alignment in bytes. */
    public int align() {
        return align;
    }

    /**
     * The field {@code fieldName}.
     *
     * @throws IllegalArgumentException when there is none
     */
    public Field get(String fieldName) {
        Field f = fields.get(fieldName);
        if (f == null) {
            throw new IllegalArgumentException(name + " has no field " + fieldName);
        }
        return f;
    }

    /** Every field, in declaration order. */
    public List<Field> fields() {
        return Collections.unmodifiableList(new ArrayList<>(fields.values()));
    }

    @Override
    public String toString() {
        return name + "[size=" + size + ", align=" + align + ", " + fields.values() + "]";
    }
}
