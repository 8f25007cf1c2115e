package dev.robusta.runtime;

import dev.robusta.runtime.internal.HostFunctionInstance;
import dev.robusta.wasm.FuncType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values a module's imports are resolved from: a two-level map from module name and field name to a
 * {@link Function}, {@link Memory}, {@link Table}, {@link Global} or {@link Tag}. Immutable; build one with
 * {@link #builder()}.
 *
 * <pre>{@code
 * Imports imports = Imports.builder()
 *     .function("env", "log", FuncType.of(List.of(I32), List.of()), (caller, args) -> {
 *         System.out.println(args[0]);
 *         return HostFunction.NO_RESULTS;
 *     })
 *     .instance("lib", libInstance)   // every export of libInstance as "lib" "<name>"
 *     .build();
 * }</pre>
 */
public final class Imports {
    /** No imports. */
    public static final Imports EMPTY = builder().build();

    private final Map<String, Map<String, Object>> values;

    private Imports(Map<String, Map<String, Object>> values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to add more. */
    public Builder toBuilder() {
        Builder b = new Builder();
        values.forEach((m, fields) -> fields.forEach((n, v) -> b.add(m, n, v)));
        return b;
    }

    /** The value registered as {@code module} {@code name}, or null. */
    public Object get(String module, String name) {
        Map<String, Object> fields = values.get(module);
        return fields == null ? null : fields.get(name);
    }

    /** Every value, by module name then field name. Unmodifiable. */
    public Map<String, Map<String, Object>> asMap() {
        return values;
    }

    /** Collects imports; a later registration of the same names replaces an earlier one. */
    public static final class Builder {
        private final Map<String, Map<String, Object>> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** A host function in boxed form. */
        public Builder function(String module, String name, FuncType type, HostFunction implementation) {
            return add(module, name, HostFunctionInstance.boxed(type, implementation, module + "." + name));
        }

        /**
         * A host function in raw form.
         *
         * @throws IllegalArgumentException when the type has a reference parameter or result
         */
        public Builder rawFunction(String module, String name, FuncType type, RawHostFunction implementation) {
            return add(module, name, HostFunctionInstance.raw(type, implementation, module + "." + name));
        }

        /** An existing function, such as another instance's export. */
        public Builder function(String module, String name, Function function) {
            return add(module, name, function);
        }

        public Builder memory(String module, String name, Memory memory) {
            return add(module, name, memory);
        }

        public Builder table(String module, String name, Table table) {
            return add(module, name, table);
        }

        public Builder global(String module, String name, Global global) {
            return add(module, name, global);
        }

        public Builder tag(String module, String name, Tag tag) {
            return add(module, name, tag);
        }

        /** Every export of {@code instance}, under the module name {@code module}. */
        public Builder instance(String module, Instance instance) {
            instance.exports().forEach((name, value) -> add(module, name, value));
            return this;
        }

        /**
         * A value of any kind.
         *
         * @throws IllegalArgumentException when it is not a {@link Function}, {@link Memory}, {@link Table},
         *         {@link Global} or {@link Tag}
         */
        public Builder add(String module, String name, Object value) {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(name, "name");
            if (!(value instanceof Function || value instanceof Memory || value instanceof Table
                    || value instanceof Global || value instanceof Tag)) {
                throw new IllegalArgumentException("not a function, memory, table, global or tag: " + value);
            }
            values.computeIfAbsent(module, m -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Imports build() {
            Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
            values.forEach((m, fields) -> copy.put(m, Collections.unmodifiableMap(new LinkedHashMap<>(fields))));
            return new Imports(Collections.unmodifiableMap(copy));
        }
    }
}
