package dev.robusta.text;

import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.code.CodeReader;

/**
 * Prints a function body in the flat (linear) form, one instruction a line, block contents indented, each
 * block's label numbered in a comment ({@code block  ;; label = @1}) as wabt's {@code wasm2wat} does.
 */
final class WatFlatPrinter {
    private WatFlatPrinter() {
    }

    /**
     * Appends the instructions of {@code body} (without its final {@code end}), each on a new line.
     *
     * @param indent the indentation of the outermost instructions, in spaces
     */
    static void body(StringBuilder sb, WatInstrPrinter instr, Expression body, int funcIdx, int indent) {
        CodeReader r = new CodeReader(body, Features.ALL);
        int depth = 0;
        while (r.hasNext()) {
            Opcode op = r.next();
            switch (op) {
                case END:
                    if (depth == 0 && !r.hasNext()) {
                        return;
                    }
                    depth = Math.max(0, depth - 1);
                    line(sb, indent, depth).append("end");
                    break;
                case ELSE:
                case CATCH:
                case CATCH_ALL:
                    line(sb, indent, depth - 1);
                    instr.append(sb, r, funcIdx, depth);
                    break;
                case DELEGATE:
                    depth = Math.max(0, depth - 1);
                    line(sb, indent, depth);
                    instr.append(sb, r, funcIdx, depth);
                    break;
                case BLOCK:
                case LOOP:
                case IF:
                case TRY:
                case TRY_TABLE:
                    line(sb, indent, depth);
                    instr.append(sb, r, funcIdx, depth);
                    depth++;
                    sb.append("  ;; label = @").append(depth);
                    break;
                default:
                    line(sb, indent, depth);
                    instr.append(sb, r, funcIdx, depth);
                    break;
            }
        }
    }

    /** Starts a line for an instruction inside {@code depth} blocks. */
    private static StringBuilder line(StringBuilder sb, int indent, int depth) {
        sb.append('\n');
        int n = indent + 2 * Math.min(Math.max(depth, 0), WatPrinter.MAX_INDENT_DEPTH);
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
        return sb;
    }
}
