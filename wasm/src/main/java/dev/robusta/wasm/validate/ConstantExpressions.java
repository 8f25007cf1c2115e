package dev.robusta.wasm.validate;

import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeReader;

import java.util.BitSet;

/**
 * Constant expressions: the instructions they may contain (constants, {@code ref.null}, {@code ref.func},
 * {@code global.get} of an immutable global, and with the extended-const and GC features some arithmetic
 * and allocations), and the function references they declare.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions">Constant expressions</a>
 */
final class ConstantExpressions {
    private ConstantExpressions() {
    }

    /**
     * Checks that {@code expr} is constant and then types it as {@code type}.
     *
     * @param visibleGlobals how many globals the expression may refer to
     * @param where          names the expression in error messages
     */
    static void validate(ModuleContext ctx, CodeValidator code, Expression expr, ValType type,
                         int visibleGlobals, String where) {
        CodeReader r = new CodeReader(expr, ctx.features);
        try {
            while (r.hasNext()) {
                Opcode op = r.next();
                if (!isConstant(ctx, op, r, visibleGlobals)) {
                    throw new Invalid("constant expression required");
                }
            }
        } catch (Invalid e) {
            throw e.at(where + ", " + r.opcode(), expr.offset() < 0 ? -1 : r.instructionOffset());
        }
        code.validateConstant(expr, type, visibleGlobals, where);
    }

    private static boolean isConstant(ModuleContext ctx, Opcode op, CodeReader r, int visibleGlobals) {
        Features f = ctx.features;
        switch (op) {
            case I32_CONST: case I64_CONST: case F32_CONST: case F64_CONST: case V128_CONST:
            case REF_NULL: case REF_FUNC: case END:
                return true;
            case GLOBAL_GET:
                return !ctx.global(r.index(), visibleGlobals).mutable();
            case I32_ADD: case I32_SUB: case I32_MUL: case I64_ADD: case I64_SUB: case I64_MUL:
                return f.extendedConst();
            case REF_I31: case STRUCT_NEW: case STRUCT_NEW_DEFAULT: case ARRAY_NEW: case ARRAY_NEW_DEFAULT:
            case ARRAY_NEW_FIXED: case ANY_CONVERT_EXTERN: case EXTERN_CONVERT_ANY:
                return f.gc();
            default:
                return false;
        }
    }

    /** Adds the functions {@code expr} refers to with {@code ref.func} (those below {@code funcCount}). */
    static void collectFunctionRefs(Expression expr, Features f, int funcCount, BitSet refs) {
        CodeReader r = new CodeReader(expr, f);
        while (r.hasNext()) {
            if (r.next() == Opcode.REF_FUNC && r.index() >= 0 && r.index() < funcCount) {
                refs.set(r.index());
            }
        }
    }
}
