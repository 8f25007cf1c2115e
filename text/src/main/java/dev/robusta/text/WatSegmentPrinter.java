package dev.robusta.text;

import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.SegmentMode;
import dev.robusta.wasm.code.CodeReader;

import java.util.List;

/**
 * How {@link WatPrinter} spells constant expressions and element and data segments. A segment is written in
 * the form that selects its binary flags, so that the text encodes back to the same bytes.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#element-segments">Element segments</a>
 */
final class WatSegmentPrinter {
    private final StringBuilder sb;
    private final WatInstrPrinter instr;
    private final WatNamePrinter names;

    WatSegmentPrinter(StringBuilder sb, WatInstrPrinter instr, WatNamePrinter names) {
        this.sb = sb;
        this.instr = instr;
        this.names = names;
    }

    /** A constant expression as a sequence of folded plain instructions: {@code  (i32.const 1) (i32.const 2) (i32.add)}. */
    void constExpr(Expression e) {
        CodeReader r = new CodeReader(e, Features.ALL);
        while (r.hasNext()) {
            Opcode op = r.next();
            if (op == Opcode.END && !r.hasNext()) {
                break;
            }
            sb.append(" (");
            instr.append(sb, r, -1, 0);
            sb.append(')');
        }
    }

    /** The number of instructions of a constant expression, its final {@code end} excluded. */
    private static int instructionCount(Expression e) {
        CodeReader r = new CodeReader(e, Features.ALL);
        int n = 0;
        while (r.hasNext()) {
            if (r.next() == Opcode.END && !r.hasNext()) {
                break;
            }
            n++;
        }
        return n;
    }

    /** An active segment's offset: {@code (i32.const 0)}, or {@code (offset ...)} when it is longer. */
    private void offset(Expression e) {
        if (instructionCount(e) == 1) {
            constExpr(e);
        } else {
            sb.append(" (offset");
            constExpr(e);
            sb.append(')');
        }
    }

    /**
     * An element segment, in the form that selects its binary flags: {@code (table x)} only for flags 2 and
     * 6 (always then, even for table 0), {@code func} and function indices for flags 0..3, a reference type
     * and expressions for flags 4..7.
     */
    void elem(int idx, ElemSegment seg) {
        sb.append("\n  (elem").append(WatPrinter.indexComment(idx));
        int flags = seg.flags();
        if (seg.mode() == SegmentMode.PASSIVE) {
            // nothing: passive is the form without offset or declare
        } else if (seg.mode() == SegmentMode.DECLARATIVE) {
            sb.append(" declare");
        } else {
            if ((flags & 2) != 0) {
                sb.append(" (table ").append(Integer.toUnsignedString(seg.tableIdx())).append(')');
            }
            offset(seg.offset());
        }
        int[] funcs = seg.usesExpressions() ? null : funcIndices(seg.init());
        if (funcs != null) {
            sb.append(" func");
            for (int f : funcs) {
                sb.append(' ').append(names.funcRef(f));
            }
        } else {
            sb.append(' ').append(seg.type());
            for (Expression e : seg.init()) {
                if (instructionCount(e) == 1) {
                    constExpr(e);
                } else {
                    sb.append(" (item");
                    constExpr(e);
                    sb.append(')');
                }
            }
        }
        sb.append(')');
    }

    /** The function indices of initializers that are each {@code ref.func i}, or null. */
    private static int[] funcIndices(List<Expression> init) {
        int[] funcs = new int[init.size()];
        for (int i = 0; i < funcs.length; i++) {
            CodeReader r = new CodeReader(init.get(i), Features.ALL);
            if (!r.hasNext() || r.next() != Opcode.REF_FUNC) {
                return null;
            }
            funcs[i] = r.index();
            if (!r.hasNext() || r.next() != Opcode.END || r.hasNext()) {
                return null;
            }
        }
        return funcs;
    }

    /** A data segment: {@code (memory x)} only for flags 2 (always then, even for memory 0). */
    void data(int idx, DataSegment seg) {
        sb.append("\n  (data").append(WatPrinter.indexComment(idx));
        if (seg.mode() == SegmentMode.ACTIVE) {
            if (seg.flags() == 2) {
                sb.append(" (memory ").append(Integer.toUnsignedString(seg.memIdx())).append(')');
            }
            offset(seg.offset());
        }
        sb.append(' ');
        WatLiteralPrinter.appendString(sb, seg.init());
        sb.append(')');
    }
}
