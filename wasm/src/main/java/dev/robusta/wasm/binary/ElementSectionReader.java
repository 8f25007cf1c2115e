package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The element section, in its eight encodings. The flags are kept in the segment: bit 0 passive or
 * declarative, bit 1 an explicit table index (active) or declarative (non-active), bit 2 initializers as
 * expressions rather than function indices. Function indices become {@code ref.func i end} expressions.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#element-section">Element
 *      section</a>
 */
final class ElementSectionReader {
    private ElementSectionReader() {
    }

    static void read(DecoderContext c) {
        int n = c.in.vecLength(1);
        for (int i = 0; i < n; i++) {
            c.module.elements().add(segment(c));
        }
    }

    private static ElemSegment segment(DecoderContext c) {
        long at = c.in.offset();
        int flags = c.in.u32();
        if (Integer.compareUnsigned(flags, 7) > 0) {
            throw CompileException.malformed("malformed elements segment kind", at);
        }
        boolean active = (flags & 1) == 0;
        boolean expressions = (flags & 4) != 0;
        SegmentMode mode = active ? SegmentMode.ACTIVE : (flags & 2) != 0 ? SegmentMode.DECLARATIVE
                : SegmentMode.PASSIVE;
        int tableIdx = 0;
        Expression offset = null;
        if (active) {
            if ((flags & 2) != 0) {
                tableIdx = c.in.u32();
            }
            offset = ExpressionReader.read(c, false);
        }
        ValType type;
        if (expressions) {
            type = flags == 4 ? ValType.FUNCREF : TypeReader.refType(c);
        } else {
            if (flags != 0) {
                elemKind(c);
            }
            // 3.0 gives function-index segments the type (ref func); 2.0 knows only funcref.
            type = c.features.gc() ? ValType.ref(false, ValType.HT_FUNC) : ValType.FUNCREF;
        }
        int count = c.in.vecLength(1);
        List<Expression> init = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            init.add(expressions ? ExpressionReader.read(c, false) : refFunc(c.in.u32()));
        }
        return new ElemSegment(flags, mode, tableIdx, offset, type, init);
    }

    /** The element kind of the function-index encodings: only 0x00, functions. */
    private static void elemKind(DecoderContext c) {
        if (c.in.u8() != 0) {
            throw CompileException.malformed("malformed element kind", c.in.offset() - 1);
        }
    }

    /** {@code ref.func funcIdx end}. */
    static Expression refFunc(int funcIdx) {
        CodeWriter w = new CodeWriter();
        w.op(Opcode.REF_FUNC).u32(funcIdx);
        w.op(Opcode.END);
        return w.toExpression();
    }
}
