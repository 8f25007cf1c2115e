package dev.robusta.runtime.internal.interpreter;

import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.Traps;
import dev.robusta.runtime.internal.Values;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeReader;

import java.util.Arrays;
import java.util.List;

/**
 * Lowers a validated function body to the interpreter's code ({@link Op}). It follows the operand types
 * the way the validator does, so that every instruction knows the slots it works on: branches get their
 * target, the height to unwind to and the number of slots they carry; locals get their slot; values that
 * take two slots or are references get instructions of their own. Unreachable code is not emitted.
 *
 * <p>A branch to a block becomes a jump, preceded by {@link Op#DROP_KEEP} when values must be moved down;
 * a branch to a loop becomes {@link Op#BR_BACK} (which charges the budget); a branch to the function's
 * label is a {@link Op#RETURN}. {@code br_table} entries that need unwinding point to small stubs emitted
 * after the table.
 */
public final class Lowerer {
    private static final int BLOCK = 0, LOOP = 1, IF = 2, FUNCTION = 3;
    private static final ValType[] NONE = new ValType[0];
    /** The most slots a frame may have. */
    static final int MAX_FRAME_SLOTS = 1 << 24;

    /** A block, loop, if or the function itself, while it is being lowered. */
    private static final class Ctl {
        int kind;
        ValType[] params;
        ValType[] results;
        int typeBase;
        int heightBase;
        boolean unreachable;
        int loopPc;
        int loopInstr;
        int elsePatch = -1;
        /** A try_table's clauses, four ints each: tag index or -1, ref flag, target height, landing pad. */
        int[] catches;
        int tryStart;
        int[] patches = new int[4];
        int patchCount;

        void patchLater(int pos) {
            if (patchCount == patches.length) {
                patches = Arrays.copyOf(patches, patchCount * 2);
            }
            patches[patchCount++] = pos;
        }
    }

    private final ModuleCode module;
    private final WasmModule m;
    private final int funcIdx;
    private int[] out = new int[64];
    private int len;
    private ValType[] types = new ValType[32];
    private int tn;
    private int height;
    private int maxHeight;
    private Ctl[] ctl = new Ctl[16];
    private int cn;
    private int[] localSlot;
    private ValType[] localType;
    private int instr;
    private int skip;
    /** Starts of the last two instructions emitted by simple (fusable) WebAssembly instructions, or -1. */
    private int last1 = -1, last2 = -1, last3 = -1;
    private int[] handlers = new int[0];
    /** Where the current instruction was fused into an earlier one, or -1. */
    private int fusedAt;

    private Lowerer(ModuleCode module, int funcIdx) {
        this.module = module;
        this.m = module.model();
        this.funcIdx = funcIdx;
    }

    /** Lowers defined function {@code funcIdx} of a validated module. */
    public static LoweredFunction lower(ModuleCode module, int funcIdx) {
        return new Lowerer(module, funcIdx).lower();
    }

    private LoweredFunction lower() {
        FuncType type = module.funcTypeOf(funcIdx);
        FunctionBody body = m.codes().get(funcIdx - m.importedFuncCount());
        long localCount = type.params().size() + body.localCount();
        if (localCount > MAX_FRAME_SLOTS / 2) {
            throw Traps.callStackExhausted();
        }
        localSlot = new int[(int) localCount];
        localType = new ValType[(int) localCount];
        int slot = 0;
        int n = 0;
        for (ValType t : type.params()) {
            localType[n] = t;
            localSlot[n++] = slot;
            slot += Values.slots(t);
        }
        int paramSlots = slot;
        boolean refLocals = false;
        for (LocalGroup g : body.locals()) {
            refLocals |= g.type().isReference();
            for (int i = 0; i < g.count(); i++) {
                localType[n] = g.type();
                localSlot[n++] = slot;
                slot += Values.slots(g.type());
            }
        }
        int localSlots = slot;
        height = localSlots;
        maxHeight = localSlots;
        Ctl f = push(FUNCTION, NONE, type.results().toArray(NONE));

        CodeReader r = new CodeReader(body.body(), module.config().features());
        while (r.hasNext() && cn > 0) {
            Opcode op = r.next();
            instr++;
            if (ctl[cn - 1].unreachable) {
                switch (op) {
                    case BLOCK: case LOOP: case IF: case TRY: case TRY_TABLE:
                        skip++;
                        continue;
                    case ELSE:
                        if (skip > 0) {
                            continue;
                        }
                        break;
                    case END:
                        if (skip > 0) {
                            skip--;
                            continue;
                        }
                        break;
                    default:
                        continue;
                }
            }
            int start = len;
            fusedAt = -1;
            instruction(op, r);
            if (!isSimple(op)) {
                last1 = -1;
                last2 = -1;
                last3 = -1;
            } else if (fusedAt >= 0) {
                // the entries before the fused instruction stay in the window
                if (fusedAt == last2) {
                    last2 = last3;
                    last3 = -1;
                } else if (fusedAt != last1) {
                    last2 = -1;
                    last3 = -1;
                }
                last1 = fusedAt;
            } else if (len > start) {
                last3 = last2;
                last2 = last1;
                last1 = start;
            }
        }
        maxHeight = Math.max(maxHeight, localSlots + Values.slots(type.results()));
        return new LoweredFunction(Arrays.copyOf(out, len), funcIdx, module.frameName(funcIdx), paramSlots,
                localSlots, maxHeight, Values.slots(type.results()), Values.anyReference(type.results()), refLocals,
                Math.max(1, instr), module.canonicalTypes(), handlers);
    }

    /**
     * Whether {@code op} lowers to one straight-line instruction that a later one may be fused with: no
     * label, branch or call. Every other instruction ends the fusion window.
     */
    private static boolean isSimple(Opcode op) {
        switch (op) {
            case NOP: case LOCAL_GET: case LOCAL_SET: case LOCAL_TEE: case GLOBAL_GET: case GLOBAL_SET:
            case I32_CONST: case I64_CONST: case F32_CONST: case F64_CONST: case DROP: case SELECT:
                return true;
            default:
                return op.prefix() == 0 && op.signature() != null;
        }
    }

    /** Rewrites the code from {@code at} to one instruction; it becomes the fusion window's last entry. */
    private void fuse(int at, int... instruction) {
        len = at;
        for (int v : instruction) {
            emit(v);
        }
        fusedAt = at;
    }

    /** Whether the instruction at {@code pos} (a fusion window entry, or -1) is {@code op}. */
    private boolean is(int pos, int op) {
        return pos >= 0 && out[pos] == op;
    }

    /**
     * Where a {@code local.get; (i32.const | local.get); cmp} window starts (cmp a binary i32 comparison
     * ending the window), or -1; the caller fuses it with the branch that follows.
     */
    private int operandComparison() {
        int cmp = lastComparison();
        if (cmp < 0x46 || last2 != len - 3 || last3 != len - 5 || !is(last3, Op.LOCAL_GET)) {
            return -1;
        }
        return is(last2, Op.CONST32) || is(last2, Op.LOCAL_GET) ? last3 : -1;
    }

    /** Fuses the window found by {@link #operandComparison} into a compare-and-branch; returns the target's position. */
    private int fuseOperandComparison(int at, int cmp, int target, int weight) {
        int a = out[at + 1];
        boolean constant = out[at + 2] == Op.CONST32;
        int b = out[at + 3];
        fuse(at, constant ? Op.BR_CMP_LC : Op.BR_CMP_LL, cmp, a, b, target, weight);
        return len - 2;
    }

    /** Whether the fusion window ends with {@code f64.const; f64.gt}. */
    private boolean f64GreaterThanConstant() {
        return is(last1, Opcode.F64_GT.code()) && last1 == len - 1 && is(last2, Op.CONST64) && last2 == len - 4;
    }

    /** The i32 comparison (0x45..0x4F) that ends the fusion window, or -1. */
    private int lastComparison() {
        return last1 >= 0 && last1 == len - 1 && Op.branchOn(out[last1]) >= 0 ? out[last1] : -1;
    }

    // ---- emission ----

    private void emit(int v) {
        if (len == out.length) {
            out = Arrays.copyOf(out, len * 2);
        }
        out[len++] = v;
    }

    private void emit(int a, int b) {
        emit(a);
        emit(b);
    }

    private void emit(int a, int b, int c) {
        emit(a);
        emit(b);
        emit(c);
    }

    // ---- operand types ----

    private void push(ValType t) {
        if (tn == types.length) {
            types = Arrays.copyOf(types, tn * 2);
        }
        types[tn++] = t;
        height += Values.slots(t);
        if (height > maxHeight) {
            maxHeight = height;
            if (maxHeight > MAX_FRAME_SLOTS) {
                throw Traps.callStackExhausted();
            }
        }
    }

    private void push(ValType[] ts) {
        for (ValType t : ts) {
            push(t);
        }
    }

    private void push(List<ValType> ts) {
        for (ValType t : ts) {
            push(t);
        }
    }

    private ValType pop() {
        ValType t = types[--tn];
        height -= Values.slots(t);
        return t;
    }

    private void pop(int count) {
        for (int i = 0; i < count; i++) {
            pop();
        }
    }

    // ---- control ----

    private Ctl push(int kind, ValType[] params, ValType[] results) {
        if (cn == ctl.length) {
            ctl = Arrays.copyOf(ctl, cn * 2);
        }
        Ctl c = new Ctl();
        c.kind = kind;
        c.params = params;
        c.results = results;
        c.typeBase = tn - params.length;
        int paramSlots = 0;
        for (ValType t : params) {
            paramSlots += Values.slots(t);
        }
        c.heightBase = height - paramSlots;
        c.loopPc = len;
        c.loopInstr = instr;
        ctl[cn++] = c;
        return c;
    }

    private void markUnreachable() {
        ctl[cn - 1].unreachable = true;
        skip = 0;
    }

    private ValType[] blockParams(CodeReader r) {
        return r.blockTypeIndex() >= 0 ? m.funcType(r.blockTypeIndex()).params().toArray(NONE) : NONE;
    }

    private ValType[] blockResults(CodeReader r) {
        if (r.blockTypeIndex() >= 0) {
            return m.funcType(r.blockTypeIndex()).results().toArray(NONE);
        }
        return r.blockValType() == null ? NONE : new ValType[] {r.blockValType()};
    }

    private static boolean anyRef(ValType[] ts) {
        for (ValType t : ts) {
            if (t.isReference()) {
                return true;
            }
        }
        return false;
    }

    private static int slots(ValType[] ts) {
        int n = 0;
        for (ValType t : ts) {
            n += Values.slots(t);
        }
        return n;
    }

    private Ctl label(int depth) {
        return ctl[cn - 1 - depth];
    }

    /** Whether a branch to {@code c} from the current height needs no unwinding and is a plain forward jump. */
    private boolean isPlainForward(Ctl c) {
        return c.kind != FUNCTION && c.kind != LOOP && height - slots(c.results) == c.heightBase;
    }

    /** Emits a jump to {@code c}'s label, its values already in place (a catch clause's landing pad). */
    private void jumpTo(Ctl c) {
        if (c.kind == FUNCTION) {
            emit(Op.RETURN);
        } else if (c.kind == LOOP) {
            emit(Op.BR_BACK, c.loopPc, Math.max(1, instr - c.loopInstr));
        } else {
            emit(Op.BR);
            c.patchLater(len);
            emit(0);
        }
    }

    /** Emits an unconditional branch to {@code c}'s label from the current height. */
    private void branch(Ctl c) {
        if (c.kind == FUNCTION) {
            emit(Op.RETURN);
            return;
        }
        ValType[] arity = c.kind == LOOP ? c.params : c.results;
        int n = slots(arity);
        if (height - n != c.heightBase) {
            emit(anyRef(arity) ? Op.DROP_KEEP_REF : Op.DROP_KEEP, c.heightBase, n);
        }
        if (c.kind == LOOP) {
            emit(Op.BR_BACK, c.loopPc, Math.max(1, instr - c.loopInstr));
        } else {
            emit(Op.BR);
            c.patchLater(len);
            emit(0);
        }
    }

    private void end() {
        Ctl c = ctl[--cn];
        if (c.kind == FUNCTION) {
            emit(Op.RETURN);
            return;
        }
        if (c.catches != null) {
            int n = c.catches.length / 4;
            int at = handlers.length;
            handlers = Arrays.copyOf(handlers, at + 6 * n);
            for (int i = 0; i < n; i++) {
                handlers[at + 6 * i] = c.tryStart;
                handlers[at + 6 * i + 1] = len;
                System.arraycopy(c.catches, 4 * i, handlers, at + 6 * i + 2, 4);
            }
        }
        if (c.elsePatch >= 0) {
            out[c.elsePatch] = len;
        }
        for (int i = 0; i < c.patchCount; i++) {
            out[c.patches[i]] = len;
        }
        tn = c.typeBase;
        height = c.heightBase;
        push(c.results);
    }

    private void brTable(CodeReader r) {
        pop();
        int n = r.labelCount() + 1;
        emit(Op.BR_TABLE, n);
        int table = len;
        for (int i = 0; i < n; i++) {
            emit(0);
        }
        int[] stubs = new int[cn];
        Arrays.fill(stubs, -1);
        for (int i = 0; i < n; i++) {
            int depth = i < n - 1 ? r.label(i) : r.index();
            Ctl c = label(depth);
            if (isPlainForward(c)) {
                c.patchLater(table + i);
            } else {
                if (stubs[depth] < 0) {
                    stubs[depth] = len;
                    branch(c);
                }
                out[table + i] = stubs[depth];
            }
        }
    }

    // ---- instructions ----

    private void instruction(Opcode op, CodeReader r) {
        switch (op) {
            case UNREACHABLE:
                emit(Op.UNREACHABLE);
                markUnreachable();
                return;
            case NOP:
                return;
            case BLOCK:
                push(BLOCK, blockParams(r), blockResults(r));
                return;
            case LOOP:
                push(LOOP, blockParams(r), blockResults(r));
                return;
            case TRY_TABLE: {
                int n = r.catchCount();
                int[] catches = new int[4 * n];
                emit(Op.BR);
                int over = len;
                emit(0);
                for (int i = 0; i < n; i++) {
                    int kind = r.catchKind(i);
                    Ctl target = label(r.catchLabel(i));
                    catches[4 * i] = kind < 2 ? r.catchTag(i) : -1;
                    catches[4 * i + 1] = kind == 1 || kind == 3 ? 1 : 0;
                    catches[4 * i + 2] = target.heightBase;
                    catches[4 * i + 3] = len;
                    jumpTo(target);
                }
                out[over] = len;
                Ctl c = push(BLOCK, blockParams(r), blockResults(r));
                c.catches = catches;
                c.tryStart = len;
                return;
            }
            case THROW: {
                FuncType t = m.funcType(m.tagType(r.index()).typeIdx());
                pop(t.params().size());
                emit(Op.THROW, r.index());
                markUnreachable();
                return;
            }
            case THROW_REF:
                pop();
                emit(Op.THROW_REF);
                markUnreachable();
                return;
            case IF: {
                pop();
                int cmp = lastComparison();
                int window = operandComparison();
                Ctl c = push(IF, blockParams(r), blockResults(r));
                if (window >= 0) {
                    c.elsePatch = fuseOperandComparison(window, Op.negate(cmp), 0, 0);
                } else if (cmp >= 0) {
                    fuse(last1, Op.branchUnless(cmp), 0, 0);
                    c.elsePatch = len - 2;
                } else {
                    emit(Op.BR_UNLESS);
                    c.elsePatch = len;
                    emit(0);
                }
                return;
            }
            case ELSE: {
                Ctl c = ctl[cn - 1];
                if (!c.unreachable) {
                    emit(Op.BR);
                    c.patchLater(len);
                    emit(0);
                }
                out[c.elsePatch] = len;
                c.elsePatch = -1;
                tn = c.typeBase;
                height = c.heightBase;
                push(c.params);
                c.unreachable = false;
                return;
            }
            case END:
                end();
                return;
            case BR:
                branch(label(r.index()));
                markUnreachable();
                return;
            case BR_IF: {
                pop();
                Ctl c = label(r.index());
                int cmp = lastComparison();
                int window = operandComparison();
                if (window >= 0 && c.kind == LOOP && height - slots(c.params) == c.heightBase) {
                    fuseOperandComparison(window, cmp, c.loopPc, Math.max(1, instr - c.loopInstr));
                } else if (window >= 0 && isPlainForward(c)) {
                    c.patchLater(fuseOperandComparison(window, cmp, 0, 0));
                } else if (f64GreaterThanConstant() && c.kind == LOOP && height - slots(c.params) == c.heightBase) {
                    fuse(last2, Op.BR_F64_GT_C, out[last2 + 1], out[last2 + 2], c.loopPc, Math.max(1, instr - c.loopInstr));
                } else if (f64GreaterThanConstant() && isPlainForward(c)) {
                    fuse(last2, Op.BR_F64_GT_C, out[last2 + 1], out[last2 + 2], 0, 0);
                    c.patchLater(len - 2);
                } else if (cmp >= 0 && c.kind == LOOP && height - slots(c.params) == c.heightBase) {
                    fuse(last1, Op.branchOn(cmp), c.loopPc, Math.max(1, instr - c.loopInstr));
                } else if (cmp >= 0 && isPlainForward(c)) {
                    fuse(last1, Op.branchOn(cmp), 0, 0);
                    c.patchLater(len - 2);
                } else if (c.kind == LOOP && height - slots(c.params) == c.heightBase) {
                    emit(Op.BR_IF_BACK, c.loopPc, Math.max(1, instr - c.loopInstr));
                } else if (isPlainForward(c)) {
                    emit(Op.BR_IF);
                    c.patchLater(len);
                    emit(0);
                } else {
                    emit(Op.BR_UNLESS);
                    int over = len;
                    emit(0);
                    branch(c);
                    out[over] = len;
                }
                return;
            }
            case BR_TABLE:
                brTable(r);
                markUnreachable();
                return;
            case RETURN:
                emit(Op.RETURN);
                markUnreachable();
                return;
            case CALL: {
                FuncType t = module.funcTypeOf(r.index());
                pop(t.params().size());
                push(t.results());
                emit(Op.CALL, r.index());
                return;
            }
            case CALL_INDIRECT: {
                FuncType t = m.funcType(r.index());
                pop();
                pop(t.params().size());
                push(t.results());
                emit(Op.CALL_INDIRECT, r.index(), r.index2());
                return;
            }
            case CALL_REF: {
                FuncType t = m.funcType(r.index());
                pop();
                pop(t.params().size());
                push(t.results());
                emit(Op.CALL_REF, r.index());
                return;
            }
            case RETURN_CALL:
                emit(Op.RETURN_CALL, r.index());
                emit(Op.RETURN);
                markUnreachable();
                return;
            case RETURN_CALL_INDIRECT:
                emit(Op.RETURN_CALL_INDIRECT, r.index(), r.index2());
                emit(Op.RETURN);
                markUnreachable();
                return;
            case RETURN_CALL_REF:
                emit(Op.RETURN_CALL_REF, r.index());
                emit(Op.RETURN);
                markUnreachable();
                return;
            case REF_AS_NON_NULL: {
                ValType t = pop();
                push(ValType.ref(false, t.heapType()));
                emit(Op.REF_AS_NON_NULL);
                return;
            }
            case BR_ON_NULL: {
                ValType t = pop();
                emit(Op.BR_IF_NOT_NULL);
                int over = len;
                emit(0);
                branch(label(r.index()));
                out[over] = len;
                push(ValType.ref(false, t.heapType()));
                return;
            }
            case BR_ON_NON_NULL: {
                emit(Op.BR_IF_NULL);
                int over = len;
                emit(0);
                ValType t = pop();
                push(ValType.ref(false, t.heapType()));
                branch(label(r.index()));
                out[over] = len;
                pop();
                return;
            }
            case DROP:
                emit(Values.slots(pop()) == 2 ? Op.DROP2 : Op.DROP);
                return;
            case SELECT:
            case SELECT_T: {
                pop();
                ValType t = pop();
                pop();
                if (op == Opcode.SELECT_T) {
                    t = r.selectTypes().get(0);
                }
                push(t);
                emit(t.isReference() ? Op.SELECT_REF : t.isVector() ? Op.SELECT_V128 : Op.SELECT);
                return;
            }
            default:
                variableOrMemory(op, r);
        }
    }

    private void variableOrMemory(Opcode op, CodeReader r) {
        switch (op) {
            case LOCAL_GET: {
                ValType t = localType[r.index()];
                emit(t.isReference() ? Op.LOCAL_GET_REF : t.isVector() ? Op.LOCAL_GET_V128 : Op.LOCAL_GET,
                        localSlot[r.index()]);
                push(t);
                return;
            }
            case LOCAL_SET: {
                ValType t = localType[r.index()];
                pop();
                if (is(last1, Op.I32_ADD_LC) && last1 == len - 3) {
                    fuse(last1, Op.I32_SET_ADD_LC, localSlot[r.index()], out[last1 + 1], out[last1 + 2]);
                    return;
                }
                if (is(last1, Op.LOCAL_GET) && last1 == len - 2) {
                    fuse(last1, Op.LOCAL_COPY, out[last1 + 1], localSlot[r.index()]);
                    return;
                }
                if (is(last1, Op.F64_ADD_L) && last1 == len - 2) {
                    fuse(last1, Op.F64_SET_ADD_L, localSlot[r.index()], out[last1 + 1]);
                    return;
                }
                if (is(last1, Op.I32_ADD_LL) && last1 == len - 3) {
                    fuse(last1, Op.I32_SET_ADD_LL, localSlot[r.index()], out[last1 + 1], out[last1 + 2]);
                    return;
                }
                emit(t.isReference() ? Op.LOCAL_SET_REF : t.isVector() ? Op.LOCAL_SET_V128 : Op.LOCAL_SET,
                        localSlot[r.index()]);
                return;
            }
            case LOCAL_TEE: {
                ValType t = localType[r.index()];
                emit(t.isReference() ? Op.LOCAL_TEE_REF : t.isVector() ? Op.LOCAL_TEE_V128 : Op.LOCAL_TEE,
                        localSlot[r.index()]);
                return;
            }
            case GLOBAL_GET: {
                ValType t = m.globalType(r.index()).valType();
                emit(t.isReference() ? Op.GLOBAL_GET_REF : t.isVector() ? Op.GLOBAL_GET_V128 : Op.GLOBAL_GET, r.index());
                push(t);
                return;
            }
            case GLOBAL_SET: {
                ValType t = m.globalType(r.index()).valType();
                pop();
                emit(t.isReference() ? Op.GLOBAL_SET_REF : t.isVector() ? Op.GLOBAL_SET_V128 : Op.GLOBAL_SET, r.index());
                return;
            }
            case TABLE_GET:
                pop();
                push(m.tableType(r.index()).elemType());
                emit(Op.TABLE_GET, r.index());
                return;
            case TABLE_SET:
                pop(2);
                emit(Op.TABLE_SET, r.index());
                return;
            case MEMORY_SIZE:
                push(ValType.I32);
                emit(Op.MEMORY_SIZE, r.index());
                return;
            case MEMORY_GROW:
                emit(Op.MEMORY_GROW, r.index());
                return;
            case I32_CONST:
                push(ValType.I32);
                emit(Op.CONST32, (int) r.value());
                return;
            case F32_CONST:
                push(ValType.F32);
                emit(Op.CONST32, (int) r.value());
                return;
            case I64_CONST:
                push(ValType.I64);
                emit(Op.CONST64, (int) r.value(), (int) (r.value() >>> 32));
                return;
            case F64_CONST:
                push(ValType.F64);
                emit(Op.CONST64, (int) r.value(), (int) (r.value() >>> 32));
                return;
            case REF_NULL:
                push(ValType.ref(true, r.index()));
                emit(Op.REF_NULL);
                return;
            case REF_IS_NULL:
                pop();
                push(ValType.I32);
                emit(Op.REF_IS_NULL);
                return;
            case REF_FUNC:
                push(ValType.FUNCREF);
                emit(Op.REF_FUNC, r.index());
                return;
            default:
                other(op, r);
        }
    }

    private boolean is64(int memIdx) {
        return m.memoryType(memIdx).limits().is64();
    }

    private void other(Opcode op, CodeReader r) {
        switch (op) {
            case MEMORY_INIT:
                pop(3);
                emit(Op.MEMORY_INIT, r.index(), r.index2());
                return;
            case DATA_DROP:
                emit(Op.DATA_DROP, r.index());
                return;
            case MEMORY_COPY:
                pop(3);
                emit(Op.MEMORY_COPY, r.index(), r.index2());
                return;
            case MEMORY_FILL:
                pop(3);
                emit(Op.MEMORY_FILL, r.index());
                return;
            case TABLE_INIT:
                pop(3);
                emit(Op.TABLE_INIT, r.index(), r.index2());
                return;
            case ELEM_DROP:
                emit(Op.ELEM_DROP, r.index());
                return;
            case TABLE_COPY:
                pop(3);
                emit(Op.TABLE_COPY, r.index(), r.index2());
                return;
            case TABLE_GROW:
                pop(2);
                push(ValType.I32);
                emit(Op.TABLE_GROW, r.index());
                return;
            case TABLE_SIZE:
                push(ValType.I32);
                emit(Op.TABLE_SIZE, r.index());
                return;
            case TABLE_FILL:
                pop(3);
                emit(Op.TABLE_FILL, r.index());
                return;
            case V128_CONST:
                push(ValType.V128);
                emit(Op.V128_CONST, (int) r.value(), (int) (r.value() >>> 32));
                emit((int) r.value2(), (int) (r.value2() >>> 32));
                return;
            default:
                break;
        }
        Signature sig = Signature.of(op);
        if (sig == null) {
            throw new UnsupportedOperationException("the interpreter does not support " + op.mnemonic());
        }
        if (op.prefix() == Opcode.PREFIX_SIMD) {
            simd(op, r, sig);
            return;
        }
        pop(sig.params.length);
        push(sig.results);
        if (op.prefix() == 0) {
            if (op.immKind() == dev.robusta.wasm.ImmKind.MEMARG) {
                if (is64(r.memIdx())) {
                    emit(Op.MEM64, op.code(), r.memIdx());
                    emit((int) r.memOffset(), (int) (r.memOffset() >>> 32));
                    return;
                }
                if (r.memIdx() != 0) {
                    emit(Op.MEM_OTHER, op.code(), r.memIdx());
                    emit(memOffset(r));
                    return;
                }
                if ((op == Opcode.I32_LOAD || op == Opcode.I32_LOAD8_U) && is(last1, Op.LOCAL_GET) && last1 == len - 2) {
                    fuse(last1, op == Opcode.I32_LOAD ? Op.I32_LOAD_L : Op.I32_LOAD8_U_L, out[last1 + 1], memOffset(r));
                    return;
                }
                emit(op.code(), memOffset(r));
            } else if (!fuseArithmetic(op)) {
                emit(op.code());
            }
        } else if (op.prefix() == Opcode.PREFIX_MISC && op.code() < 8) {
            emit(Op.TRUNC_SAT_BASE + op.code());
        } else if (op.prefix() == Opcode.PREFIX_MISC && op.code() >= 0x13 && op.code() <= 0x16) {
            emit(Op.WIDE_BASE + op.code() - 0x13);
        } else {
            throw new UnsupportedOperationException("the interpreter does not support " + op.mnemonic());
        }
    }

    /**
     * {@code local.get; (i32.const | local.get); i32.add/sub}, {@code i32.const; i32.add/sub} and
     * {@code local.get; local.get; f64.add/sub/mul} as one instruction.
     */
    private boolean fuseArithmetic(Opcode op) {
        if (op == Opcode.F64_ADD || op == Opcode.F64_SUB || op == Opcode.F64_MUL) {
            if (op != Opcode.F64_MUL && is(last1, Op.F64_MUL_LL) && last1 == len - 3 && is(last2, Op.F64_MUL_LL)
                    && last2 == len - 6) {
                fuse(last2, op == Opcode.F64_ADD ? Op.F64_ADD_PRODUCTS : Op.F64_SUB_PRODUCTS, out[last2 + 1], out[last2 + 2],
                        out[last1 + 1], out[last1 + 2]);
                return true;
            }
            if (op != Opcode.F64_MUL && is(last1, Op.F64_MUL_LL) && last1 == len - 3) {
                fuse(last1, op == Opcode.F64_ADD ? Op.F64_ADD_MUL_LL : Op.F64_SUB_MUL_LL, out[last1 + 1], out[last1 + 2]);
                return true;
            }
            if (op == Opcode.F64_MUL && is(last2, Op.CONST64) && last2 == len - 5 && is(last1, Op.LOCAL_GET)) {
                fuse(last2, Op.F64_MUL_CL, out[last2 + 1], out[last2 + 2], out[last1 + 1]);
                return true;
            }
            if (is(last2, Op.LOCAL_GET) && last2 == len - 4 && is(last1, Op.LOCAL_GET)) {
                int fused = op == Opcode.F64_ADD ? Op.F64_ADD_LL : op == Opcode.F64_SUB ? Op.F64_SUB_LL : Op.F64_MUL_LL;
                fuse(last2, fused, out[last2 + 1], out[last1 + 1]);
                return true;
            }
            if (is(last1, Op.LOCAL_GET) && last1 == len - 2) {
                int fused = op == Opcode.F64_ADD ? Op.F64_ADD_L : op == Opcode.F64_SUB ? Op.F64_SUB_L : Op.F64_MUL_L;
                fuse(last1, fused, out[last1 + 1]);
                return true;
            }
            return false;
        }
        if (op == Opcode.I32_MUL && is(last2, Op.LOCAL_GET) && last2 == len - 4 && is(last1, Op.LOCAL_GET)) {
            fuse(last2, Op.I32_MUL_LL, out[last2 + 1], out[last1 + 1]);
            return true;
        }
        if (op == Opcode.I32_MUL || op == Opcode.I32_AND || op == Opcode.I32_SHL || op == Opcode.I32_SHR_U) {
            if (is(last1, Op.CONST32) && last1 == len - 2) {
                int fused = op == Opcode.I32_MUL ? Op.I32_MUL_C : op == Opcode.I32_AND ? Op.I32_AND_C
                        : op == Opcode.I32_SHL ? Op.I32_SHL_C : Op.I32_SHR_U_C;
                fuse(last1, fused, out[last1 + 1]);
                return true;
            }
            return false;
        }
        if (op != Opcode.I32_ADD && op != Opcode.I32_SUB) {
            return false;
        }
        if (!is(last2, Op.LOCAL_GET) || last2 != len - 4) {
            if (is(last1, Op.CONST32) && last1 == len - 2) {
                int c = out[last1 + 1];
                fuse(last1, Op.I32_ADD_C, op == Opcode.I32_ADD ? c : -c);
                return true;
            }
            if (op == Opcode.I32_ADD && is(last1, Op.LOCAL_GET) && last1 == len - 2) {
                fuse(last1, Op.I32_ADD_L, out[last1 + 1]);
                return true;
            }
            return false;
        }
        int a = out[last2 + 1];
        if (is(last1, Op.CONST32)) {
            int c = out[last1 + 1];
            fuse(last2, Op.I32_ADD_LC, a, op == Opcode.I32_ADD ? c : -c);
            return true;
        }
        if (is(last1, Op.LOCAL_GET)) {
            fuse(last2, op == Opcode.I32_ADD ? Op.I32_ADD_LL : Op.I32_SUB_LL, a, out[last1 + 1]);
            return true;
        }
        return false;
    }

    private static int memOffset(CodeReader r) {
        long offset = r.memOffset();
        if (offset < 0 || offset > 0xFFFFFFFFL) {
            throw new UnsupportedOperationException("64-bit memory offsets are not supported by the interpreter");
        }
        return (int) offset;
    }

    private void simd(Opcode op, CodeReader r, Signature sig) {
        pop(sig.params.length);
        push(sig.results);
        switch (op.immKind()) {
            case MEMARG:
                emit(Op.SIMD_MEM, op.code(), memOffset(r));
                emit(0, r.memIdx());
                return;
            case MEMARG_LANE:
                emit(Op.SIMD_MEM, op.code(), memOffset(r));
                emit(r.lane(), r.memIdx());
                return;
            case LANE:
                emit(Op.SIMD_IMM, op.code(), r.index());
                emit(0, 0, 0);
                return;
            case SHUFFLE:
                emit(Op.SIMD_IMM, op.code(), (int) r.value());
                emit((int) (r.value() >>> 32), (int) r.value2(), (int) (r.value2() >>> 32));
                return;
            default:
                emit(Op.SIMD, op.code());
        }
    }
}
