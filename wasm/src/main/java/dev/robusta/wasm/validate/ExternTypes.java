package dev.robusta.wasm.validate;

import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.TagType;
import dev.robusta.wasm.WasmModule;

/**
 * Validity of the types of tables, memories and tags: limits within the range of the address type, the
 * minimum not above the maximum, page sizes, and tag types without results.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/types.html">Types</a>
 */
final class ExternTypes {
    private ExternTypes() {
    }

    /** Tables of 32-bit index have at most 2^32-1 elements; 64-bit ones are bounded only by their u64. */
    static void checkTableType(WasmModule m, TableType tt) {
        ModuleContext.checkValType(m, tt.elemType());
        Limits l = tt.limits();
        if (!l.is64()) {
            long range = 0xFFFF_FFFFL;
            if (Long.compareUnsigned(l.min(), range) > 0 || (l.hasMax() && Long.compareUnsigned(l.max(), range) > 0)) {
                throw new Invalid("table size must be at most 2^32-1");
            }
        }
        checkMinMax(l);
    }

    /**
     * Memories hold at most 2^32 bytes (32-bit) or 2^64 bytes (64-bit), counted in pages of
     * 2^{@code pageSizeLog2} bytes: 65536 or 2^48 pages of 64 KiB, and at most 2^32-1 pages of 1 byte
     * (custom page sizes) in a 32-bit memory.
     */
    static void checkMemoryType(MemoryType mt, Features f) {
        int p = mt.pageSizeLog2();
        if (p != MemoryType.DEFAULT_PAGE_SIZE_LOG2 && !(f.customPageSizes() && p == 0)) {
            throw new Invalid("invalid custom page size");
        }
        Limits l = mt.limits();
        int addressBits = l.is64() ? 64 : 32;
        int bits = addressBits - p;
        // The largest page count: 2^bits, but never more than the address type's largest value (2^32-1
        // pages of 1 byte; for 64-bit memories of 1-byte pages every u64 is allowed).
        boolean bounded = bits < 64;
        long range = bits == addressBits ? (bounded ? (1L << bits) - 1 : -1L) : 1L << bits;
        if (bounded && (Long.compareUnsigned(l.min(), range) > 0
                || (l.hasMax() && Long.compareUnsigned(l.max(), range) > 0))) {
            String pages = bits == 16 ? "65536 pages (4GiB)" : "2^" + bits + " pages";
            throw new Invalid("memory size must be at most " + pages);
        }
        checkMinMax(l);
        if (l.shared() && !l.hasMax()) {
            throw new Invalid("shared memory must have maximum");
        }
    }

    private static void checkMinMax(Limits l) {
        if (l.hasMax() && Long.compareUnsigned(l.min(), l.max()) > 0) {
            throw new Invalid("size minimum must not be greater than maximum");
        }
    }

    /** A tag's type is a function type with no results. */
    static void checkTagType(WasmModule m, TagType t) {
        FuncType ft = ModuleContext.funcTypeAt(m, t.typeIdx());
        if (!ft.results().isEmpty()) {
            throw new Invalid("non-empty tag result type");
        }
    }
}
