package dev.robusta.runtime.internal.interpreter;

/**
 * The instructions of the lowered code ({@link LoweredFunction#code}): an {@code int} opcode followed by its
 * {@code int} immediates. Where a WebAssembly instruction maps one to one, its opcode is the WebAssembly
 * opcode byte (loads, stores, numeric instructions, {@code ref.*}); the other codes use the unassigned
 * bytes. "slot" immediates are offsets from the frame pointer; "target" immediates are indices into the
 * code array.
 *
 * <p>Stack conventions: one {@code long} slot per value (i32 and f32 sign-extended, v128 two slots, low
 * half first) and, in a parallel {@code Object[]}, the value of a reference slot.
 */
final class Op {
    private Op() {
    }

    // ---- control ----
    /** Traps with "unreachable". */
    static final int UNREACHABLE = 0x00;
    /** target: pops an i32, jumps when it is zero. */
    static final int BR_UNLESS = 0x02;
    /** target, weight: jumps back to a loop, charging the budget. */
    static final int BR_BACK = 0x03;
    /** target, weight: pops an i32, jumps back to a loop when it is not zero. */
    static final int BR_IF_BACK = 0x04;
    /** height, n: moves the top n slots to fp + height and sets the stack there (a branch's unwinding). */
    static final int DROP_KEEP = 0x05;
    /** height, n: as {@link #DROP_KEEP}, moving references too. */
    static final int DROP_KEEP_REF = 0x06;
    /** Drops a v128. */
    static final int DROP2 = 0x07;
    /** Selects between two v128 values. */
    static final int SELECT_V128 = 0x08;
    /** Selects between two references. */
    static final int SELECT_REF = 0x09;
    /** target: jumps. */
    static final int BR = 0x0C;
    /** target: pops an i32, jumps when it is not zero. */
    static final int BR_IF = 0x0D;
    /** n, target * n: pops an i32 index, jumps to entry min(index, n - 1) (the last entry is the default). */
    static final int BR_TABLE = 0x0E;
    /** Returns the function's results. */
    static final int RETURN = 0x0F;
    /** funcIdx. */
    static final int CALL = 0x10;
    /** typeIdx, tableIdx. */
    static final int CALL_INDIRECT = 0x11;

    // ---- variables ----
    static final int LOCAL_GET_REF = 0x12;
    static final int LOCAL_SET_REF = 0x13;
    static final int LOCAL_TEE_REF = 0x14;
    static final int LOCAL_GET_V128 = 0x15;
    static final int LOCAL_SET_V128 = 0x16;
    static final int LOCAL_TEE_V128 = 0x17;
    static final int GLOBAL_GET_REF = 0x18;
    static final int GLOBAL_SET_REF = 0x19;
    /** Drops a one-slot value. */
    static final int DROP = 0x1A;
    /** Selects between two one-slot numbers. */
    static final int SELECT = 0x1B;
    static final int GLOBAL_GET_V128 = 0x1C;
    static final int GLOBAL_SET_V128 = 0x1D;
    /** target: jumps when the reference on top is not null (keeping it), else drops it ({@code br_on_null}). */
    static final int BR_IF_NOT_NULL = 0x1E;
    /** target: drops the reference on top and jumps when it is null ({@code br_on_non_null}). */
    static final int BR_IF_NULL = 0x1F;
    /** slot. */
    static final int LOCAL_GET = 0x20;
    static final int LOCAL_SET = 0x21;
    static final int LOCAL_TEE = 0x22;
    /** globalIdx. */
    static final int GLOBAL_GET = 0x23;
    static final int GLOBAL_SET = 0x24;
    /** tableIdx. */
    static final int TABLE_GET = 0x25;
    static final int TABLE_SET = 0x26;
    /** code, memIdx, offset: a load or store (0x28..0x3E) on a 32-bit memory other than memory 0. */
    static final int MEM_OTHER = 0x27;
    /** code, memIdx, offset low, offset high: a load or store on a 64-bit memory. */
    static final int MEM64 = 0xD6;

    // ---- memory: 0x28..0x3E are the loads and stores, immediate: offset (u32) ----
    static final int I32_LOAD = 0x28;
    static final int I64_LOAD = 0x29;
    static final int F32_LOAD = 0x2A;
    static final int F64_LOAD = 0x2B;
    static final int I32_LOAD8_S = 0x2C;
    static final int I32_LOAD8_U = 0x2D;
    static final int I32_LOAD16_S = 0x2E;
    static final int I32_LOAD16_U = 0x2F;
    static final int I64_LOAD8_S = 0x30;
    static final int I64_LOAD8_U = 0x31;
    static final int I64_LOAD16_S = 0x32;
    static final int I64_LOAD16_U = 0x33;
    static final int I64_LOAD32_S = 0x34;
    static final int I64_LOAD32_U = 0x35;
    static final int I32_STORE = 0x36;
    static final int I64_STORE = 0x37;
    static final int F32_STORE = 0x38;
    static final int F64_STORE = 0x39;
    static final int I32_STORE8 = 0x3A;
    static final int I32_STORE16 = 0x3B;
    static final int I64_STORE8 = 0x3C;
    static final int I64_STORE16 = 0x3D;
    static final int I64_STORE32 = 0x3E;
    /** memIdx. */
    static final int MEMORY_SIZE = 0x3F;
    /** memIdx. */
    static final int MEMORY_GROW = 0x40;
    /** value: pushes a 32-bit constant (i32 or f32 bits), sign-extended. */
    static final int CONST32 = 0x41;
    /** low, high: pushes a 64-bit constant (i64 or f64 bits). */
    static final int CONST64 = 0x42;

    // ---- 0x45..0xC4: the numeric instructions, by their WebAssembly opcode ----
    /** 0xC5 + n: the saturating truncation 0xFC n (n = 0..7). */
    static final int TRUNC_SAT_BASE = 0xC5;
    /** 0x104 + n: the wide-arithmetic instruction 0xFC 0x13 + n (n = 0..3). */
    static final int WIDE_BASE = 0x104;

    // ---- references ----
    static final int REF_NULL = 0xD0;
    static final int REF_IS_NULL = 0xD1;
    /** funcIdx. */
    static final int REF_FUNC = 0xD2;
    /** Traps with "null reference" when the reference on top is null. */
    static final int REF_AS_NON_NULL = 0xD4;

    // ---- bulk memory and tables ----
    /** dataIdx, memIdx. */
    static final int MEMORY_INIT = 0xD8;
    /** dataIdx. */
    static final int DATA_DROP = 0xD9;
    /** dstMem, srcMem. */
    static final int MEMORY_COPY = 0xDA;
    /** memIdx. */
    static final int MEMORY_FILL = 0xDB;
    /** elemIdx, tableIdx. */
    static final int TABLE_INIT = 0xDC;
    /** elemIdx. */
    static final int ELEM_DROP = 0xDD;
    /** dstTable, srcTable. */
    static final int TABLE_COPY = 0xDE;
    /** tableIdx. */
    static final int TABLE_GROW = 0xDF;
    static final int TABLE_SIZE = 0xE0;
    static final int TABLE_FILL = 0xE1;

    // ---- tail calls and typed function references ----
    /** funcIdx; always followed by {@link #RETURN} (used after a host callee). */
    static final int RETURN_CALL = 0xE2;
    /** typeIdx, tableIdx; followed by {@link #RETURN}. */
    static final int RETURN_CALL_INDIRECT = 0xE3;
    /** typeIdx: calls the function reference on top ("null function reference" when null). */
    static final int CALL_REF = 0xE4;
    /** typeIdx; followed by {@link #RETURN}. */
    static final int RETURN_CALL_REF = 0xE5;

    // ---- exception handling ----
    /** tagIdx: throws an exception with the tag's values from the stack. */
    static final int THROW = 0xFF;
    /** Rethrows the exception reference on top ("null exception reference" when null). */
    static final int THROW_REF = 0x100;

    // ---- SIMD ----
    /** four ints, low to high. */
    static final int V128_CONST = 0xE8;
    /** code: a 0xFD instruction without immediates, run by the SIMD lane semantics. */
    static final int SIMD = 0xE9;
    /** code, imm0 low, imm0 high, imm1 low, imm1 high: a 0xFD instruction with lane or shuffle immediates. */
    static final int SIMD_IMM = 0xEA;
    /** code, offset, lane, memIdx: a 0xFD load or store. */
    static final int SIMD_MEM = 0xEB;

    // ---- superinstructions, made by the lowerer's peephole fusion ----
    /** slot, c: pushes local + c (i32): {@code local.get; i32.const; i32.add} (or sub with -c). */
    static final int I32_ADD_LC = 0xEC;
    /** slotA, slotB: pushes localA + localB (i32). */
    static final int I32_ADD_LL = 0xED;
    /** slotA, slotB: pushes localA - localB (i32). */
    static final int I32_SUB_LL = 0xEE;
    /** dst, slot, c: local[dst] = local[slot] + c (i32): {@code local.get; i32.const; i32.add; local.set}. */
    static final int I32_SET_ADD_LC = 0xEF;
    /** slot, offset: pushes i32.load of the address in a local. */
    static final int I32_LOAD_L = 0xFC;
    /** c: adds c to the i32 on top: {@code i32.const; i32.add} (or sub with -c). */
    static final int I32_ADD_C = 0xFD;
    /** slotA, slotB: pushes localA + localB (f64). */
    static final int F64_ADD_LL = 0xE6;
    /** slotA, slotB: pushes localA - localB (f64). */
    static final int F64_SUB_LL = 0xE7;
    /** slotA, slotB: pushes localA * localB (f64). */
    static final int F64_MUL_LL = 0xFE;
    /** cmp, slot, c, target, weight: branches when {@code local cmp c} (an i32 comparison 0x46..0x4F). */
    static final int BR_CMP_LC = 0xCD;
    /** cmp, slotA, slotB, target, weight: branches when {@code localA cmp localB}. */
    static final int BR_CMP_LL = 0xCE;
    /** slot: top = top + local (f64). */
    static final int F64_ADD_L = 0xCF;
    /** slot: top = top - local (f64). */
    static final int F64_SUB_L = 0xD3;
    /** slot: top = top * local (f64). */
    static final int F64_MUL_L = 0xD5;
    /** c: top = top * c (i32). */
    static final int I32_MUL_C = 0xD7;
    /** c: top = top &amp; c (i32). */
    static final int I32_AND_C = 0x01;
    /** c: top = top &lt;&lt; c (i32). */
    static final int I32_SHL_C = 0x0A;
    /** c: top = top &gt;&gt;&gt; c (i32). */
    static final int I32_SHR_U_C = 0x0B;
    /** slot: top = top + local (i32). */
    static final int I32_ADD_L = 0x43;
    /** src, dst: local[dst] = local[src] ({@code local.get; local.set} of one-slot values). */
    static final int LOCAL_COPY = 0x44;
    /** dst, slotA, slotB: local[dst] = localA + localB (i32). */
    static final int I32_SET_ADD_LL = 0x101;
    /** slot, offset: pushes i32.load8_u of the address in a local. */
    static final int I32_LOAD8_U_L = 0x102;
    /** slotA, slotB: pushes localA * localB (i32). */
    static final int I32_MUL_LL = 0x103;
    /** slotA, slotB: top = top + localA * localB (f64, the product rounded first): {@code f64.mul} LL; {@code f64.add}. */
    static final int F64_ADD_MUL_LL = 0x108;
    /** slotA, slotB: top = top - localA * localB (f64, the product rounded first). */
    static final int F64_SUB_MUL_LL = 0x109;
    /** dst, slot: local[dst] = pop + local (f64): {@code local.get; f64.add; local.set}. */
    static final int F64_SET_ADD_L = 0x10A;
    /** low, high, slot: pushes c * local (f64): {@code f64.const; local.get; f64.mul}. */
    static final int F64_MUL_CL = 0x10B;
    /** low, high, target, weight: pops an f64, branches when it is greater than c: {@code f64.const; f64.gt; br_if}. */
    static final int BR_F64_GT_C = 0x10C;
    /** slotA, slotB, slotC, slotD: pushes localA * localB + localC * localD (f64, each product rounded first). */
    static final int F64_ADD_PRODUCTS = 0x10D;
    /** slotA, slotB, slotC, slotD: pushes localA * localB - localC * localD (f64, each product rounded first). */
    static final int F64_SUB_PRODUCTS = 0x10E;

    /**
     * 0xF0..0xFB: compare and branch, immediates target, weight (0 for a forward branch, else the loop's
     * budget charge). The unary ones pop one i32, the binary ones two.
     */
    static final int BR_EQZ = 0xF0, BR_NEZ = 0xF1, BR_EQ = 0xF2, BR_NE = 0xF3, BR_LT_S = 0xF4, BR_LT_U = 0xF5,
            BR_GT_S = 0xF6, BR_GT_U = 0xF7, BR_LE_S = 0xF8, BR_LE_U = 0xF9, BR_GE_S = 0xFA, BR_GE_U = 0xFB;

    /** The compare-and-branch op for i32 comparison {@code cmp} (0x45..0x4F), or -1. */
    static int branchOn(int cmp) {
        return cmp == 0x45 ? BR_EQZ : cmp >= 0x46 && cmp <= 0x4F ? BR_EQ + (cmp - 0x46) : -1;
    }

    /** The i32 comparison that is true exactly when {@code cmp} (0x46..0x4F) is false. */
    static int negate(int cmp) {
        switch (cmp) {
            case 0x46: return 0x47;
            case 0x47: return 0x46;
            case 0x48: return 0x4E;
            case 0x49: return 0x4F;
            case 0x4A: return 0x4C;
            case 0x4B: return 0x4D;
            case 0x4C: return 0x4A;
            case 0x4D: return 0x4B;
            case 0x4E: return 0x48;
            case 0x4F: return 0x49;
            default: throw new AssertionError(cmp);
        }
    }

    /** i32 comparison {@code cmp} (0x46..0x4F) of a and b. */
    static boolean compare(int cmp, int a, int b) {
        switch (cmp) {
            case 0x46: return a == b;
            case 0x47: return a != b;
            case 0x48: return a < b;
            case 0x49: return Integer.compareUnsigned(a, b) < 0;
            case 0x4A: return a > b;
            case 0x4B: return Integer.compareUnsigned(a, b) > 0;
            case 0x4C: return a <= b;
            case 0x4D: return Integer.compareUnsigned(a, b) <= 0;
            case 0x4E: return a >= b;
            default: return Integer.compareUnsigned(a, b) >= 0;
        }
    }

    /** The compare-and-branch op taken when comparison {@code cmp} is false, or -1. */
    static int branchUnless(int cmp) {
        switch (cmp) {
            case 0x45: return BR_NEZ;
            case 0x46: return BR_NE;
            case 0x47: return BR_EQ;
            case 0x48: return BR_GE_S;
            case 0x49: return BR_GE_U;
            case 0x4A: return BR_LE_S;
            case 0x4B: return BR_LE_U;
            case 0x4C: return BR_GT_S;
            case 0x4D: return BR_GT_U;
            case 0x4E: return BR_LT_S;
            case 0x4F: return BR_LT_U;
            default: return -1;
        }
    }
}
