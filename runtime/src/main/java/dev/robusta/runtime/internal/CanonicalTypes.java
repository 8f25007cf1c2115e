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

    /** A reference to a type of the same group, by position. */
    private record Rec(int position) {
    }

    /** A reference type whose heap type is a defined type. */
    private record Ref(boolean nullable, Object type) {
    }

    private record Field(Object storage, boolean mutable) {
    }

    private record Func(List<Object> params, List<Object> results) {
    }

    private record Struct(List<Field> fields) {
    }

    private record Array(Field element) {
    }

    private record Sub(boolean isFinal, List<Object> supertypes, Object composite) {
    }

    private record Group(List<Sub> types) {
    }

    private record Position(Group group, int index) {
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
        return INTERN.computeIfAbsent(key, Type::new);
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
