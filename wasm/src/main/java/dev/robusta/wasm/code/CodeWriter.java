package dev.robusta.wasm.code;

import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.binary.ByteWriter;

/**
 * Writes instructions in binary form: the opcode, then its immediates through the {@link ByteWriter}
 * methods or the helpers here. The order of immediates is the binary format's (see
 * {@link dev.robusta.wasm.ImmKind}).
 *
 * <pre>{@code
 * CodeWriter w = new CodeWriter();
 * w.op(Opcode.LOCAL_GET).u32(0);
 * w.op(Opcode.I32_CONST).s32(1);
 * w.op(Opcode.I32_ADD);
 * w.op(Opcode.END);
 * Expression e = w.toExpression();
 * }</pre>
 */
public final class CodeWriter extends ByteWriter {

    /** Writes an opcode: one byte, or a prefix byte and a u32. */
    public CodeWriter op(Opcode op) {
        if (op.prefix() != 0) {
            u8(op.prefix());
            u32(op.code());
        } else {
            u8(op.code());
        }
        return this;
    }

    /** An empty block type (0x40). */
    public CodeWriter blockTypeEmpty() {
        u8(0x40);
        return this;
    }

    /** A block type of one result. */
    public CodeWriter blockType(ValType result) {
        valType(result);
        return this;
    }

    /** A block type given by a type index (s33). */
    public CodeWriter blockTypeIndex(int typeIdx) {
        s64(typeIdx);
        return this;
    }

    /**
     * A memory argument; the memory index is written only when it is not 0 (flag bit 6), as the
     * multi-memory proposal encodes it.
     *
     * @param align  alignment exponent
     * @param memIdx memory index
     * @param offset u64 offset
     */
    public CodeWriter memarg(int align, int memIdx, long offset) {
        if (memIdx != 0) {
            u32(align | 0x40);
            u32(memIdx);
        } else {
            u32(align);
        }
        u64(offset);
        return this;
    }

    /** The bytes written, as an expression not read from a binary. */
    public Expression toExpression() {
        return Expression.of(toByteArray());
    }
}
