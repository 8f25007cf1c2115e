package dev.robusta.wasm.validate;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.GlobalType;
import dev.robusta.wasm.MemoryType;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeReader;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Validates one expression (a function body or a constant expression) with the algorithm of the spec's
 * appendix: an operand stack of value types, where null is the unknown type of unreachable code, and a
 * control stack of frames for the enclosing blocks. It works in one pass over the binary code with no
 * recursion, so the nesting depth is bounded only by memory, and allocates nothing per instruction.
 *
 * <p>Instructions with a fixed signature ({@link Opcode#signature()}) share one rule; the others have their
 * own below. A validator instance is reused for every expression of a module.
 *
 * @see <a href="https://webassembly.github.io/spec/core/appendix/algorithm.html">Validation algorithm</a>
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html">Instructions</a>
 */
final class CodeValidator {
    private static final List<ValType> NONE = List.of();

    private final ModuleContext ctx;
    private final Features features;
    private final Subtyping sub;

    /** The operand stack; null entries are unknown types. */
    private ValType[] vals = new ValType[64];
    private int valCount;
    /** The control stack; frames are reused. */
    private Frame[] ctrls = new Frame[16];
    private int ctrlCount;
    /** The operand types an instruction needs, gathered before they are popped together. */
    private ValType[] needs = new ValType[16];
    private int needCount;

    private Locals locals;
    private List<ValType> returns;
    /**
     * Initialization of non-defaultable locals (3.0): which are set, and the stack of those set since
     * the enclosing blocks began (they become unset again when their block ends). Null when the function
     * has no such local.
     */
    private BitSet initialized;
    private int[] inits = new int[8];
    private int initCount;
    private int visibleGlobals;

    // The block type last read by blockType().
    private List<ValType> btParams;
    private List<ValType> btResults;

    /** A control frame: a block, loop, if, else or the function body itself. */
    private static final class Frame {
        Opcode kind;
        List<ValType> params;
        List<ValType> results;
        int height;
        boolean unreachable;
        /** The height of the stack of initialized locals when the frame was entered. */
        int initHeight;

        List<ValType> labelTypes() {
            return kind == Opcode.LOOP ? params : results;
        }
    }

    CodeValidator(ModuleContext ctx) {
        this.ctx = ctx;
        this.features = ctx.features;
        this.sub = ctx.subtyping;
    }

    /** The module's context, for the rules kept in other classes. */
    ModuleContext ctx() {
        return ctx;
    }

    /**
     * Validates a function body against its type.
     *
     * @param where names the function in error messages, such as "function 3"
     */
    void validateFunction(FuncType type, Locals locals, Expression body, String where) {
        this.locals = locals;
        this.returns = type.results();
        this.visibleGlobals = ctx.globalCount();
        this.initialized = locals.hasNonDefaultable() ? new BitSet() : null;
        this.initCount = 0;
        run(body, where);
    }

    /**
     * Validates the typing of a constant expression (its constness is checked by {@link ConstantExpressions}).
     *
     * @param visibleGlobals how many globals the expression may refer to
     */
    void validateConstant(Expression expr, ValType type, int visibleGlobals, String where) {
        this.locals = Locals.NONE;
        this.returns = ValTypes.list(type);
        this.visibleGlobals = visibleGlobals;
        this.initialized = null;
        this.initCount = 0;
        run(expr, where);
    }

    private void run(Expression expr, String where) {
        valCount = 0;
        ctrlCount = 0;
        pushCtrl(Opcode.BLOCK, NONE, returns);
        CodeReader r = new CodeReader(expr, features);
        try {
            while (r.hasNext()) {
                instruction(r.next(), r);
                if (ctrlCount == 0) {
                    if (r.hasNext()) {
                        throw CompileException.malformed("unexpected content after last 'end' (" + where + ")",
                                expr.offset() < 0 ? -1 : r.offset());
                    }
                    return;
                }
            }
        } catch (Invalid e) {
            throw e.at(place(where, expr, r), expr.offset() < 0 ? -1 : r.instructionOffset());
        }
        throw CompileException.malformed("unexpected end of expression: 'end' expected (" + where + ")",
                expr.offset() < 0 ? -1 : r.offset());
    }

    private static String place(String where, Expression expr, CodeReader r) {
        if (expr.offset() < 0) {
            return where + ", " + r.opcode() + " at expression byte " + r.instructionOffset();
        }
        return where + ", " + r.opcode() + " at offset 0x" + Long.toHexString(r.instructionOffset());
    }

    // ---- the instructions ----

    private void instruction(Opcode op, CodeReader r) {
        Signature sig = Signature.of(op);
        if (sig != null) {
            fixed(op, sig, r);
            return;
        }
        switch (op) {
            case UNREACHABLE: unreachable(); break;
            case NOP: break;
            case BLOCK: case LOOP:
                blockType(r);
                needClear();
                need(btParams);
                popNeeds();
                pushCtrl(op, btParams, btResults);
                break;
            case IF:
                blockType(r);
                needClear();
                need(btParams);
                need(ValType.I32);
                popNeeds();
                pushCtrl(op, btParams, btResults);
                break;
            case ELSE: elseInstr(r); break;
            case END: end(); break;
            case BR: br(r.index()); break;
            case BR_IF: brIf(r.index()); break;
            case BR_TABLE: brTable(r); break;
            case RETURN:
                popAll(returns);
                unreachable();
                break;
            case CALL: call(ctx.func(r.index())); break;
            case CALL_INDIRECT: callIndirect(r.index(), r.index2(), false); break;
            case RETURN_CALL: returnCall(ctx.func(r.index())); break;
            case RETURN_CALL_INDIRECT: callIndirect(r.index(), r.index2(), true); break;
            case DROP: popAny(); break;
            case SELECT: select(); break;
            case SELECT_T: selectTyped(r.selectTypes()); break;
            case LOCAL_GET: push(localGet(r.index())); break;
            case LOCAL_SET: localSet(r.index()); break;
            case LOCAL_TEE: push(localSet(r.index())); break;
            case GLOBAL_GET: push(ctx.global(r.index(), visibleGlobals).valType()); break;
            case GLOBAL_SET: globalSet(r.index()); break;
            case TABLE_GET: tableGet(r.index()); break;
            case TABLE_SET: tableSet(r.index()); break;
            case I32_CONST: push(ValType.I32); break;
            case I64_CONST: push(ValType.I64); break;
            case F32_CONST: push(ValType.F32); break;
            case F64_CONST: push(ValType.F64); break;
            case V128_CONST: push(ValType.V128); break;
            case REF_NULL:
                ctx.checkHeapType(r.index());
                push(ValType.ref(true, r.index()));
                break;
            case REF_IS_NULL: refIsNull(); break;
            case REF_FUNC: refFunc(r.index()); break;
            case ATOMIC_FENCE: break;
            default:
                if (!TableMemoryRules.apply(this, op, r) && !ReferenceRules.apply(this, op, r)
                        && !ExceptionRules.apply(this, op, r) && !GcRules.apply(this, op, r)) {
                    throw new Invalid("unsupported instruction " + op.mnemonic());
                }
                break;
        }
    }

    /** The one rule of every instruction with a fixed signature, plus its memory and lane immediates. */
    private void fixed(Opcode op, Signature sig, CodeReader r) {
        ValType address = null;
        switch (op.immKind()) {
            case MEMARG:
                address = memarg(op, r);
                break;
            case MEMARG_LANE:
                address = memarg(op, r);
                lane(op, r.lane());
                break;
            case LANE:
                lane(op, r.index());
                break;
            case SHUFFLE:
                shuffle(r.value(), r.value2());
                break;
            default:
                break;
        }
        if (sig.hasAddress) {
            needClear();
            for (ValType t : sig.params) {
                need(t == null ? address : t);
            }
            popNeeds();
        } else {
            popVals(sig.params, sig.params.length, true, "instruction");
        }
        for (ValType t : sig.results) {
            push(t);
        }
    }

    /** Checks a memory argument; returns the memory's address type. */
    private ValType memarg(Opcode op, CodeReader r) {
        MemoryType mt = ctx.memory(r.memIdx());
        int natural = MemoryAccess.naturalAlignment(op);
        if (Integer.compareUnsigned(r.align(), natural) > 0) {
            throw new Invalid("alignment must not be larger than natural");
        }
        if (op.prefix() == Opcode.PREFIX_THREADS && r.align() != natural) {
            throw new Invalid("atomic alignment must be natural");
        }
        boolean is64 = mt.limits().is64();
        if (!is64 && Long.compareUnsigned(r.memOffset(), 0xFFFF_FFFFL) > 0) {
            throw new Invalid("offset out of range");
        }
        return ModuleContext.addressType(is64);
    }

    private static void lane(Opcode op, int lane) {
        if (Integer.compareUnsigned(lane, MemoryAccess.laneCount(op)) >= 0) {
            throw new Invalid("invalid lane index");
        }
    }

    private static void shuffle(long lo, long hi) {
        for (int i = 0; i < 8; i++) {
            if (((lo >>> (8 * i)) & 0xFF) >= 32 || ((hi >>> (8 * i)) & 0xFF) >= 32) {
                throw new Invalid("invalid lane index");
            }
        }
    }

    void blockType(CodeReader r) {
        int idx = r.blockTypeIndex();
        if (idx >= 0) {
            FuncType ft = ctx.type(idx);
            btParams = ft.params();
            btResults = ft.results();
        } else if (r.blockValType() != null) {
            ctx.checkValType(r.blockValType());
            btParams = NONE;
            btResults = ValTypes.list(r.blockValType());
        } else {
            btParams = NONE;
            btResults = NONE;
        }
    }

    private void elseInstr(CodeReader r) {
        Frame f = ctrls[ctrlCount - 1];
        if (f.kind != Opcode.IF) {
            throw CompileException.malformed("'else' without matching 'if'", r.instructionOffset());
        }
        popCtrl();
        pushCtrl(Opcode.ELSE, f.params, f.results);
    }

    private void end() {
        Frame f = popCtrl();
        if (f.kind == Opcode.IF && !sameTypes(f.params, f.results)) {
            // An if without else: the missing else branch passes its parameters through as results.
            throw new Invalid("type mismatch: if without else requires " + ValTypes.toString(f.results)
                    + " but its parameters are " + ValTypes.toString(f.params));
        }
        pushAll(f.results);
    }

    boolean sameTypes(List<ValType> params, List<ValType> results) {
        if (params.size() != results.size()) {
            return false;
        }
        for (int i = 0; i < params.size(); i++) {
            if (!sub.matches(params.get(i), results.get(i))) {
                return false;
            }
        }
        return true;
    }

    private Frame label(int depth) {
        if (Integer.compareUnsigned(depth, ctrlCount) >= 0) {
            throw ModuleContext.unknown("label", depth);
        }
        return ctrls[ctrlCount - 1 - depth];
    }

    /** The types a branch to label {@code depth} (u32) carries: "unknown label" when there is none. */
    List<ValType> labelTypes(int depth) {
        return label(depth).labelTypes();
    }

    /** The kind of the frame at label {@code depth} (u32): BLOCK (also the function), LOOP, IF, ELSE, TRY... */
    Opcode labelKind(int depth) {
        return label(depth).kind;
    }

    /** The kind of the innermost frame. */
    Opcode innermostKind() {
        return ctrls[ctrlCount - 1].kind;
    }

    /** Ends the innermost frame (checking its operands are its results); returns its results. */
    List<ValType> endFrame() {
        return popCtrl().results;
    }

    /** The parameters of the block type last read by {@link #blockType}. */
    List<ValType> blockParams() {
        return btParams;
    }

    /** The results of the block type last read by {@link #blockType}. */
    List<ValType> blockResults() {
        return btResults;
    }

    private void br(int depth) {
        popAll(label(depth).labelTypes());
        unreachable();
    }

    private void brIf(int depth) {
        List<ValType> ts = label(depth).labelTypes();
        needClear();
        need(ts);
        need(ValType.I32);
        popNeeds();
        pushAll(ts);
    }

    private void brTable(CodeReader r) {
        pop(ValType.I32);
        List<ValType> defaults = label(r.index()).labelTypes();
        int arity = defaults.size();
        for (int i = 0; i < r.labelCount(); i++) {
            List<ValType> ts = label(r.label(i)).labelTypes();
            if (ts.size() != arity) {
                throw new Invalid("type mismatch: br_table targets have different arities: "
                        + ValTypes.toString(ts) + " and " + ValTypes.toString(defaults));
            }
            needClear();
            need(ts);
            popVals(needs, needCount, false, "instruction");
        }
        popAll(defaults);
        unreachable();
    }

    private void call(FuncType ft) {
        popAll(ft.params());
        pushAll(ft.results());
    }

    private void returnCall(FuncType ft) {
        checkTailCallResults(ft);
        popAll(ft.params());
        unreachable();
    }

    void checkTailCallResults(FuncType ft) {
        if (!sameTypes(ft.results(), returns)) {
            throw new Invalid("type mismatch: tail call returns " + ValTypes.toString(ft.results())
                    + " but the function returns " + ValTypes.toString(returns));
        }
    }

    private void callIndirect(int typeIdx, int tableIdx, boolean tail) {
        TableType tt = ctx.table(tableIdx);
        FuncType ft = ctx.type(typeIdx);
        if (!sub.matches(tt.elemType(), ValType.FUNCREF)) {
            throw new Invalid("type mismatch: call_indirect requires a table of functions but table "
                    + Integer.toUnsignedString(tableIdx) + " has " + tt.elemType());
        }
        if (tail) {
            checkTailCallResults(ft);
        }
        needClear();
        need(ft.params());
        need(ModuleContext.addressType(tt.limits().is64()));
        popNeeds();
        if (tail) {
            unreachable();
        } else {
            pushAll(ft.results());
        }
    }

    private void select() {
        pop(ValType.I32);
        ValType t1 = popAny();
        ValType t2 = popAny();
        if (!(isNumOrUnknown(t1) && isNumOrUnknown(t2)) && !(isVecOrUnknown(t1) && isVecOrUnknown(t2))) {
            throw new Invalid("type mismatch: select requires numeric or vector operands but has "
                    + ValTypes.toString(t2) + " and " + ValTypes.toString(t1));
        }
        if (t1 != null && t2 != null && !t1.equals(t2)) {
            throw new Invalid("type mismatch: select operands " + t2 + " and " + t1 + " differ");
        }
        push(t1 == null ? t2 : t1);
    }

    private static boolean isNumOrUnknown(ValType t) {
        return t == null || t.isNumber();
    }

    private static boolean isVecOrUnknown(ValType t) {
        return t == null || t.isVector();
    }

    private void selectTyped(List<ValType> ts) {
        if (ts.size() != 1) {
            throw new Invalid("invalid result arity");
        }
        ValType t = ts.get(0);
        ctx.checkValType(t);
        needClear();
        need(t);
        need(t);
        need(ValType.I32);
        popNeeds();
        push(t);
    }

    private ValType local(int idx) {
        ValType t = locals.type(idx);
        if (t == null) {
            throw ModuleContext.unknown("local", idx);
        }
        return t;
    }

    private ValType localGet(int idx) {
        ValType t = local(idx);
        if (initialized != null && !initialized.get(idx) && !locals.isInitialized(idx)) {
            throw new Invalid("uninitialized local " + idx);
        }
        return t;
    }

    /** local.set: pops the value and marks the local initialized; returns its type. */
    private ValType localSet(int idx) {
        ValType t = local(idx);
        pop(t);
        if (initialized != null && !initialized.get(idx) && !locals.isInitialized(idx)) {
            initialized.set(idx);
            if (initCount == inits.length) {
                inits = Arrays.copyOf(inits, initCount * 2);
            }
            inits[initCount++] = idx;
        }
        return t;
    }

    private void resetInits(int height) {
        while (initCount > height) {
            initialized.clear(inits[--initCount]);
        }
    }

    private void globalSet(int idx) {
        GlobalType gt = ctx.global(idx, visibleGlobals);
        if (!gt.mutable()) {
            throw new Invalid(Messages.immutableGlobal(features));
        }
        pop(gt.valType());
    }

    private void tableGet(int idx) {
        TableType tt = ctx.table(idx);
        pop(ModuleContext.addressType(tt.limits().is64()));
        push(tt.elemType());
    }

    private void tableSet(int idx) {
        TableType tt = ctx.table(idx);
        needClear();
        need(ModuleContext.addressType(tt.limits().is64()));
        need(tt.elemType());
        popNeeds();
    }

    private void refIsNull() {
        ValType t = popAny();
        if (t != null && !t.isReference()) {
            throw new Invalid("type mismatch: ref.is_null requires a reference but stack has [" + t + "]");
        }
        push(ValType.I32);
    }

    private void refFunc(int funcIdx) {
        ctx.func(funcIdx);
        if (!ctx.isDeclaredRef(funcIdx)) {
            throw new Invalid("undeclared function reference " + funcIdx);
        }
        push(features.gc() ? ValType.ref(false, ctx.funcTypeIdx(funcIdx)) : ValType.FUNCREF);
    }

    // ---- operand stack ----

    void push(ValType t) {
        if (valCount == vals.length) {
            vals = Arrays.copyOf(vals, valCount * 2);
        }
        vals[valCount++] = t;
    }

    void pushAll(List<ValType> ts) {
        for (int i = 0, n = ts.size(); i < n; i++) {
            push(ts.get(i));
        }
    }

    /** Pops one operand of any type; null when it is unknown (unreachable code). */
    ValType popAny() {
        Frame f = ctrls[ctrlCount - 1];
        if (valCount == f.height) {
            if (f.unreachable) {
                return null;
            }
            throw new Invalid("type mismatch: instruction requires [any] but stack has []");
        }
        return vals[--valCount];
    }

    /**
     * Pops {@code n} (a u32) operands that must match {@code t}, without gathering them first: in
     * unreachable code the missing ones are unknown, however many.
     */
    void popRepeated(ValType t, long n) {
        Frame f = ctrls[ctrlCount - 1];
        int avail = valCount - f.height;
        if (n > avail && !f.unreachable) {
            throw new Invalid("type mismatch: instruction requires " + n + " operands of type " + t
                    + " but stack has " + avail);
        }
        int k = (int) Math.min(n, avail);
        for (int i = 0; i < k; i++) {
            ValType actual = vals[valCount - 1 - i];
            if (!sub.matches(actual, t)) {
                throw new Invalid("type mismatch: instruction requires " + t + " operands but stack has "
                        + ValTypes.toString(actual));
            }
        }
        valCount -= k;
    }

    /** Pops one operand that must match {@code t}. */
    void pop(ValType t) {
        needClear();
        need(t);
        popNeeds();
    }

    void popAll(List<ValType> ts) {
        needClear();
        need(ts);
        popNeeds();
    }

    void needClear() {
        needCount = 0;
    }

    void need(ValType t) {
        if (needCount == needs.length) {
            needs = Arrays.copyOf(needs, needCount * 2);
        }
        needs[needCount++] = t;
    }

    void need(List<ValType> ts) {
        for (int i = 0, n = ts.size(); i < n; i++) {
            need(ts.get(i));
        }
    }

    /** Pops the operands gathered with {@link #need}, the last one from the top. */
    void popNeeds() {
        popVals(needs, needCount, true, "instruction");
    }

    /**
     * Checks (and with {@code remove}, pops) operands matching {@code ts[0..n)}, the last on top. Missing
     * operands are unknown in unreachable code and a type mismatch otherwise.
     */
    private void popVals(ValType[] ts, int n, boolean remove, String role) {
        Frame f = ctrls[ctrlCount - 1];
        int avail = valCount - f.height;
        for (int i = 0; i < n; i++) {
            if (i >= avail) {
                if (!f.unreachable) {
                    throw mismatch(role, ts, n, Math.min(n, avail));
                }
                break;
            }
            if (!sub.matches(vals[valCount - 1 - i], ts[n - 1 - i])) {
                throw mismatch(role, ts, n, Math.min(n, avail));
            }
        }
        if (remove) {
            valCount -= Math.min(n, avail);
        }
    }

    private Invalid mismatch(String role, ValType[] ts, int n, int shown) {
        StringBuilder sb = new StringBuilder("type mismatch: ").append(role).append(" requires ");
        ValTypes.append(sb, ts, 0, n);
        sb.append(" but stack has ");
        ValTypes.append(sb, vals, valCount - shown, valCount);
        return new Invalid(sb.toString());
    }

    // ---- control stack ----

    void pushCtrl(Opcode kind, List<ValType> params, List<ValType> results) {
        if (ctrlCount == ctrls.length) {
            ctrls = Arrays.copyOf(ctrls, ctrlCount * 2);
        }
        Frame f = ctrls[ctrlCount];
        if (f == null) {
            f = new Frame();
            ctrls[ctrlCount] = f;
        }
        ctrlCount++;
        f.kind = kind;
        f.params = params;
        f.results = results;
        f.height = valCount;
        f.unreachable = false;
        f.initHeight = initCount;
        pushAll(params);
    }

    /** Pops the innermost frame after checking that its operands are exactly its results. */
    private Frame popCtrl() {
        Frame f = ctrls[ctrlCount - 1];
        needClear();
        need(f.results);
        // As the reference interpreter words it: missing or wrong results are what the "instruction"
        // (end) requires; operands left over are what the "block" does not take.
        popVals(needs, needCount, true, "instruction");
        if (valCount != f.height) {
            // Too many operands: report all of them, the popped results included.
            valCount += needCount;
            throw mismatch("block", needs, needCount, valCount - f.height);
        }
        ctrlCount--;
        resetInits(f.initHeight);
        return f;
    }

    void unreachable() {
        Frame f = ctrls[ctrlCount - 1];
        valCount = f.height;
        f.unreachable = true;
    }
}
