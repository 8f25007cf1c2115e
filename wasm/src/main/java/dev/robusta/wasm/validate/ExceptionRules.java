package dev.robusta.wasm.validate;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeReader;

import java.util.ArrayList;
import java.util.List;

/**
 * The typing rules of exception handling (WebAssembly 3.0): {@code throw}, {@code throw_ref} and
 * {@code try_table} with its catch clauses, and the legacy form ({@code try} blocks with {@code catch},
 * {@code catch_all} or {@code delegate}, and {@code rethrow}) that the suite still tests.
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html#control-instructions">Control instructions</a>
 */
final class ExceptionRules {
    private static final ValType EXN = ValType.ref(false, ValType.HT_EXN);

    private ExceptionRules() {
    }

    /** Applies the rule of {@code op}; false when {@code op} is not one of these instructions. */
    static boolean apply(CodeValidator v, Opcode op, CodeReader r) {
        switch (op) {
            case THROW:
                v.popAll(v.ctx().tag(r.index()).params());
                v.unreachable();
                return true;
            case THROW_REF:
                v.pop(ValType.EXNREF);
                v.unreachable();
                return true;
            case TRY_TABLE:
                tryTable(v, r);
                return true;
            case TRY:
                v.blockType(r);
                v.popAll(v.blockParams());
                v.pushCtrl(Opcode.TRY, v.blockParams(), v.blockResults());
                return true;
            case CATCH: case CATCH_ALL: {
                Opcode k = v.innermostKind();
                if (k != Opcode.TRY && k != Opcode.CATCH) {
                    throw CompileException.malformed("'" + op + "' without matching 'try'", r.instructionOffset());
                }
                List<ValType> caught = op == Opcode.CATCH ? v.ctx().tag(r.index()).params() : List.of();
                List<ValType> results = v.endFrame();
                v.pushCtrl(op, caught, results);
                return true;
            }
            case DELEGATE: {
                if (v.innermostKind() != Opcode.TRY) {
                    throw CompileException.malformed("'delegate' without matching 'try'", r.instructionOffset());
                }
                List<ValType> results = v.endFrame();
                v.labelTypes(r.index());
                v.pushAll(results);
                return true;
            }
            case RETHROW: {
                Opcode k = v.labelKind(r.index());
                if (k != Opcode.CATCH && k != Opcode.CATCH_ALL) {
                    throw new Invalid("invalid rethrow label " + Integer.toUnsignedString(r.index()));
                }
                v.unreachable();
                return true;
            }
            default:
                return false;
        }
    }

    private static void tryTable(CodeValidator v, CodeReader r) {
        v.blockType(r);
        List<ValType> params = v.blockParams();
        List<ValType> results = v.blockResults();
        v.popAll(params);
        for (int i = 0; i < r.catchCount(); i++) {
            List<ValType> label = v.labelTypes(r.catchLabel(i));
            List<ValType> caught = caught(v, r.catchKind(i), r.catchTag(i));
            if (!v.sameTypes(caught, label)) {
                throw new Invalid("type mismatch: catch clause " + i + " delivers " + ValTypes.toString(caught)
                        + " to a label of " + ValTypes.toString(label));
            }
        }
        v.pushCtrl(Opcode.TRY_TABLE, params, results);
    }

    /** What a catch clause passes to its label: the tag's parameters and/or the exception reference. */
    private static List<ValType> caught(CodeValidator v, int kind, int tag) {
        switch (kind) {
            case 0:
                return v.ctx().tag(tag).params();
            case 1: {
                List<ValType> ts = new ArrayList<>(v.ctx().tag(tag).params());
                ts.add(EXN);
                return ts;
            }
            case 2:
                return List.of();
            default:
                return List.of(EXN);
        }
    }
}
