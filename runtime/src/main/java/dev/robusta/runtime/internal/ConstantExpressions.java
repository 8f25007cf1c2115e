package dev.robusta.runtime.internal;

import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.code.CodeReader;

/**
 * Evaluates constant expressions (global initializers, segment offsets, element initializers): the
 * {@code const} instructions, {@code ref.null}, {@code ref.func}, {@code global.get}, and the extended-const
 * {@code add}/{@code sub}/{@code mul} of i32 and i64.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions">Constant expressions</a>
 */
final class ConstantExpressions {
    /** A value in slot form. */
    record Value(long lo, long hi, Object ref) {
    }

    private ConstantExpressions() {
    }

    /**
     * Evaluates {@code expr} in {@code instance}, whose functions and the globals it refers to must be set.
     */
    static Value evaluate(Expression expr, ModuleInstance instance, Features features) {
        long[] lo = new long[4];
        long[] hi = new long[4];
        Object[] refs = new Object[4];
        int sp = 0;
        CodeReader r = new CodeReader(expr, features);
        while (r.hasNext()) {
            Opcode op = r.next();
            if (op == Opcode.END) {
                break;
            }
            if (sp == lo.length) {
                lo = java.util.Arrays.copyOf(lo, sp * 2);
                hi = java.util.Arrays.copyOf(hi, sp * 2);
                refs = java.util.Arrays.copyOf(refs, sp * 2);
            }
            switch (op) {
                case I32_CONST:
                case F32_CONST:
                    lo[sp] = (int) r.value();
                    hi[sp] = 0;
                    refs[sp++] = null;
                    break;
                case I64_CONST:
                case F64_CONST:
                    lo[sp] = r.value();
                    hi[sp] = 0;
                    refs[sp++] = null;
                    break;
                case V128_CONST:
                    lo[sp] = r.value();
                    hi[sp] = r.value2();
                    refs[sp++] = null;
                    break;
                case REF_NULL:
                    lo[sp] = 0;
                    hi[sp] = 0;
                    refs[sp++] = null;
                    break;
                case REF_FUNC:
                    lo[sp] = 0;
                    hi[sp] = 0;
                    refs[sp++] = instance.functions[r.index()];
                    break;
                case GLOBAL_GET: {
                    GlobalInstance g = instance.globals[r.index()];
                    lo[sp] = g.value;
                    hi[sp] = g.hi;
                    refs[sp++] = g.ref;
                    break;
                }
                case I32_ADD: sp--; lo[sp - 1] = (int) lo[sp - 1] + (int) lo[sp]; break;
                case I32_SUB: sp--; lo[sp - 1] = (int) lo[sp - 1] - (int) lo[sp]; break;
                case I32_MUL: sp--; lo[sp - 1] = (int) lo[sp - 1] * (int) lo[sp]; break;
                case I64_ADD: sp--; lo[sp - 1] = lo[sp - 1] + lo[sp]; break;
                case I64_SUB: sp--; lo[sp - 1] = lo[sp - 1] - lo[sp]; break;
                case I64_MUL: sp--; lo[sp - 1] = lo[sp - 1] * lo[sp]; break;
                default:
                    throw new IllegalStateException("not a constant instruction: " + op);
            }
        }
        if (sp != 1) {
            throw new IllegalStateException("constant expression left " + sp + " values");
        }
        return new Value(lo[0], hi[0], refs[0]);
    }
}
