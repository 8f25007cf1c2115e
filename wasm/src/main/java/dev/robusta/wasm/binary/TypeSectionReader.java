package dev.robusta.wasm.binary;

import dev.robusta.wasm.ArrayType;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.FieldType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.RecType;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.SubType;
import dev.robusta.wasm.ValType;

import java.util.ArrayList;
import java.util.List;

/**
 * The type section: function types (2.0), and with GC recursion groups, subtypes, struct and array types.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#type-section">Type section</a>
 * @see <a href="https://webassembly.github.io/spec/core/binary/types.html#recursive-types">Recursive types</a>
 */
final class TypeSectionReader {
    private static final int REC = 0x4E, SUB = 0x50, SUB_FINAL = 0x4F, FUNC = 0x60, STRUCT = 0x5F, ARRAY = 0x5E;

    private TypeSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            c.module.addRecType(recType(c));
        }
    }

    private static RecType recType(DecoderContext c) {
        if (c.features.gc() && c.in.peek() == REC) {
            c.in.u8();
            int n = c.in.vecLength(1);
            List<SubType> types = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                types.add(subType(c));
            }
            return new RecType(types);
        }
        return new RecType(List.of(subType(c)));
    }

    private static SubType subType(DecoderContext c) {
        int b = c.in.peek();
        if (c.features.gc() && (b == SUB || b == SUB_FINAL)) {
            c.in.u8();
            int n = c.in.vecLength(1);
            List<Integer> supertypes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                supertypes.add(c.in.u32());
            }
            return new SubType(b == SUB_FINAL, supertypes, compositeType(c));
        }
        return new SubType(true, List.of(), compositeType(c));
    }

    private static CompositeType compositeType(DecoderContext c) {
        long at = c.in.offset();
        int b = c.in.u8();
        if ((b & 0x80) != 0) { // the constructor is an s7: one byte
            throw c.in.malformed("integer representation too long");
        }
        if (b == FUNC) {
            return new FuncType(resultType(c), resultType(c));
        }
        if (c.features.gc()) {
            if (b == STRUCT) {
                int n = c.in.vecLength(1);
                List<FieldType> fields = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    fields.add(fieldType(c));
                }
                return new StructType(fields);
            }
            if (b == ARRAY) {
                return new ArrayType(fieldType(c));
            }
            throw CompileException.malformed("malformed definition type", at);
        }
        throw CompileException.malformed("malformed function type", at);
    }

    private static List<ValType> resultType(DecoderContext c) {
        int n = c.in.vecLength(1);
        List<ValType> types = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            types.add(TypeReader.valType(c));
        }
        return types;
    }

    private static FieldType fieldType(DecoderContext c) {
        ValType t = TypeReader.storageType(c);
        return new FieldType(t, TypeReader.mutability(c));
    }
}
