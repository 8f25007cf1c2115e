package dev.robusta.text;

import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.StructType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeReader;

/**
 * How many operands an instruction pops and how many results it pushes, as far as the folded printer
 * needs to know to nest operands under their consumer. {@link #UNKNOWN} when that cannot be told (a
 * reference to a missing type, say): the printer then leaves the instruction unfolded. Only readability
 * depends on this: folding never changes the order of instructions.
 */
final class WatPrinterStackEffects {
    static final int UNKNOWN = -1;

    private final WasmModule module;
    private final WatInstrPrinter instr;
    private int params;
    private int results;

    WatPrinterStackEffects(WasmModule module, WatInstrPrinter instr) {
        this.module = module;
        this.instr = instr;
    }

    /** Operands popped by the last {@link #compute} (or {@link #UNKNOWN}). */
    int params() {
        return params;
    }

    /** Results pushed by the last {@link #compute} (or {@link #UNKNOWN}). */
    int results() {
        return results;
    }

    /**
     * Computes the effect of the instruction last read by {@code r}.
     *
     * @param labels the arity of each label, by label index (0 = innermost)
     * @param returnArity the number of results of the function
     */
    void compute(CodeReader r, LabelArity labels, int returnArity) {
        Opcode op = r.opcode();
        String sig = op.signature();
        if (sig != null) {
            int gt = sig.indexOf('>');
            set(gt, sig.length() - gt - 1);
            return;
        }
        switch (op) {
            case UNREACHABLE: case NOP: case RETHROW: case ATOMIC_FENCE: case ELEM_DROP: case DATA_DROP:
                set(0, 0);
                break;
            case BLOCK: case LOOP: case TRY: case TRY_TABLE:
                set(0, blockResults(r));
                break;
            case IF:
                set(1, blockResults(r));
                break;
            case DROP: case LOCAL_SET: case GLOBAL_SET: case THROW_REF:
                set(1, 0);
                break;
            case SELECT: case SELECT_T:
                set(3, 1);
                break;
            case BR: {
                int a = labels.arity(r.index());
                set(a, a == UNKNOWN ? UNKNOWN : 0);
                break;
            }
            case BR_IF: {
                int a = labels.arity(r.index());
                set(a == UNKNOWN ? UNKNOWN : a + 1, a);
                break;
            }
            case BR_TABLE: {
                int a = labels.arity(r.index());
                set(a == UNKNOWN ? UNKNOWN : a + 1, a == UNKNOWN ? UNKNOWN : 0);
                break;
            }
            case BR_ON_NULL: {
                int a = labels.arity(r.index());
                set(a == UNKNOWN ? UNKNOWN : a + 1, a == UNKNOWN ? UNKNOWN : a + 1);
                break;
            }
            case BR_ON_NON_NULL: {
                int a = labels.arity(r.index());
                set(a, a == UNKNOWN || a == 0 ? UNKNOWN : a - 1);
                break;
            }
            case BR_ON_CAST: case BR_ON_CAST_FAIL: {
                int a = labels.arity(r.index());
                set(a, a);
                break;
            }
            case RETURN:
                set(returnArity, 0);
                break;
            case CALL: case RETURN_CALL: {
                FuncType ft = funcOf(r.index());
                callEffect(ft, 0, op == Opcode.RETURN_CALL);
                break;
            }
            case CALL_INDIRECT: case RETURN_CALL_INDIRECT: case CALL_REF: case RETURN_CALL_REF:
                callEffect(instr.funcType(Integer.toUnsignedLong(r.index())), 1,
                        op == Opcode.RETURN_CALL_INDIRECT || op == Opcode.RETURN_CALL_REF);
                break;
            case THROW: {
                FuncType ft = tagOf(r.index());
                set(ft == null ? UNKNOWN : ft.params().size(), 0);
                break;
            }
            case LOCAL_GET: case GLOBAL_GET: case TABLE_SIZE: case MEMORY_SIZE: case I32_CONST: case I64_CONST:
            case F32_CONST: case F64_CONST: case V128_CONST: case REF_NULL: case REF_FUNC: case STRUCT_NEW_DEFAULT:
                set(0, 1);
                break;
            case LOCAL_TEE: case TABLE_GET: case MEMORY_GROW: case REF_IS_NULL: case REF_AS_NON_NULL:
            case STRUCT_GET: case STRUCT_GET_S: case STRUCT_GET_U: case ARRAY_NEW_DEFAULT: case ARRAY_LEN:
            case REF_TEST: case REF_TEST_NULL: case REF_CAST: case REF_CAST_NULL: case ANY_CONVERT_EXTERN:
            case EXTERN_CONVERT_ANY: case REF_I31: case I31_GET_S: case I31_GET_U:
                set(1, 1);
                break;
            case TABLE_SET: case STRUCT_SET:
                set(2, 0);
                break;
            case TABLE_GROW: case REF_EQ: case ARRAY_NEW: case ARRAY_NEW_DATA: case ARRAY_NEW_ELEM:
            case ARRAY_GET: case ARRAY_GET_S: case ARRAY_GET_U:
                set(2, 1);
                break;
            case TABLE_FILL: case TABLE_COPY: case TABLE_INIT: case MEMORY_FILL: case MEMORY_COPY: case MEMORY_INIT:
            case ARRAY_SET:
                set(3, 0);
                break;
            case ARRAY_FILL: case ARRAY_INIT_DATA: case ARRAY_INIT_ELEM:
                set(4, 0);
                break;
            case ARRAY_COPY:
                set(5, 0);
                break;
            case ARRAY_NEW_FIXED:
                set(r.index2() >= 0 ? r.index2() : UNKNOWN, 1);
                break;
            case STRUCT_NEW: {
                CompositeType ct = compositeType(r.index());
                set(ct instanceof StructType ? ((StructType) ct).fields().size() : UNKNOWN, 1);
                break;
            }
            default:
                set(UNKNOWN, UNKNOWN);
                break;
        }
    }

    private void set(int p, int res) {
        params = p;
        results = res;
    }

    private void callEffect(FuncType ft, int extra, boolean tail) {
        if (ft == null) {
            set(UNKNOWN, UNKNOWN);
        } else {
            set(ft.params().size() + extra, tail ? 0 : ft.results().size());
        }
    }

    /** The number of results of the block type the reader last read, or {@link #UNKNOWN}. */
    int blockResults(CodeReader r) {
        if (r.blockValType() != null) {
            return 1;
        }
        if (r.blockTypeIndex() < 0) {
            return 0;
        }
        FuncType ft = instr.funcType(r.blockTypeIndex());
        return ft == null ? UNKNOWN : ft.results().size();
    }

    /** The number of values a branch to the block last read carries (its params for a loop), or UNKNOWN. */
    int blockLabelArity(CodeReader r) {
        if (r.opcode() != Opcode.LOOP) {
            return blockResults(r);
        }
        if (r.blockTypeIndex() < 0) {
            return 0;
        }
        FuncType ft = instr.funcType(r.blockTypeIndex());
        return ft == null ? UNKNOWN : ft.params().size();
    }

    private FuncType funcOf(int funcIdx) {
        if (funcIdx < 0 || funcIdx >= module.funcCount()) {
            return null;
        }
        return instr.funcType(Integer.toUnsignedLong(module.funcTypeIdx(funcIdx)));
    }

    private FuncType tagOf(int tagIdx) {
        if (tagIdx < 0 || tagIdx >= module.tagCount()) {
            return null;
        }
        return instr.funcType(Integer.toUnsignedLong(module.tagType(tagIdx).typeIdx()));
    }

    private CompositeType compositeType(int typeIdx) {
        return typeIdx >= 0 && typeIdx < module.types().size() ? module.types().get(typeIdx).compositeType() : null;
    }

    /** The arities of the labels in scope. */
    interface LabelArity {
        /** The arity of label {@code l} (0 = innermost), or {@link #UNKNOWN}. */
        int arity(int l);
    }
}
