package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.ValType;

/**
 * Reads the types that sections share: value and reference types (checked against the features), limits,
 * table, memory, global and tag types.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/types.html">Binary types</a>
 */
final class TypeReader {
    private TypeReader() {
    }

    /** A value type allowed by the features. */
    static ValType valType(DecoderContext c) {
        long at = c.in.offset();
        return checkRef(c.in.valType(), c.features, at, "malformed value type");
    }

    /** A reference type allowed by the features. */
    static ValType refType(DecoderContext c) {
        long at = c.in.offset();
        return checkRef(c.in.refType(), c.features, at, "malformed reference type");
    }

    /** A storage type (value type or packed type) allowed by the features. */
    static ValType storageType(DecoderContext c) {
        long at = c.in.offset();
        return checkRef(c.in.storageType(), c.features, at, "malformed storage type");
    }

    /**
     * Without the GC feature only {@code funcref} and {@code externref} (and {@code exnref} with exception
     * handling) exist: {@code (ref null? ht)} and the other abstract heap types are not types of the format.
     */
    private static ValType checkRef(ValType t, Features features, long at, String message) {
        if (!t.isReference() || features.gc()) {
            return t;
        }
        if (t.equals(ValType.FUNCREF) || t.equals(ValType.EXTERNREF)
                || (features.exceptions() && t.equals(ValType.EXNREF))) {
            return t;
        }
        throw CompileException.malformed(message, at);
    }

    /** A mutability byte: 0 constant, 1 variable. */
    static boolean mutability(DecoderContext c) {
        int b = c.in.u8();
        if (b > 1) {
            throw CompileException.malformed("malformed mutability", c.in.offset() - 1);
        }
        return b == 1;
    }

    static GlobalType globalType(DecoderContext c) {
        ValType t = valType(c);
        return new GlobalType(t, mutability(c));
    }

    static TableType tableType(DecoderContext c) {
        ValType t = refType(c);
        Limits limits = limits(c, false).limits;
        return new TableType(t, limits);
    }

    static MemoryType memoryType(DecoderContext c) {
        LimitsAndPageSize l = limits(c, true);
        return new MemoryType(l.limits, l.pageSizeLog2);
    }

    /** A tag type: a zero attribute byte and a type index. */
    static TagType tagType(DecoderContext c) {
        if (c.in.u8() != 0) {
            throw CompileException.malformed("zero byte expected", c.in.offset() - 1);
        }
        return new TagType(c.in.u32());
    }

    private record LimitsAndPageSize(Limits limits, int pageSizeLog2) {
    }

    /**
     * Limits. In WebAssembly 2.0 the flag is a one-bit LEB128 (so a flag of 2 is "integer too large"); with
     * memory64, threads or custom page sizes it is a byte of flags: bit 0 a maximum follows, bit 1 shared
     * (memories, threads), bit 2 64-bit (memory64), bit 3 a page size follows (memories, custom page sizes).
     * With memory64 the bounds are read as u64 even for 32-bit limits (the validator checks the range).
     */
    private static LimitsAndPageSize limits(DecoderContext c, boolean memory) {
        Features f = c.features;
        ByteReader in = c.in;
        int flags;
        if (!f.memory64() && !f.threads() && !f.customPageSizes()) {
            flags = in.u8();
            if ((flags & 0x7F) > 1) {
                throw CompileException.malformed("integer too large", in.offset() - 1);
            }
            if ((flags & 0x80) != 0) {
                throw in.malformed("integer representation too long");
            }
        } else {
            flags = in.u8();
            int allowed = 1 | (f.memory64() ? 4 : 0) | (memory && f.threads() ? 2 : 0)
                    | (memory && f.customPageSizes() ? 8 : 0);
            if ((flags & ~allowed) != 0) {
                throw CompileException.malformed("malformed limits flags", in.offset() - 1);
            }
        }
        boolean hasMax = (flags & 1) != 0;
        boolean shared = (flags & 2) != 0;
        boolean is64 = (flags & 4) != 0;
        long min = f.memory64() ? in.u64() : Integer.toUnsignedLong(in.u32());
        long max = hasMax ? (f.memory64() ? in.u64() : Integer.toUnsignedLong(in.u32())) : 0;
        int pageSizeLog2 = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        if ((flags & 8) != 0) {
            long at = in.offset();
            int p = in.u32();
            if (Integer.compareUnsigned(p, 64) >= 0) {
                throw CompileException.malformed("invalid custom page size", at);
            }
            pageSizeLog2 = p;
        }
        return new LimitsAndPageSize(new Limits(min, max, hasMax, is64, shared), pageSizeLog2);
    }
}
