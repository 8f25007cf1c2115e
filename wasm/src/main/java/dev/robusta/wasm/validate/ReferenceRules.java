package dev.robusta.wasm.validate;

import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeReader;

import java.util.List;

/**
 * The typing rules of the typed function references instructions (WebAssembly 3.0): {@code call_ref},
 * {@code return_call_ref}, {@code ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null} and
 * {@code ref.eq}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html#reference-instructions">Reference instructions</a>
 */
final class ReferenceRules {
    private ReferenceRules() {
    }

    /** Applies the rule of {@code op}; false when {@code op} is not one of these instructions. */
    static boolean apply(CodeValidator v, Opcode op, CodeReader r) {
        ModuleContext ctx = v.ctx();
        switch (op) {
            case REF_AS_NON_NULL:
                v.push(nonNull(popRef(v)));
                return true;
            case REF_EQ:
                v.needClear();
                v.need(ValType.EQREF);
                v.need(ValType.EQREF);
                v.popNeeds();
                v.push(ValType.I32);
                return true;
            case BR_ON_NULL: {
                List<ValType> ts = v.labelTypes(r.index());
                ValType rt = popRef(v);
                v.popAll(ts);
                v.pushAll(ts);
                v.push(nonNull(rt));
                return true;
            }
            case BR_ON_NON_NULL:
                brOnNonNull(v, v.labelTypes(r.index()));
                return true;
            case CALL_REF: case RETURN_CALL_REF: {
                int typeIdx = r.index();
                FuncType ft = ctx.type(typeIdx);
                boolean tail = op == Opcode.RETURN_CALL_REF;
                if (tail) {
                    v.checkTailCallResults(ft);
                }
                v.needClear();
                v.need(ft.params());
                v.need(ValType.ref(true, typeIdx));
                v.popNeeds();
                if (tail) {
                    v.unreachable();
                } else {
                    v.pushAll(ft.results());
                }
                return true;
            }
            default:
                return false;
        }
    }

    /** The label takes the operands below the reference and then the reference, known non-null. */
    private static void brOnNonNull(CodeValidator v, List<ValType> ts) {
        if (ts.isEmpty()) {
            throw new Invalid("type mismatch: br_on_non_null requires a label with a reference type, but it has []");
        }
        ValType rt = nonNull(popRef(v));
        ValType last = ts.get(ts.size() - 1);
        if (!v.ctx().subtyping.matches(rt, last)) {
            throw new Invalid("type mismatch: br_on_non_null of " + rt + " to a label of " + ValTypes.toString(ts));
        }
        List<ValType> rest = ts.subList(0, ts.size() - 1);
        v.popAll(rest);
        v.pushAll(rest);
    }

    /** Pops a reference; an unknown operand is the bottom reference type. */
    static ValType popRef(CodeValidator v) {
        ValType t = v.popAny();
        if (t == null) {
            return Subtyping.BOT_REF;
        }
        if (!t.isReference()) {
            throw new Invalid("type mismatch: instruction requires a reference but stack has [" + t + "]");
        }
        return t;
    }

    static ValType nonNull(ValType t) {
        return t == Subtyping.BOT_REF ? t : ValType.ref(false, t.heapType());
    }
}
