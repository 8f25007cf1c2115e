package dev.robusta.wasm.validate;

import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeWriter;

/** Test helper: a chainable instruction writer over {@link CodeWriter}. */
final class Asm {
    private final CodeWriter w = new CodeWriter();

    static Asm code() {
        return new Asm();
    }

    /** Writes each opcode, with no immediates. */
    Asm op(Opcode... ops) {
        for (Opcode op : ops) {
            w.op(op);
        }
        return this;
    }

    Asm u8(int b) {
        w.u8(b);
        return this;
    }

    Asm u32(int v) {
        w.u32(v);
        return this;
    }

    /** An instruction with one u32 index immediate. */
    Asm op(Opcode op, int index) {
        w.op(op);
        w.u32(index);
        return this;
    }

    /** An instruction with two u32 index immediates. */
    Asm op(Opcode op, int index, int index2) {
        w.op(op);
        w.u32(index);
        w.u32(index2);
        return this;
    }

    Asm i32(int v) {
        w.op(Opcode.I32_CONST);
        w.s32(v);
        return this;
    }

    Asm i64(long v) {
        w.op(Opcode.I64_CONST);
        w.s64(v);
        return this;
    }

    Asm f32(float v) {
        w.op(Opcode.F32_CONST);
        w.fixed32(Float.floatToRawIntBits(v));
        return this;
    }

    Asm f64(double v) {
        w.op(Opcode.F64_CONST);
        w.fixed64(Double.doubleToRawLongBits(v));
        return this;
    }

    Asm v128() {
        w.op(Opcode.V128_CONST);
        w.fixed64(0);
        w.fixed64(0);
        return this;
    }

    /** A block, loop or if with an empty block type. */
    Asm block(Opcode op) {
        w.op(op);
        w.blockTypeEmpty();
        return this;
    }

    /** A block, loop or if with one result. */
    Asm block(Opcode op, ValType result) {
        w.op(op);
        w.blockType(result);
        return this;
    }

    /** A block, loop or if typed by a type index. */
    Asm blockIdx(Opcode op, int typeIdx) {
        w.op(op);
        w.blockTypeIndex(typeIdx);
        return this;
    }

    /** A memory instruction with alignment exponent and offset (memory 0). */
    Asm mem(Opcode op, int align, long offset) {
        w.op(op);
        w.memarg(align, 0, offset);
        return this;
    }

    /** A memory instruction on memory {@code memIdx}. */
    Asm mem(Opcode op, int align, int memIdx, long offset) {
        w.op(op);
        w.memarg(align, memIdx, offset);
        return this;
    }

    Asm brTable(int defaultLabel, int... labels) {
        w.op(Opcode.BR_TABLE);
        w.u32(labels.length);
        for (int l : labels) {
            w.u32(l);
        }
        w.u32(defaultLabel);
        return this;
    }

    Asm selectT(ValType... types) {
        w.op(Opcode.SELECT_T);
        w.u32(types.length);
        for (ValType t : types) {
            w.valType(t);
        }
        return this;
    }

    Asm refNull(int heapType) {
        w.op(Opcode.REF_NULL);
        w.heapType(heapType);
        return this;
    }

    Asm end() {
        w.op(Opcode.END);
        return this;
    }

    byte[] bytes() {
        return w.toByteArray();
    }

    /** The code as an expression not read from a binary. */
    Expression expr() {
        return w.toExpression();
    }

    /** The code as an expression that starts at {@code offset} in a module binary. */
    Expression exprAt(long offset) {
        return new Expression(w.toByteArray(), offset);
    }
}
