package dev.robusta.runtime.internal;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Type identity across modules under WebAssembly 3.0's iso-recursive rule: two defined types are the same
 * when their recursion groups are structurally equal (references inside a group compared by position,
 * references to other groups by those types' identities) and they sit at the same position in them.
 * Each identity is one interned {@link Type} object, so equality is {@code ==}. A WebAssembly 2.0 function
 * type is a group of one, so this is plain structural equality there.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/conventions.html#rolling-and-unrolling">Rolling and unrolling</a>
 */
public final class CanonicalTypes {
    private static final ConcurrentHashMap<Object, Type> INTERN = new ConcurrentHashMap<>();

    /** A defined type's identity, with its declared supertypes' identities. */
    public static final class Type {
        private final Object key;
        private volatile Type[] supertypes = new Type[0];

        private Type(Object key) {
            this.key = key;
        }

        /** Whether this type is {@code sup} or declares it, directly or not, as a supertype. */
        public boolean isSubtypeOf(Type sup) {
            if (this == sup) {
                return true;
            }
            for (Type t : supertypes) {
                if (t.isSubtypeOf(sup)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "Type" + key;
        }
    }

    // The records below are keys of INTERN: their equals and hashCode are written out because a record's
    // generated ones bootstrap java.lang.runtime.ObjectMethods at first use, tens of milliseconds of
    // method-handle spinning per record class at start-up (RATIONALE.md, "Why are there no records, lambdas
    // or string concatenations on the start-up path?").

    /** A reference to a type of the same group, by position. */
    private record Rec(int position) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Rec o && position == o.position;
        }

        @Override
        public int hashCode() {
            return position;
        }
    }

    /** A reference type whose heap type is a defined type. */
    private record Ref(boolean nullable, Object type) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Ref o && nullable == o.nullable && Objects.equals(type, o.type);
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(nullable) * 31 + Objects.hashCode(type);
        }
    }

    private record Field(Object storage, boolean mutable) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Field o && Objects.equals(storage, o.storage) && mutable == o.mutable;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(storage) * 31 + Boolean.hashCode(mutable);
        }
    }

    private record Func(List<Object> params, List<Object> results) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Func o && Objects.equals(params, o.params) && Objects.equals(results, o.results);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(params) * 31 + Objects.hashCode(results);
        }
    }

    private record Struct(List<Field> fields) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Struct o && Objects.equals(fields, o.fields);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(fields);
        }
    }

    private record Array(Field element) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Array o && Objects.equals(element, o.element);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(element);
        }
    }

    private record Sub(boolean isFinal, List<Object> supertypes, Object composite) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Sub o && isFinal == o.isFinal && Objects.equals(supertypes, o.supertypes) && Objects.equals(composite, o.composite);
        }

        @Override
        public int hashCode() {
            return (Boolean.hashCode(isFinal) * 31 + Objects.hashCode(supertypes)) * 31 + Objects.hashCode(composite);
        }
    }

    private record Group(List<Sub> types) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Group o && Objects.equals(types, o.types);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(types);
        }
    }

    private record Position(Group group, int index) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Position o && Objects.equals(group, o.group) && index == o.index;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(group) * 31 + index;
        }
    }

    private CanonicalTypes() {
    }

    /** The identity of every type index of {@code module}. */
    public static Type[] of(WasmModule module) {
        Type[] out = new Type[module.types().size()];
        int start = 0;
        for (RecType rec : module.recTypes()) {
            List<SubType> types = rec.types();
            int end = start + types.size();
            List<Sub> subs = new ArrayList<>(types.size());
            for (SubType t : types) {
                subs.add(sub(t, out, start, end));
            }
            Group group = new Group(List.copyOf(subs));
            for (int i = 0; i < types.size(); i++) {
                out[start + i] = intern(new Position(group, i));
            }
            for (int i = 0; i < types.size(); i++) {
                List<Integer> supers = types.get(i).supertypes();
                Type[] resolved = new Type[supers.size()];
                for (int j = 0; j < resolved.length; j++) {
                    resolved[j] = out[supers.get(j)];
                }
                out[start + i].supertypes = resolved;
            }
            start = end;
        }
        return out;
    }

    /** The identity of a function type given without a module (a final type in a group of its own). */
    public static Type of(FuncType type) {
        Sub sub = sub(SubType.of(type), new Type[0], 0, 0);
        return intern(new Position(new Group(List.of(sub)), 0));
    }

    private static Type intern(Position key) {
        Type type = INTERN.get(key); // not computeIfAbsent(key, Type::new): a lambda class less at start-up
        if (type == null) {
            type = new Type(key);
            Type raced = INTERN.putIfAbsent(key, type);
            if (raced != null) {
                type = raced;
            }
        }
        return type;
    }

    private static Sub sub(SubType t, Type[] known, int start, int end) {
        List<Object> supers = new ArrayList<>();
        for (int s : t.supertypes()) {
            supers.add(ref(s, known, start, end));
        }
        return new Sub(t.isFinal(), List.copyOf(supers), composite(t.compositeType(), known, start, end));
    }

    private static Object composite(CompositeType c, Type[] known, int start, int end) {
        if (c instanceof FuncType) {
            FuncType f = (FuncType) c;
            return new Func(vals(f.params(), known, start, end), vals(f.results(), known, start, end));
        }
        if (c instanceof StructType) {
            List<Field> fields = new ArrayList<>();
            for (FieldType f : ((StructType) c).fields()) {
                fields.add(field(f, known, start, end));
            }
            return new Struct(List.copyOf(fields));
        }
        return new Array(field(((ArrayType) c).element(), known, start, end));
    }

    private static Field field(FieldType f, Type[] known, int start, int end) {
        return new Field(val(f.storageType(), known, start, end), f.mutable());
    }

    private static List<Object> vals(List<ValType> types, Type[] known, int start, int end) {
        List<Object> out = new ArrayList<>(types.size());
        for (ValType t : types) {
            out.add(val(t, known, start, end));
        }
        return List.copyOf(out);
    }

    private static Object val(ValType t, Type[] known, int start, int end) {
        return t.isConcreteReference() ? new Ref(t.isNullable(), ref(t.heapType(), known, start, end)) : t;
    }

    /** A type index as a key: a position in the group being built, or an earlier type's identity. */
    private static Object ref(int typeIdx, Type[] known, int start, int end) {
        if (typeIdx >= start && typeIdx < end) {
            return new Rec(typeIdx - start);
        }
        return typeIdx < known.length && known[typeIdx] != null ? known[typeIdx] : Integer.valueOf(typeIdx);
    }
}
