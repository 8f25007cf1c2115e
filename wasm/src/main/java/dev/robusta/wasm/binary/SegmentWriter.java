package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Opcode;

/**
 * Writes element and data segments in the encoding their {@code flags} name.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#element-section">Element section</a>
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#data-section">Data section</a>
 */
final class SegmentWriter {
    private SegmentWriter() {
    }

    /**
     * An element segment.
     *
     * @throws IllegalArgumentException when the flags are not 0..7, or ask for function indices and an
     *                                  initializer is not {@code ref.func i end}
     */
    static void elem(ByteWriter w, ElemSegment e) {
        int flags = e.flags();
        if (flags < 0 || flags > 7) {
            throw new IllegalArgumentException("element segment flags " + flags);
        }
        w.u32(flags);
        if ((flags & 1) == 0) {
            if ((flags & 2) != 0) {
                w.u32(e.tableIdx());
            }
            expression(w, e.offset());
        }
        if (e.usesExpressions()) {
            if (flags != 4) {
                w.valType(e.type());
            }
            w.u32(e.init().size());
            for (Expression init : e.init()) {
                expression(w, init);
            }
        } else {
            if (flags != 0) {
                w.u8(0); // element kind: functions
            }
            w.u32(e.init().size());
            for (Expression init : e.init()) {
                w.u32(refFuncIndex(init, flags));
            }
        }
    }

    /** The index of a {@code ref.func i end} initializer. */
    private static int refFuncIndex(Expression init, int flags) {
        byte[] code = init.code();
        String problem = "element segment with flags " + flags + " needs ref.func initializers";
        if (code.length < 3 || (code[0] & 0xFF) != Opcode.REF_FUNC.code()
                || (code[code.length - 1] & 0xFF) != Opcode.END.code()) {
            throw new IllegalArgumentException(problem);
        }
        ByteReader r = new ByteReader(code, 1, code.length - 1, 0);
        try {
            int funcIdx = r.u32();
            if (r.hasRemaining()) {
                throw new IllegalArgumentException(problem);
            }
            return funcIdx;
        } catch (CompileException e) {
            throw new IllegalArgumentException(problem, e);
        }
    }

    /** A data segment. */
    static void data(ByteWriter w, DataSegment d) {
        switch (d.flags()) {
            case 0:
                w.u32(0);
                expression(w, d.offset());
                break;
            case 1:
                w.u32(1);
                break;
            case 2:
                w.u32(2).u32(d.memIdx());
                expression(w, d.offset());
                break;
            default:
                throw new IllegalArgumentException("data segment flags " + d.flags());
        }
        w.byteVec(d.init());
    }

    static void expression(ByteWriter w, Expression e) {
        w.bytes(e.code());
    }
}
