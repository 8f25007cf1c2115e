package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.code.CodeReader;

import java.util.Arrays;

/**
 * Reads an expression (a function body or a constant expression): every instruction is decoded, so any
 * malformed instruction is reported here, and the block structure is followed so that the expression ends
 * at the {@code end} that closes it. An {@code else}, {@code catch}, {@code catch_all} or {@code delegate}
 * where none can be is "END opcode expected", as in the reference interpreter. Nesting is tracked in an
 * array, without recursion, so deep nesting costs no Java stack.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/instructions.html#control-instructions">Control
 *      instructions</a>
 */
final class ExpressionReader {
    private static final byte EXPR = 0, BLOCK = 1, IF = 2, ELSE = 3, TRY = 4, TRY_CATCH = 5, TRY_CATCH_ALL = 6;

    private ExpressionReader() {
    }

    /**
     * Reads an expression from the current position up to and including its final {@code end}.
     *
     * @param body whether it is a function body (whose use of data segment indices is recorded)
     */
    static Expression read(DecoderContext c, boolean body) {
        ByteReader in = c.in;
        int start = in.position();
        CodeReader r = new CodeReader(in.buffer(), start, in.limit(), 0, c.features);
        byte[] frames = new byte[16];
        int depth = 1;
        frames[0] = EXPR;
        while (depth > 0) {
            Opcode op = r.next();
            switch (op) {
                case BLOCK: case LOOP: case TRY_TABLE:
                    frames = push(frames, depth++, BLOCK);
                    break;
                case IF:
                    frames = push(frames, depth++, IF);
                    break;
                case TRY:
                    frames = push(frames, depth++, TRY);
                    break;
                case ELSE:
                    frames[depth - 1] = next(frames[depth - 1], IF, IF, ELSE, r);
                    break;
                case CATCH:
                    frames[depth - 1] = next(frames[depth - 1], TRY, TRY_CATCH, TRY_CATCH, r);
                    break;
                case CATCH_ALL:
                    frames[depth - 1] = next(frames[depth - 1], TRY, TRY_CATCH, TRY_CATCH_ALL, r);
                    break;
                case DELEGATE:
                    next(frames[depth - 1], TRY, TRY, TRY, r);
                    depth--;
                    break;
                case END:
                    depth--;
                    break;
                case MEMORY_INIT: case DATA_DROP: case ARRAY_NEW_DATA: case ARRAY_INIT_DATA:
                    if (body) {
                        c.usesDataIndices = true;
                    }
                    break;
                default:
                    break;
            }
        }
        int end = r.position();
        in.position(end);
        return new Expression(Arrays.copyOfRange(in.buffer(), start, end), start);
    }

    private static byte[] push(byte[] frames, int depth, byte kind) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth] = kind;
        return frames;
    }

    /**
     * The frame after a clause instruction ({@code else}, {@code catch}, ...): {@code result} when the
     * frame is {@code first} or {@code second}, the frames that can hold the clause; an error otherwise.
     */
    private static byte next(byte frame, byte first, byte second, byte result, CodeReader r) {
        if (frame == first || frame == second) {
            return result;
        }
        throw CompileException.malformed("END opcode expected", r.instructionOffset());
    }
}
