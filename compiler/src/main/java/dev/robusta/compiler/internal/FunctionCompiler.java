package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.ByteArrayMemory;
import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.GlobalInstance;
import dev.robusta.runtime.internal.TableInstance;
import dev.robusta.runtime.internal.Traps;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.ImmKind;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeReader;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one function body to the body of its static method, in one pass over the instructions after a
 * short analysis (the instruction count, for the fuel a call costs, and whether the body uses memory).
 *
 * <p>The WebAssembly operand stack is the JVM operand stack; a type stack follows it as the validator's
 * does. Locals are JVM locals: the parameters, then the context and the call depth, then the declared
 * locals (zeroed in the prologue), the memory's {@code byte[]} and scratch locals. Blocks and ifs end at a
 * label; a loop starts at one. A branch that leaves values of enclosing code below the values it carries
 * moves them through scratch locals. Code after an unconditional branch is not emitted, as the interpreter's
 * lowering does, and a block whose end nothing reaches makes the code after it unreachable too.
 *
 * <p>Every method has the same shape: the prologue ({@link Ctx#depthCheck}: the call depth, which
 * interruption and the deadline also trip; with fuel {@link Ctx#prologue}, which charges the call too), the
 * zeroing of the locals and the load of the memory, then the body inside a handler that adds the function
 * to the wasm stack trace of a trap. Loop back-edges charge fuel ({@link Ctx#charge}); the memory's
 * {@code byte[]} is reloaded after calls and {@code memory.grow} when the memory can grow.
 */
final class FunctionCompiler implements Opcodes {
    private static final int BLOCK = 0, LOOP = 1, IF = 2, FUNCTION = 3;
    private static final ValType[] NONE = new ValType[0];

    private static final String CTX = Type.getInternalName(Ctx.class);
    private static final String EXEC = Type.getInternalName(Exec.class);
    private static final String MEM = Type.getInternalName(Mem.class);
    /** The owner of the loads and stores: {@link UnsafeMem} where it works, else {@link Mem}. */
    private static final String ACCESS = Type.getInternalName(UnsafeMem.AVAILABLE ? UnsafeMem.class : Mem.class);
    private static final String TABLES = Type.getInternalName(Tables.class);
    private static final String CALLS = Type.getInternalName(Calls.class);
    private static final String GLOBALS = Type.getInternalName(Globals.class);
    private static final String V128S = Type.getInternalName(V128s.class);
    private static final String SIMD_MEM = Type.getInternalName(SimdMem.class);
    private static final String TRACE = Type.getInternalName(Trace.class);
    private static final String FRAME = Type.getInternalName(Frame.class);
    private static final String TRAPS = Type.getInternalName(Traps.class);
    private static final String TRAP = Type.getInternalName(Trap.class);
    private static final String TRAP_EXCEPTION = Type.getInternalName(TrapException.class);
    private static final String MEMORY = Type.getInternalName(ByteArrayMemory.class);
    private static final String TABLE = Type.getInternalName(TableInstance.class);
    private static final String TABLE_DESC = Type.getDescriptor(TableInstance.class);
    private static final String GLOBAL = Type.getInternalName(GlobalInstance.class);
    private static final String GLOBAL_DESC = Type.getDescriptor(GlobalInstance.class);
    private static final String FUNCTION_DESC = Type.getDescriptor(FunctionInstance.class);
    private static final String FUNCTIONS_DESC = Type.getDescriptor(FunctionInstance[].class);

    /** A block, loop, if or the function itself, while it is being compiled. */
    private static final class Ctl {
        int kind;
        ValType[] params;
        ValType[] results;
        /** The type stack height below the parameters. */
        int base;
        /** Block and if: the end; loop: the start. */
        Label label;
        /** If: the else branch, until it is placed. */
        Label elseLabel;
        boolean unreachable;
        /** Whether a branch goes to the end label. */
        boolean branched;
        int loopInstr;
        /** In a piece: a label of the caller (a branch to it returns from the piece). */
        boolean external;
        /** The position in the control stack. */
        int index;
        /** The recorder's id, and the arm of an if (1 after else). */
        int id = -1;
        int arm;
        /**
         * A block whose end is inside a group ({@link Split.Region#chain}) called from this method: the call,
         * which takes the index of the entry on the stack, and this block's entry.
         */
        Label groupCall;
        int groupEntry;
        /** An external copy: the code that leaves the piece for this label (given by the calling method). */
        int returnCode;

        /** A copy standing for this label in a piece called from here. */
        Ctl externalCopy() {
            Ctl c = new Ctl();
            c.kind = kind;
            c.params = params;
            c.results = results;
            c.loopInstr = loopInstr;
            c.index = index;
            c.external = true;
            return c;
        }
    }

    private final ClassGenerator gen;
    private final WasmModule m;
    private final int funcIdx;
    private final FuncType type;
    private final MethodVisitor mv;

    private ValType[] localType;
    private int[] localSlot;
    private int ctxSlot;
    private int depthSlot;
    private int memSlot = -1;
    /** The memory's size in bytes ({@code ByteArrayMemory.length}), read with {@link #memSlot}'s array. */
    private int memLengthSlot = -1;
    /** The local credit of loop back-edges when there is no fuel to count exactly; -1 when not needed. */
    private int creditSlot = -1;
    /** The context as the generated class, for its fields; -1 when not needed. */
    private int selfSlot = -1;
    private int tempBase;
    private int maxLocals;

    /** Notes sizes and accesses for the split (a scratch compilation), or null. */
    private final Split.Recorder recorder;
    /** The pieces of this function, or null when it is not split. */
    private final Split.Plan plan;
    /** The piece being compiled, or null for the function's own method. */
    private final Split.Region piece;
    /** A piece: the caller's labels. */
    private final Ctl[] externals;
    /** The local holding the exit code of the last piece called; -1 when the method calls none. */
    private int exitSlot = -1;
    /**
     * The labels of this method the pieces it calls may leave for, with their codes, and their copies in those
     * pieces (per method: the external labels of a piece are shared with the other pieces of its caller).
     */
    private final Map<Ctl, Integer> exitCodes = new java.util.IdentityHashMap<>();
    private final Map<Ctl, Ctl> copies = new java.util.IdentityHashMap<>();
    /** The shared dispatch of the exit codes of the pieces called at an empty stack, and its targets. */
    private Label sharedExit;
    private final java.util.TreeMap<Integer, Ctl> sharedTargets = new java.util.TreeMap<>();
    /** The calls of the groups this method makes, by group. */
    private final Map<Split.Region, Label> groupCalls = new java.util.HashMap<>();
    private int frameSlot = -1;
    private int frameRefsSlot = -1;
    private int[] frameIndex;
    private int frameSlots;
    private boolean refLocals;
    private int curPos;

    private ValType[] types = new ValType[16];
    private int tn;
    private Ctl[] ctl = new Ctl[8];
    private int cn;
    /** For the recorder, per block: the lowest stack height since its last boundary. */
    private int[] low = new int[8];
    private int skip;
    private int instr;
    private Cond pending;

    private FunctionCompiler(ClassGenerator gen, int funcIdx, MethodVisitor mv, Split.Recorder recorder,
                             Split.Plan plan, Split.Region piece, Ctl[] externals) {
        this.gen = gen;
        this.m = gen.model;
        this.funcIdx = funcIdx;
        this.type = gen.code.funcTypeOf(funcIdx);
        this.mv = mv;
        this.recorder = recorder;
        this.plan = plan;
        this.piece = piece;
        this.externals = externals;
    }

    /**
     * The descriptor of a piece: (frame, frame references, context, depth) to the exit code; a group of a
     * chain ({@link Split.Region#chain}) takes the index of its entry first.
     */
    static String pieceDesc(ClassGenerator gen, Split.Region r) {
        return (r.chain > 0 ? "(I" : "(") + "[J[Ljava/lang/Object;" + gen.ctxDesc + "I)I";
    }

    static String pieceName(int funcIdx, Split.Region r) {
        return "p" + funcIdx + "_" + r.id;
    }

    /** A piece waiting to be compiled: the run, and the labels of its caller. */
    static final class PendingPiece {
        final int funcIdx;
        final Split.Plan plan;
        final Split.Region region;
        final Ctl[] externals;

        PendingPiece(int funcIdx, Split.Plan plan, Split.Region region, Ctl[] externals) {
            this.funcIdx = funcIdx;
            this.plan = plan;
            this.region = region;
            this.externals = externals;
        }
    }

    /**
     * Compiles function {@code funcIdx} into a scratch method, noting what {@link Split} needs.
     *
     * @return the recorder, whose {@link Split.Recorder#size()} is the method's size
     */
    static Split.Recorder measure(ClassGenerator gen, int funcIdx) {
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(0);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "m", gen.functionDesc(gen.code.funcTypeOf(funcIdx)), null, null);
        Split.Recorder recorder = new Split.Recorder();
        new FunctionCompiler(gen, funcIdx, mv, recorder, null, null, null).compile();
        return recorder;
    }

    /** Compiles a piece of a split function into {@code mv} (a method of {@link #pieceDesc}); returns its size. */
    static int compilePiece(ClassGenerator gen, PendingPiece p, MethodVisitor mv) {
        return new FunctionCompiler(gen, p.funcIdx, mv, null, p.plan, p.region, p.externals).compilePiece();
    }

    /** Why a function cannot be one JVM method. */
    static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Checks that function {@code funcIdx} has few enough locals for JVM methods.
     *
     * @throws TooLargeException when its locals do not fit the JVM's limits (the function is interpreted)
     * @throws UnsupportedOperationException when its parameters do not fit a JVM descriptor (nor do calls to
     *     it: the module is interpreted)
     */
    static void checkLimits(dev.robusta.runtime.internal.ModuleCode code, int funcIdx) {
        FuncType t = code.funcTypeOf(funcIdx);
        int paramSize = JvmTypes.size(t.params());
        if (paramSize + 2 > 255) {
            throw new UnsupportedOperationException(code.frameName(funcIdx) + " has " + paramSize
                    + " parameter slots (the JVM allows 255 with the context)");
        }
        WasmModule m = code.model();
        FunctionBody body = m.codes().get(funcIdx - m.importedFuncCount());
        long slots = paramSize + 2L;
        for (LocalGroup g : body.locals()) {
            slots += (long) g.count() * JvmTypes.size(g.type());
        }
        if (slots > 60_000) {
            throw new TooLargeException("has " + slots + " local slots (the JVM allows 65,535)");
        }
    }

    /**
     * Emits the body of function {@code funcIdx} into {@code mv} (a method of the descriptor of its type);
     * with a plan, the pieces are queued on {@code gen}.
     *
     * @return the size of the method's code in bytes
     */
    static int compile(ClassGenerator gen, int funcIdx, MethodVisitor mv, Split.Plan plan) {
        return new FunctionCompiler(gen, funcIdx, mv, null, plan, null, null).compile();
    }

    private boolean usesMemory;
    private boolean usesFields;
    private boolean hasLoop;
    private int weight;
    /** How many instructions use the memory, and the first declared local (for {@link #layoutLocals}). */
    private int memoryUses;
    private int firstLocalUses;

    /** The analysis: the instruction count (the fuel of a call) and what the body uses. */
    private void scan(FunctionBody body) {
        CodeReader scan = new CodeReader(body.body(), gen.features);
        int firstLocal = type.params().size();
        while (scan.hasNext()) {
            Opcode op = scan.next();
            weight++;
            if (usesMemory(op)) {
                usesMemory = true;
                memoryUses++;
            } else if ((op == Opcode.LOCAL_GET || op == Opcode.LOCAL_SET || op == Opcode.LOCAL_TEE)
                    && scan.index() == firstLocal) {
                firstLocalUses++;
            }
            usesFields |= usesFields(op);
            hasLoop |= op == Opcode.LOOP;
        }
        weight = Math.max(1, weight);
    }

    /**
     * Assigns JVM locals from {@code slot}: the wasm locals, then the memory, context and credit locals. In a
     * function's own method the memory's {@code byte[]} goes before the declared locals when that gives it
     * one of the slots 0-3 (whose loads take one byte instead of two) and the body uses the memory more
     * often than the local it displaces: it keeps large functions under HotSpot's 8,000-byte limit.
     */
    private int layoutLocals(FunctionBody body, int slot, boolean main) {
        int n = type.params().size() + (int) body.localCount();
        localType = new ValType[n];
        localSlot = new int[n];
        frameIndex = new int[n];
        int i = 0;
        for (ValType t : type.params()) {
            localType[i++] = t;
        }
        for (LocalGroup g : body.locals()) {
            for (int k = 0; k < g.count(); k++) {
                localType[i++] = g.type();
            }
        }
        for (int k = 0; k < n; k++) {
            if (main && k == type.params().size()) {
                ctxSlot = slot++;
                depthSlot = slot++;
                if (slot <= 3 && usesMemory && gen.hasMemory && memoryUses > firstLocalUses) {
                    memSlot = slot++;
                    memLengthSlot = slot++;
                }
            }
            localSlot[k] = slot;
            slot += JvmTypes.size(localType[k]);
            frameIndex[k] = frameSlots;
            frameSlots += JvmTypes.slots(localType[k]);
            refLocals |= localType[k].isReference();
        }
        if (main && n == type.params().size()) {
            ctxSlot = slot++;
            depthSlot = slot++;
        }
        if (usesMemory && gen.hasMemory && memSlot < 0) {
            memSlot = slot++;
            memLengthSlot = slot++;
        }
        if (usesFields) {
            selfSlot = slot++;
        }
        if (hasLoop && !gen.exactFuel) {
            creditSlot = slot++;
        }
        if (main && (recorder != null || plan != null && !plan.isEmpty())) {
            frameSlot = slot++;
            frameRefsSlot = slot++;
        }
        if (plan != null && !plan.isEmpty()) {
            exitSlot = slot++;
        }
        return slot;
    }

    /** The loads every method does after its prologue: memory, the context as its class, the credit. */
    private void setUpLocals() {
        reloadMemory();
        if (creditSlot >= 0) {
            JvmTypes.iconst(mv, Ctx.FIRST_CREDIT);
            mv.visitVarInsn(ISTORE, creditSlot);
        }
        if (selfSlot >= 0) {
            mv.visitVarInsn(ALOAD, ctxSlot);
            mv.visitTypeInsn(CHECKCAST, gen.className);
            mv.visitVarInsn(ASTORE, selfSlot);
        }
    }

    private int compile() {
        FunctionBody body = m.codes().get(funcIdx - m.importedFuncCount());
        scan(body);
        int firstDeclared = type.params().size();
        tempBase = layoutLocals(body, 0, true);
        maxLocals = tempBase;

        mv.visitCode();
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, TRAP_EXCEPTION);
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitVarInsn(ILOAD, depthSlot);
        if (gen.exactFuel) {
            JvmTypes.iconst(mv, weight);
            mv.visitMethodInsn(INVOKESTATIC, CTX, "prologue", "(L" + CTX + ";II)V", false);
        } else {
            mv.visitMethodInsn(INVOKESTATIC, CTX, "depthCheck", "(L" + CTX + ";I)V", false);
        }
        if (frameSlot < 0) {
            for (int k = firstDeclared; k < localType.length; k++) {
                JvmTypes.zero(mv, localType[k]);
                JvmTypes.store(mv, localType[k], localSlot[k]);
            }
        }
        if (frameSlot >= 0) {
            JvmTypes.iconst(mv, Math.max(1, frameSlots));
            mv.visitIntInsn(NEWARRAY, T_LONG);
            mv.visitVarInsn(ASTORE, frameSlot);
            if (refLocals) {
                JvmTypes.iconst(mv, Math.max(1, frameSlots));
                mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
            } else {
                mv.visitInsn(ACONST_NULL);
            }
            mv.visitVarInsn(ASTORE, frameRefsSlot);
            for (int k = 0; k < firstDeclared; k++) {
                JvmTypes.load(mv, localType[k], localSlot[k]);
                storeLocal(k);
            }
        }
        setUpLocals();
        mv.visitLabel(tryStart);

        push(FUNCTION, NONE, type.results().toArray(NONE));
        run(new CodeReader(body.body(), gen.features), -1);
        emitSharedExit();
        if (recorder != null) {
            Label end = new Label();
            mv.visitLabel(end);
            recorder.end(end);
        }
        mv.visitLabel(tryEnd);
        mv.visitLabel(handler);
        mv.visitLdcInsn(gen.code.frameName(funcIdx));
        mv.visitMethodInsn(INVOKESTATIC, TRACE, "frame",
                "(L" + TRAP_EXCEPTION + ";Ljava/lang/String;)L" + TRAP_EXCEPTION + ";", false);
        mv.visitInsn(ATHROW);
        return finish();
    }

    /** Ends the method; returns the size of its code. */
    private int finish() {
        Label end = new Label();
        mv.visitLabel(end);
        mv.visitMaxs(0, maxLocals);
        mv.visitEnd();
        return end.getOffset();
    }

    /** A piece: locals (frame 0, frame references 1, context 2, depth 3, then its own; a group, its entry first). */
    private int compilePiece() {
        FunctionBody body = m.codes().get(funcIdx - m.importedFuncCount());
        if (plan.scan == null) {
            scan(body);
            plan.scan = new boolean[] {usesMemory, usesFields, hasLoop};
        } else {
            usesMemory = plan.scan[0];
            usesFields = plan.scan[1];
            hasLoop = plan.scan[2];
        }
        int first = piece.chain > 0 ? 1 : 0;
        frameSlot = first;
        frameRefsSlot = first + 1;
        ctxSlot = first + 2;
        depthSlot = first + 3;
        tempBase = layoutLocals(body, first + 4, false);
        maxLocals = tempBase;
        mv.visitCode();
        setUpLocals();
        for (Ctl c : externals) {
            ctl = cn == ctl.length ? Arrays.copyOf(ctl, cn * 2) : ctl;
            ctl[cn++] = c;
        }
        // the block the piece runs in: its own copy, since the piece's code marks it unreachable
        Ctl top = ctl[cn - 1];
        ctl[cn - 1] = new Ctl();
        ctl[cn - 1].kind = top.kind;
        ctl[cn - 1].params = top.params;
        ctl[cn - 1].results = top.results;
        ctl[cn - 1].loopInstr = top.loopInstr;
        ctl[cn - 1].index = top.index;
        ctl[cn - 1].external = true;
        ctl[cn - 1].returnCode = top.returnCode;
        instr = piece.startInstr;
        if (piece.chain > 0) {
            // a group: the blocks whose ends it holds, and the jump to its entry
            Label[] entries = new Label[piece.chain + 1];
            Label start = new Label();
            entries[0] = start;
            Ctl[] inner = new Ctl[piece.chain];
            for (int k = piece.chain; k >= 1; k--) {
                inner[k - 1] = push(BLOCK, NONE, NONE);
            }
            for (int k = 1; k <= piece.chain; k++) {
                if (piece.entries.get(k)) {
                    entries[k] = inner[k - 1].label;
                    inner[k - 1].branched = true;
                } else {
                    entries[k] = start;
                }
            }
            mv.visitVarInsn(ILOAD, 0);
            mv.visitTableSwitchInsn(0, piece.chain, start, entries);
            mv.visitLabel(start);
        }
        CodeReader r = new CodeReader(body.body(), gen.features);
        r.position(piece.start);
        run(r, piece.end);
        if (!ctl[cn - 1].unreachable) {
            mv.visitInsn(ICONST_0);
            mv.visitInsn(IRETURN);
        }
        emitSharedExit();
        return finish();
    }

    /** Compiles instructions until the function's end, or until position {@code end}. */
    private void run(CodeReader r, int end) {
        while (cn > 0 && (end < 0 ? r.hasNext() : r.position() < end)) {
            int pos = r.position();
            Ctl top = ctl[cn - 1];
            if (recorder != null) {
                Label here = new Label();
                mv.visitLabel(here);
                recorder.boundary(pos, instr, here, top.id, top.arm, !top.unreachable, tn - top.base,
                        low[cn - 1] - top.base, pending == null);
                low[cn - 1] = tn;
            }
            if (plan != null && !top.unreachable) {
                Split.Region region = plan.byStart.get(pos);
                for (Split.Region in = region; in != null; in = in.inner) {
                    if (in == piece) {
                        // the regions around this piece that start where it does, and itself, are not called here
                        region = piece.inner;
                        break;
                    }
                }
                if (region != null) {
                    if (region.chain > 0) {
                        callGroup(region);
                    } else {
                        callPiece(region);
                    }
                    r.position(region.end);
                    instr = region.endInstr;
                    continue;
                }
            }
            Opcode op = r.next();
            instr++;
            curPos = pos;
            if (top.unreachable) {
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
            instruction(op, r);
        }
    }

    // ---- pieces ----

    /** The locals of a split function live in its frame array, which its pieces share. */
    private boolean frameMode() {
        return frameSlot >= 0;
    }

    private void loadLocal(int i) {
        ValType t = localType[i];
        if (!frameMode()) {
            JvmTypes.load(mv, t, localSlot[i]);
        } else if (t.isReference()) {
            mv.visitVarInsn(ALOAD, frameRefsSlot);
            JvmTypes.iconst(mv, frameIndex[i]);
            mv.visitInsn(AALOAD);
        } else if (t.code() == ValType.CODE_V128) {
            mv.visitVarInsn(ALOAD, frameSlot);
            JvmTypes.iconst(mv, frameIndex[i]);
            mv.visitMethodInsn(INVOKESTATIC, FRAME, "getV128", "([JI)" + JvmTypes.desc(t), false);
        } else {
            mv.visitVarInsn(ALOAD, frameSlot);
            JvmTypes.iconst(mv, frameIndex[i]);
            mv.visitInsn(LALOAD);
            JvmTypes.fromSlot(mv, t);
        }
    }

    /** Stores the value on top of the stack in local {@code i}. */
    private void storeLocal(int i) {
        ValType t = localType[i];
        if (!frameMode()) {
            JvmTypes.store(mv, t, localSlot[i]);
        } else if (t.isReference()) {
            mv.visitVarInsn(ALOAD, frameRefsSlot);
            JvmTypes.iconst(mv, frameIndex[i]);
            mv.visitMethodInsn(INVOKESTATIC, FRAME, "set", "(Ljava/lang/Object;[Ljava/lang/Object;I)V", false);
        } else if (t.code() == ValType.CODE_V128) {
            mv.visitVarInsn(ALOAD, frameSlot);
            JvmTypes.iconst(mv, frameIndex[i]);
            mv.visitMethodInsn(INVOKESTATIC, FRAME, "set", "(" + JvmTypes.desc(t) + "[JI)V", false);
        } else {
            JvmTypes.toSlot(mv, t);
            mv.visitVarInsn(ALOAD, frameSlot);
            JvmTypes.iconst(mv, frameIndex[i]);
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
            mv.visitInsn(LASTORE);
        }
    }

    /** Calls the piece for {@code region} and branches on its exit code. */
    private void callPiece(Split.Region region) {
        materialize();
        invokePiece(region);
    }

    /**
     * Calls the group of a chain: the blocks whose ends it holds are closed here; a branch to the end of one
     * of them pushed the index of that end and jumped to the call (0 is the start).
     */
    private void callGroup(Split.Region region) {
        materialize();
        Ctl[] inner = new Ctl[region.chain];
        for (int k = 0; k < inner.length; k++) {
            inner[k] = ctl[cn - 1 - k];
            if (inner[k].kind != BLOCK || inner[k].params.length + inner[k].results.length > 0
                    || inner[k].base != tn) {
                throw new CompilerBugException("group p" + funcIdx + "_" + region.id + " crosses a block it cannot", null);
            }
        }
        cn -= inner.length;
        mv.visitInsn(ICONST_0);
        mv.visitLabel(groupCalls.computeIfAbsent(region, g -> new Label()));
        invokePiece(region);
    }

    /** Calls the piece of {@code region}, its entry index on the stack for a group, and branches on its exit. */
    private void invokePiece(Split.Region region) {
        mv.visitVarInsn(ALOAD, frameSlot);
        mv.visitVarInsn(ALOAD, frameRefsSlot);
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitMethodInsn(INVOKESTATIC, ClassGenerator.functionClass(funcIdx), pieceName(funcIdx, region),
                pieceDesc(gen, region), false);
        mv.visitVarInsn(ISTORE, exitSlot);
        if (gen.memoryCanGrow) {
            reloadMemory();
        }
        Ctl[] snapshot = new Ctl[cn];
        for (int i = 0; i < cn; i++) {
            snapshot[i] = copies.computeIfAbsent(ctl[i], Ctl::externalCopy);
        }
        // the labels the piece may leave for, each numbered once in this method
        java.util.TreeMap<Integer, Ctl> targets = new java.util.TreeMap<>();
        for (int e : region.exits) {
            Ctl target = label(e - 1);
            Integer code = exitCodes.get(target);
            if (code == null) {
                code = exitCodes.size() + 1;
                exitCodes.put(target, code);
                copies.get(target).returnCode = code;
            }
            targets.put(code, target);
        }
        gen.queuePiece(new PendingPiece(funcIdx, plan, region, snapshot));
        Label next = new Label();
        if (!targets.isEmpty() && tn == 0) {
            // at an empty stack, the exits go to the dispatch the method shares: one site for the JIT to
            // profile (a switch per call, whose cases not yet taken it prunes, deoptimized as often)
            if (sharedExit == null) {
                sharedExit = new Label();
            }
            for (Ctl target : targets.values()) {
                if (target.kind != LOOP) {
                    target.branched = true;
                }
            }
            sharedTargets.putAll(targets);
            mv.visitVarInsn(ILOAD, exitSlot);
            mv.visitJumpInsn(IFNE, sharedExit);
        } else if (!targets.isEmpty()) {
            mv.visitVarInsn(ILOAD, exitSlot);
            exitDispatch(targets, next);
        }
        mv.visitLabel(next);
        if (!region.fallsThrough) {
            JvmTypes.throwUnreachable(mv);
            markUnreachable();
        }
    }

    /** Branches on the exit code on the stack to {@code targets} (by code), or to {@code otherwise}. */
    private void exitDispatch(java.util.TreeMap<Integer, Ctl> targets, Label otherwise) {
        int[] keys = new int[targets.size()];
        Label[] stubs = new Label[keys.length];
        int k = 0;
        for (int code : targets.keySet()) {
            keys[k] = code;
            stubs[k++] = new Label();
        }
        mv.visitLookupSwitchInsn(otherwise, keys, stubs);
        k = 0;
        for (Ctl target : targets.values()) {
            mv.visitLabel(stubs[k++]);
            ValType[] arity = target.kind == LOOP ? target.params : target.results;
            int saved = tn;
            if (arity.length > 0) {
                loadResults(Arrays.asList(arity));
            }
            branch(target, false);
            tn = saved;
        }
    }

    /** Emits the dispatch shared by the piece calls at an empty stack, if any (after the method's code). */
    private void emitSharedExit() {
        if (sharedExit == null) {
            return;
        }
        mv.visitLabel(sharedExit);
        tn = 0;
        pending = null;
        mv.visitVarInsn(ILOAD, exitSlot);
        Label bad = new Label();
        exitDispatch(sharedTargets, bad);
        mv.visitLabel(bad);
        JvmTypes.throwUnreachable(mv);
    }

    /** Leaves a piece for label {@code c} of its caller: the carried values to the buffer, the exit code. */
    private void exitPiece(Ctl c) {
        ValType[] arity = c.kind == LOOP ? c.params : c.results;
        if (c.kind == LOOP) {
            chargeBackEdge(loopWeight(c));
        }
        if (c.returnCode == 0) {
            // a label the plan did not see this piece leave for (code it found unreachable)
            JvmTypes.throwUnreachable(mv);
            return;
        }
        if (arity.length > 0) {
            storeResults(Arrays.asList(arity));
        }
        JvmTypes.iconst(mv, c.returnCode);
        mv.visitInsn(IRETURN);
    }

    private static boolean usesMemory(Opcode op) {
        if (op.immKind() == ImmKind.MEMARG || op.immKind() == ImmKind.MEMARG_LANE) {
            return true;
        }
        switch (op) {
            case MEMORY_SIZE: case MEMORY_GROW: case MEMORY_INIT: case MEMORY_COPY: case MEMORY_FILL:
                return true;
            default:
                return false;
        }
    }

    private static boolean usesFields(Opcode op) {
        switch (op) {
            case GLOBAL_GET: case GLOBAL_SET: case TABLE_GET: case TABLE_SET: case TABLE_GROW: case TABLE_SIZE:
            case TABLE_FILL: case CALL_INDIRECT:
                return true;
            default:
                return false;
        }
    }

    // ---- the type stack ----

    private void push(ValType t) {
        if (tn == types.length) {
            types = Arrays.copyOf(types, tn * 2);
        }
        types[tn++] = t;
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
        lowered();
        return t;
    }

    private void pop(int count) {
        tn -= count;
        lowered();
    }

    /** Notes the stack height for the recorder: the lowest since the current block's last boundary. */
    private void lowered() {
        if (recorder != null && cn > 0 && tn < low[cn - 1]) {
            low[cn - 1] = tn;
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
        c.base = tn - params.length;
        c.label = new Label();
        c.loopInstr = instr;
        c.index = cn;
        if (recorder != null) {
            if (low.length <= cn) {
                low = Arrays.copyOf(low, cn * 2 + 2);
            }
            if (cn > 0) {
                low[cn - 1] = Math.min(low[cn - 1], c.base);
            }
            low[cn] = tn;
            c.id = recorder.ctlStart(cn == 0 ? -1 : ctl[cn - 1].id, cn, kind == FUNCTION ? -1 : curPos,
                    kind == BLOCK);
        }
        ctl[cn++] = c;
        return c;
    }

    private Ctl label(int depth) {
        return ctl[cn - 1 - depth];
    }

    private void markUnreachable() {
        ctl[cn - 1].unreachable = true;
        skip = 0;
        pending = null;
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

    /** Whether a branch to {@code c} from here is a plain jump: a block or if, with nothing to drop. */
    private boolean isPlain(Ctl c) {
        return !c.external && c.groupCall == null && (c.kind == BLOCK || c.kind == IF) && tn - c.results.length == c.base;
    }

    private int loopWeight(Ctl c) {
        return Math.max(1, instr - c.loopInstr);
    }

    /** Emits an unconditional branch to {@code c}; the type stack is left as it is. */
    private void branch(Ctl c) {
        branch(c, true);
    }

    /** A branch; {@code charge} false when a piece charged the loop back-edge already. */
    private void branch(Ctl c, boolean charge) {
        if (c.external) {
            exitPiece(c);
            return;
        }
        if (c.kind == FUNCTION) {
            emitReturn();
            return;
        }
        if (c.groupCall != null) {
            dropBelow(c.base, 0);
            JvmTypes.iconst(mv, c.groupEntry);
            mv.visitJumpInsn(GOTO, c.groupCall);
            return;
        }
        ValType[] arity = c.kind == LOOP ? c.params : c.results;
        dropBelow(c.base, arity.length);
        if (c.kind == LOOP) {
            if (charge) {
                chargeBackEdge(loopWeight(c));
            }
        } else {
            c.branched = true;
        }
        mv.visitJumpInsn(GOTO, c.label);
    }

    /**
     * Charges a loop back-edge. With fuel, the thread's budget exactly ({@link Ctx#charge}); without, a local
     * credit, refilled from the budget when it runs out ({@link Ctx#credit}): the budget then only paces the
     * checks of the deadline and interruption, and a register beats a field in a loop.
     */
    private void chargeBackEdge(int weight) {
        if (creditSlot < 0) {
            mv.visitVarInsn(ALOAD, ctxSlot);
            JvmTypes.iconst(mv, weight);
            mv.visitMethodInsn(INVOKESTATIC, CTX, "charge", "(L" + CTX + ";I)V", false);
            return;
        }
        Label enough = new Label();
        mv.visitIincInsn(creditSlot, -Math.min(weight, Ctx.MAX_LOOP_CHARGE));
        mv.visitVarInsn(ILOAD, creditSlot);
        mv.visitJumpInsn(IFGE, enough);
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitVarInsn(ILOAD, creditSlot);
        mv.visitMethodInsn(INVOKESTATIC, CTX, "credit", "(L" + CTX + ";I)I", false);
        mv.visitVarInsn(ISTORE, creditSlot);
        mv.visitLabel(enough);
    }

    /**
     * Removes from the JVM stack the values between type stack height {@code base} and the top {@code keep}
     * values (the type stack is not changed).
     */
    private void dropBelow(int base, int keep) {
        int junk = tn - keep - base;
        if (junk == 0) {
            return;
        }
        if (keep == 0) {
            for (int i = tn - 1; i >= base; i--) {
                JvmTypes.drop(mv, types[i]);
            }
            return;
        }
        if (keep == 1 && junk == 1 && JvmTypes.size(types[tn - 1]) == 1 && JvmTypes.size(types[tn - 2]) == 1) {
            mv.visitInsn(SWAP);
            mv.visitInsn(POP);
            return;
        }
        int[] at = tempSlots(tn - keep, keep);
        for (int j = keep - 1; j >= 0; j--) {
            JvmTypes.store(mv, types[tn - keep + j], at[j]);
        }
        for (int i = tn - keep - 1; i >= base; i--) {
            JvmTypes.drop(mv, types[i]);
        }
        for (int j = 0; j < keep; j++) {
            JvmTypes.load(mv, types[tn - keep + j], at[j]);
        }
    }

    /** Scratch locals for the {@code count} values at type stack index {@code from} and above. */
    private int[] tempSlots(int from, int count) {
        int[] at = new int[count];
        int slot = tempBase;
        for (int j = 0; j < count; j++) {
            at[j] = slot;
            slot += JvmTypes.size(types[from + j]);
        }
        maxLocals = Math.max(maxLocals, slot);
        return at;
    }

    /** Returns the function's results, the top values of the stack. */
    private void emitReturn() {
        if (piece != null) {
            exitPiece(ctl[0]);
            return;
        }
        List<ValType> results = type.results();
        if (results.isEmpty()) {
            mv.visitInsn(RETURN);
        } else if (results.size() == 1) {
            JvmTypes.returnValue(mv, results.get(0));
        } else {
            storeResults(results);
            mv.visitInsn(RETURN);
        }
    }

    /** Moves the top values (of types {@code results}) to the thread's result buffer. */
    private void storeResults(List<ValType> results) {
        int k = results.size();
        int[] at = tempSlots(tn - k, k);
        for (int j = k - 1; j >= 0; j--) {
            JvmTypes.store(mv, results.get(j), at[j]);
        }
        int arrays = at[k - 1] + JvmTypes.size(results.get(k - 1));
        loadResultArrays(arrays, JvmTypes.anyReference(results));
        int slot = 0;
        for (int j = 0; j < k; j++) {
            ValType t = results.get(j);
            JvmTypes.storeToSlots(mv, t, at[j], arrays, arrays + 1, slot);
            slot += JvmTypes.slots(t);
        }
    }

    /** Pushes the results of a call with several results from the thread's result buffer. */
    private void loadResults(List<ValType> results) {
        int arrays = tempBase;
        loadResultArrays(arrays, JvmTypes.anyReference(results));
        int slot = 0;
        for (ValType t : results) {
            JvmTypes.loadFromSlots(mv, t, arrays, arrays + 1, slot);
            slot += JvmTypes.slots(t);
            push(t);
        }
    }

    /** Stores the thread's result buffers in locals {@code at} (slots) and {@code at + 1} (references). */
    private void loadResultArrays(int at, boolean refs) {
        maxLocals = Math.max(maxLocals, at + 2);
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitFieldInsn(GETFIELD, CTX, "exec", "L" + EXEC + ";");
        if (refs) {
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, EXEC, "resultRefs", "[Ljava/lang/Object;");
            mv.visitVarInsn(ASTORE, at + 1);
        }
        mv.visitFieldInsn(GETFIELD, EXEC, "results", "[J");
        mv.visitVarInsn(ASTORE, at);
    }

    private void end() {
        Ctl c = ctl[--cn];
        if (recorder != null) {
            recorder.ctlEnd(c.id);
        }
        if (c.kind == FUNCTION) {
            if (!c.unreachable) {
                emitReturn();
            }
            return;
        }
        boolean reachable = !c.unreachable || c.branched;
        if (c.kind == IF && c.elseLabel != null) {
            mv.visitLabel(c.elseLabel);
            reachable = true;
        }
        if (c.kind != LOOP) {
            mv.visitLabel(c.label);
        }
        tn = c.base;
        lowered();
        push(c.results);
        if (!reachable) {
            markUnreachable();
        }
    }

    // ---- conditions ----

    /** Emits a pending condition as an i32. */
    private void materialize() {
        if (pending != null) {
            Cond c = pending;
            pending = null;
            c.materialize(mv);
        }
    }

    /** Takes the i32 condition on top of the stack: the pending condition, or the value tested for non-zero. */
    private Cond takeCondition() {
        pop();
        Cond c = pending;
        pending = null;
        return c != null ? c : Cond.NONZERO;
    }

    // ---- instructions ----

    private void instruction(Opcode op, CodeReader r) {
        Cond cond = NumericEmitters.CONDITIONS.get(op);
        if (cond != null) {
            condition(op, cond);
            return;
        }
        switch (op) {
            case BR_IF: case IF: case SELECT: case SELECT_T:
                break;
            default:
                materialize();
        }
        switch (op) {
            case UNREACHABLE:
                mv.visitFieldInsn(GETSTATIC, TRAP, "UNREACHABLE", "L" + TRAP + ";");
                mv.visitMethodInsn(INVOKESTATIC, TRAPS, "trap", "(L" + TRAP + ";)L" + TRAP_EXCEPTION + ";", false);
                mv.visitInsn(ATHROW);
                markUnreachable();
                return;
            case NOP:
                return;
            case BLOCK: {
                Ctl c = push(BLOCK, blockParams(r), blockResults(r));
                Split.Region group = plan == null ? null : plan.groupOfBlock.get(curPos);
                if (group != null && group != piece) {
                    // its end is in a group: a branch to it enters the group there
                    c.groupCall = groupCalls.computeIfAbsent(group, g -> new Label());
                    for (int k = 0; k < group.blocks.length; k++) {
                        if (group.blocks[k] == curPos) {
                            c.groupEntry = k + 1;
                        }
                    }
                }
                return;
            }
            case LOOP: {
                Ctl c = push(LOOP, blockParams(r), blockResults(r));
                mv.visitLabel(c.label);
                return;
            }
            case IF: {
                Cond test = takeCondition();
                Ctl c = push(IF, blockParams(r), blockResults(r));
                c.elseLabel = new Label();
                test.jumpIfFalse(mv, c.elseLabel);
                return;
            }
            case ELSE: {
                Ctl c = ctl[cn - 1];
                if (!c.unreachable) {
                    mv.visitJumpInsn(GOTO, c.label);
                    c.branched = true;
                }
                mv.visitLabel(c.elseLabel);
                c.elseLabel = null;
                c.arm++;
                tn = c.base;
                lowered();
                push(c.params);
                c.unreachable = false;
                return;
            }
            case END:
                end();
                return;
            case BR:
                record(label(r.index()));
                branch(label(r.index()));
                markUnreachable();
                return;
            case BR_IF:
                record(label(r.index()));
                brIf(label(r.index()));
                return;
            case BR_TABLE:
                brTable(r);
                markUnreachable();
                return;
            case RETURN:
                record(ctl[0]);
                emitReturn();
                markUnreachable();
                return;
            case CALL:
                call(r.index());
                return;
            case CALL_INDIRECT:
                callIndirect(r.index(), r.index2());
                return;
            case DROP:
                JvmTypes.drop(mv, pop());
                return;
            case SELECT:
            case SELECT_T:
                select();
                return;
            default:
                variableOrMemory(op, r);
        }
    }

    private void condition(Opcode op, Cond cond) {
        if (op == Opcode.I32_EQZ && pending != null) {
            pending = pending.negate();
            return;
        }
        materialize();
        Signatures.Sig sig = Signatures.of(op);
        pop(sig.params.length);
        push(ValType.I32);
        if (op == Opcode.I64_EQZ) {
            mv.visitInsn(LCONST_0);
        }
        pending = cond;
    }

    private void brIf(Ctl c) {
        Cond test = takeCondition();
        if (isPlain(c)) {
            test.jumpIfTrue(mv, c.label);
            c.branched = true;
        } else {
            Label skipLabel = new Label();
            test.jumpIfFalse(mv, skipLabel);
            branch(c);
            mv.visitLabel(skipLabel);
        }
    }

    private void record(Ctl target) {
        if (recorder != null) {
            recorder.branch(curPos, target.id, ctl[cn - 1].id);
        }
    }

    private void brTable(CodeReader r) {
        pop();
        int n = r.labelCount() + 1;
        if (n == 1) {
            record(label(r.index()));
            mv.visitInsn(POP);
            branch(label(r.index()));
            return;
        }
        if (n > BrTables.SWITCH_LIMIT && n <= BrTables.STRING_LIMIT) {
            brTableByString(r, n);
            return;
        }
        Label[] targets = new Label[n];
        Map<Integer, Label> stubs = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int depth = i < n - 1 ? r.label(i) : r.index();
            Ctl c = label(depth);
            record(c);
            if (isPlain(c)) {
                targets[i] = c.label;
                c.branched = true;
            } else {
                targets[i] = stubs.computeIfAbsent(depth, d -> new Label());
            }
        }
        mv.visitTableSwitchInsn(0, n - 2, targets[n - 1], Arrays.copyOf(targets, n - 1));
        for (Map.Entry<Integer, Label> stub : stubs.entrySet()) {
            mv.visitLabel(stub.getValue());
            branch(label(stub.getKey()));
        }
    }

    /** A large {@code br_table}: the index mapped to a distinct target through a string ({@link BrTables}). */
    private void brTableByString(CodeReader r, int n) {
        for (int i = 0; i < n; i++) {
            Ctl c = label(i < n - 1 ? r.label(i) : r.index());
            if (c.groupCall != null && c.base == tn) {
                brTableToGroups(r, n);
                return;
            }
        }
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int depth = i < n - 1 ? r.label(i) : r.index();
            Integer k = numbers.get(depth);
            if (k == null) {
                k = numbers.size();
                numbers.put(depth, k);
                record(label(depth));
            }
            table.append((char) k.intValue());
        }
        mv.visitLdcInsn(table.toString());
        mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(BrTables.class), "target", "(ILjava/lang/String;)I",
                false);
        Label[] targets = new Label[numbers.size()];
        Map<Integer, Label> stubs = new LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> e : numbers.entrySet()) {
            Ctl c = label(e.getKey());
            if (isPlain(c)) {
                targets[e.getValue()] = c.label;
                c.branched = true;
            } else {
                targets[e.getValue()] = stubs.computeIfAbsent(e.getKey(), d -> new Label());
            }
        }
        mv.visitTableSwitchInsn(0, targets.length - 1, targets[targets.length - 1], targets);
        for (Map.Entry<Integer, Label> stub : stubs.entrySet()) {
            mv.visitLabel(stub.getValue());
            branch(label(stub.getKey()));
        }
    }

    /**
     * A large {@code br_table} into the blocks of groups ({@link Split.Region#chain}): one string gives the
     * entry of each label in its group, another the number of its target (a group, or another label), so the
     * method holds a jump per group, not a stub per label.
     */
    private void brTableToGroups(CodeReader r, int n) {
        Map<Object, Integer> numbers = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder(n);
        StringBuilder entries = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int depth = i < n - 1 ? r.label(i) : r.index();
            Ctl c = label(depth);
            boolean group = c.groupCall != null && c.base == tn;
            Object key = group ? c.groupCall : (Object) depth;
            Integer k = numbers.get(key);
            if (k == null) {
                k = numbers.size();
                numbers.put(key, k);
            }
            table.append((char) k.intValue());
            entries.append((char) (group ? c.groupEntry : 0));
        }
        int index = tempBase;
        maxLocals = Math.max(maxLocals, index + 1);
        mv.visitVarInsn(ISTORE, index);
        mv.visitVarInsn(ILOAD, index);
        mv.visitLdcInsn(entries.toString());
        mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(BrTables.class), "target", "(ILjava/lang/String;)I",
                false);
        mv.visitVarInsn(ILOAD, index);
        mv.visitLdcInsn(table.toString());
        mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(BrTables.class), "target", "(ILjava/lang/String;)I",
                false);
        Label[] targets = new Label[numbers.size()];
        Map<Integer, Label> stubs = new LinkedHashMap<>();
        for (Map.Entry<Object, Integer> e : numbers.entrySet()) {
            if (e.getKey() instanceof Label) {
                targets[e.getValue()] = (Label) e.getKey();
            } else {
                targets[e.getValue()] = stubs.computeIfAbsent((Integer) e.getKey(), d -> new Label());
            }
        }
        mv.visitTableSwitchInsn(0, targets.length - 1, targets[targets.length - 1], targets);
        for (Map.Entry<Integer, Label> stub : stubs.entrySet()) {
            mv.visitLabel(stub.getValue());
            mv.visitInsn(POP);
            branch(label(stub.getKey()));
        }
    }

    private void select() {
        Cond test = takeCondition();
        ValType t = pop();
        pop();
        push(t);
        Label otherwise = new Label();
        Label done = new Label();
        test.jumpIfFalse(mv, otherwise);
        JvmTypes.drop(mv, t);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(otherwise);
        if (JvmTypes.size(t) == 2) {
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
            mv.visitInsn(POP2);
        } else {
            mv.visitInsn(SWAP);
            mv.visitInsn(POP);
        }
        mv.visitLabel(done);
    }

    // ---- calls ----

    private void call(int callee) {
        FuncType t = gen.code.funcTypeOf(callee);
        pop(t.params().size());
        if (gen.isCompiled(callee)) {
            mv.visitVarInsn(ALOAD, ctxSlot);
            mv.visitVarInsn(ILOAD, depthSlot);
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IADD);
            mv.visitMethodInsn(INVOKESTATIC, ClassGenerator.functionClass(callee), ClassGenerator.functionName(callee),
                    gen.functionDesc(t), false);
        } else {
            mv.visitVarInsn(ALOAD, ctxSlot);
            mv.visitFieldInsn(GETFIELD, CTX, "functions", FUNCTIONS_DESC);
            JvmTypes.iconst(mv, callee);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ALOAD, ctxSlot);
            mv.visitVarInsn(ILOAD, depthSlot);
            int id = gen.useGeneric(t);
            mv.visitMethodInsn(INVOKESTATIC, ClassGenerator.signatureClass(id), "h" + id, gen.genericDesc(t), false);
        }
        afterCall(t);
    }

    private void callIndirect(int typeIdx, int tableIdx) {
        FuncType t = gen.code.funcType(typeIdx);
        pop();
        pop(t.params().size());
        loadTable(tableIdx);
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitFieldInsn(GETFIELD, CTX, "types", "[Ldev/robusta/wasm/FuncType;");
        JvmTypes.iconst(mv, typeIdx);
        mv.visitInsn(AALOAD);
        mv.visitMethodInsn(INVOKESTATIC, CALLS, "indirect",
                "(I" + TABLE_DESC + "Ldev/robusta/wasm/FuncType;)" + FUNCTION_DESC, false);
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitVarInsn(ILOAD, depthSlot);
        int id = gen.useIndirect(t);
        mv.visitMethodInsn(INVOKESTATIC, ClassGenerator.signatureClass(id), "ci" + id, gen.genericDesc(t), false);
        afterCall(t);
    }

    private void afterCall(FuncType t) {
        if (t.results().size() == 1) {
            push(t.results().get(0));
        } else if (!t.results().isEmpty()) {
            loadResults(t.results());
        }
        if (gen.memoryCanGrow) {
            reloadMemory();
        }
    }

    private void reloadMemory() {
        if (memSlot >= 0) {
            // the length first, then the array: see ByteArrayMemory
            mv.visitVarInsn(ALOAD, ctxSlot);
            mv.visitFieldInsn(GETFIELD, CTX, "memory", "L" + MEMORY + ";");
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, MEMORY, "length", "I");
            mv.visitVarInsn(ISTORE, memLengthSlot);
            mv.visitFieldInsn(GETFIELD, MEMORY, "bytes", "[B");
            mv.visitVarInsn(ASTORE, memSlot);
        }
    }

    // ---- variables, references, tables, memory ----

    /** Pushes the memory's {@code byte[]} and its size in bytes, the operands every memory helper takes. */
    private void loadMemory() {
        mv.visitVarInsn(ALOAD, memSlot);
        mv.visitVarInsn(ILOAD, memLengthSlot);
    }

    private void loadGlobal(int idx) {
        String field = gen.globalField(idx);
        if (field != null) {
            mv.visitVarInsn(ALOAD, selfSlot);
            mv.visitFieldInsn(GETFIELD, gen.className, field, GLOBAL_DESC);
        } else {
            mv.visitVarInsn(ALOAD, ctxSlot);
            mv.visitFieldInsn(GETFIELD, CTX, "globals", "[" + GLOBAL_DESC);
            JvmTypes.iconst(mv, idx);
            mv.visitInsn(AALOAD);
        }
    }

    private void loadTable(int idx) {
        String field = gen.tableField(idx);
        if (field != null) {
            mv.visitVarInsn(ALOAD, selfSlot);
            mv.visitFieldInsn(GETFIELD, gen.className, field, TABLE_DESC);
        } else {
            mv.visitVarInsn(ALOAD, ctxSlot);
            mv.visitFieldInsn(GETFIELD, CTX, "tables", "[" + TABLE_DESC);
            JvmTypes.iconst(mv, idx);
            mv.visitInsn(AALOAD);
        }
    }

    private void variableOrMemory(Opcode op, CodeReader r) {
        switch (op) {
            case LOCAL_GET: {
                ValType t = localType[r.index()];
                if (recorder != null) {
                    recorder.local(curPos, r.index(), false);
                }
                loadLocal(r.index());
                push(t);
                return;
            }
            case LOCAL_SET: {
                ValType t = localType[r.index()];
                if (recorder != null) {
                    recorder.local(curPos, r.index(), true);
                }
                pop();
                storeLocal(r.index());
                return;
            }
            case LOCAL_TEE: {
                ValType t = localType[r.index()];
                if (recorder != null) {
                    recorder.local(curPos, r.index(), true);
                }
                mv.visitInsn(JvmTypes.size(t) == 2 ? DUP2 : DUP);
                storeLocal(r.index());
                return;
            }
            case GLOBAL_GET: {
                ValType t = m.globalType(r.index()).valType();
                loadGlobal(r.index());
                if (t.isReference()) {
                    mv.visitFieldInsn(GETFIELD, GLOBAL, "ref", "Ljava/lang/Object;");
                } else if (t.isVector()) {
                    mv.visitMethodInsn(INVOKESTATIC, GLOBALS, "getV128", "(" + GLOBAL_DESC + ")" + JvmTypes.V128_DESC,
                            false);
                } else {
                    mv.visitFieldInsn(GETFIELD, GLOBAL, "value", "J");
                    JvmTypes.fromSlot(mv, t);
                }
                push(t);
                return;
            }
            case GLOBAL_SET: {
                ValType t = m.globalType(r.index()).valType();
                pop();
                loadGlobal(r.index());
                String desc = JvmTypes.desc(t);
                mv.visitMethodInsn(INVOKESTATIC, GLOBALS, "set", "(" + desc + GLOBAL_DESC + ")V", false);
                return;
            }
            case TABLE_GET:
                pop();
                loadTable(r.index());
                mv.visitMethodInsn(INVOKESTATIC, TABLES, "tableGet", "(I" + TABLE_DESC + ")Ljava/lang/Object;", false);
                push(m.tableType(r.index()).elemType());
                return;
            case TABLE_SET:
                pop(2);
                loadTable(r.index());
                mv.visitMethodInsn(INVOKESTATIC, TABLES, "tableSet", "(ILjava/lang/Object;" + TABLE_DESC + ")V", false);
                return;
            case MEMORY_SIZE:
                mv.visitVarInsn(ILOAD, memLengthSlot);
                mv.visitIntInsn(BIPUSH, 16);
                mv.visitInsn(IUSHR);
                push(ValType.I32);
                return;
            case MEMORY_GROW:
                mv.visitVarInsn(ALOAD, ctxSlot);
                mv.visitFieldInsn(GETFIELD, CTX, "memory", "L" + MEMORY + ";");
                mv.visitMethodInsn(INVOKESTATIC, MEM, "memoryGrow", "(IL" + MEMORY + ";)I", false);
                reloadMemory();
                return;
            case I32_CONST:
                JvmTypes.iconst(mv, (int) r.value());
                push(ValType.I32);
                return;
            case I64_CONST:
                JvmTypes.lconst(mv, r.value());
                push(ValType.I64);
                return;
            case F32_CONST:
                f32Const((int) r.value());
                push(ValType.F32);
                return;
            case F64_CONST:
                f64Const(r.value());
                push(ValType.F64);
                return;
            case REF_NULL:
                mv.visitInsn(ACONST_NULL);
                push(ValType.ref(true, r.index()));
                return;
            case REF_IS_NULL:
                pop();
                push(ValType.I32);
                pending = new Cond(0, IFNULL);
                return;
            case REF_FUNC:
                mv.visitVarInsn(ALOAD, ctxSlot);
                mv.visitFieldInsn(GETFIELD, CTX, "functions", FUNCTIONS_DESC);
                JvmTypes.iconst(mv, r.index());
                mv.visitInsn(AALOAD);
                push(ValType.FUNCREF);
                return;
            default:
                other(op, r);
        }
    }

    private void f32Const(int bits) {
        float f = Float.intBitsToFloat(bits);
        if (bits == 0) {
            mv.visitInsn(FCONST_0);
        } else if (f == 1.0f) {
            mv.visitInsn(FCONST_1);
        } else if (f == 2.0f) {
            mv.visitInsn(FCONST_2);
        } else if (f != f) {
            mv.visitLdcInsn(bits);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
        } else {
            mv.visitLdcInsn(f);
        }
    }

    private void f64Const(long bits) {
        double d = Double.longBitsToDouble(bits);
        if (bits == 0) {
            mv.visitInsn(DCONST_0);
        } else if (d == 1.0) {
            mv.visitInsn(DCONST_1);
        } else if (d != d) {
            mv.visitLdcInsn(bits);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
        } else {
            mv.visitLdcInsn(d);
        }
    }

    private void other(Opcode op, CodeReader r) {
        switch (op) {
            case MEMORY_INIT:
                pop(3);
                loadMemory();
                mv.visitVarInsn(ALOAD, ctxSlot);
                JvmTypes.iconst(mv, r.index());
                mv.visitMethodInsn(INVOKESTATIC, MEM, "memoryInit", "(III[BIL" + CTX + ";I)V", false);
                return;
            case DATA_DROP:
                mv.visitVarInsn(ALOAD, ctxSlot);
                JvmTypes.iconst(mv, r.index());
                mv.visitMethodInsn(INVOKESTATIC, MEM, "dataDrop", "(L" + CTX + ";I)V", false);
                return;
            case MEMORY_COPY:
                pop(3);
                loadMemory();
                mv.visitMethodInsn(INVOKESTATIC, MEM, "memoryCopy", "(III[BI)V", false);
                return;
            case MEMORY_FILL:
                pop(3);
                loadMemory();
                mv.visitMethodInsn(INVOKESTATIC, MEM, "memoryFill", "(III[BI)V", false);
                return;
            case TABLE_INIT:
                pop(3);
                mv.visitVarInsn(ALOAD, ctxSlot);
                JvmTypes.iconst(mv, r.index());
                JvmTypes.iconst(mv, r.index2());
                mv.visitMethodInsn(INVOKESTATIC, TABLES, "tableInit", "(IIIL" + CTX + ";II)V", false);
                return;
            case ELEM_DROP:
                mv.visitVarInsn(ALOAD, ctxSlot);
                JvmTypes.iconst(mv, r.index());
                mv.visitMethodInsn(INVOKESTATIC, TABLES, "elemDrop", "(L" + CTX + ";I)V", false);
                return;
            case TABLE_COPY:
                pop(3);
                mv.visitVarInsn(ALOAD, ctxSlot);
                JvmTypes.iconst(mv, r.index());
                JvmTypes.iconst(mv, r.index2());
                mv.visitMethodInsn(INVOKESTATIC, TABLES, "tableCopy", "(IIIL" + CTX + ";II)V", false);
                return;
            case TABLE_GROW:
                pop(2);
                loadTable(r.index());
                mv.visitMethodInsn(INVOKESTATIC, TABLES, "tableGrow", "(Ljava/lang/Object;I" + TABLE_DESC + ")I", false);
                push(ValType.I32);
                return;
            case TABLE_SIZE:
                loadTable(r.index());
                mv.visitFieldInsn(GETFIELD, TABLE, "size", "I");
                push(ValType.I32);
                return;
            case TABLE_FILL:
                pop(3);
                loadTable(r.index());
                mv.visitMethodInsn(INVOKESTATIC, TABLES, "tableFill", "(ILjava/lang/Object;I" + TABLE_DESC + ")V", false);
                return;
            case V128_CONST:
                JvmTypes.lconst(mv, r.value());
                JvmTypes.lconst(mv, r.value2());
                mv.visitMethodInsn(INVOKESTATIC, V128S, "constant", "(JJ)" + JvmTypes.V128_DESC, false);
                push(ValType.V128);
                return;
            default:
                break;
        }
        Signatures.Sig sig = Signatures.of(op);
        if (sig == null) {
            throw new UnsupportedOperationException("the compiler does not support " + op.mnemonic());
        }
        pop(sig.params.length);
        push(sig.results);
        if (op.prefix() == Opcode.PREFIX_SIMD) {
            simd(op, r);
            return;
        }
        if (op.immKind() == ImmKind.MEMARG) {
            loadMemory();
            JvmTypes.iconst(mv, memOffset(r));
            String desc = NumericEmitters.descriptor(op.signature());
            int close = desc.indexOf(')');
            mv.visitMethodInsn(INVOKESTATIC, ACCESS, NumericEmitters.camel(op.mnemonic()),
                    desc.substring(0, close) + "[BII" + desc.substring(close), false);
            return;
        }
        NumericEmitters.Emitter e = NumericEmitters.EMITTERS.get(op);
        if (e == null) {
            throw new UnsupportedOperationException("the compiler does not support " + op.mnemonic());
        }
        e.emit(mv);
    }

    /**
     * The static offset as the memory helpers take it, a non-negative {@code int}: an offset of 2^31 or more
     * becomes {@link Integer#MAX_VALUE}, which traps the same way, since a memory holds less than 2 GiB.
     */
    private static int memOffset(CodeReader r) {
        long offset = r.memOffset();
        if (offset < 0 || offset > 0xFFFF_FFFFL) {
            throw new UnsupportedOperationException("64-bit memory offsets are not supported by the compiler");
        }
        return (int) Math.min(offset, Integer.MAX_VALUE);
    }

    private void simd(Opcode op, CodeReader r) {
        String sig = op.signature();
        switch (op.immKind()) {
            case MEMARG:
                loadMemory();
                JvmTypes.iconst(mv, memOffset(r));
                if (sig.equals("aV>")) {
                    mv.visitMethodInsn(INVOKESTATIC, SIMD_MEM, "store", "(I" + JvmTypes.V128_DESC + "[BII)V", false);
                } else {
                    JvmTypes.iconst(mv, op.code());
                    mv.visitMethodInsn(INVOKESTATIC, SIMD_MEM, "load", "(I[BIII)" + JvmTypes.V128_DESC, false);
                }
                return;
            case MEMARG_LANE:
                loadMemory();
                JvmTypes.iconst(mv, memOffset(r));
                JvmTypes.iconst(mv, op.code());
                JvmTypes.iconst(mv, r.lane());
                if (sig.equals("aV>")) {
                    mv.visitMethodInsn(INVOKESTATIC, SIMD_MEM, "storeLane", "(I" + JvmTypes.V128_DESC + "[BIIII)V", false);
                } else {
                    mv.visitMethodInsn(INVOKESTATIC, SIMD_MEM, "loadLane",
                            "(I" + JvmTypes.V128_DESC + "[BIIII)" + JvmTypes.V128_DESC, false);
                }
                return;
            default:
                break;
        }
        long imm0 = 0;
        long imm1 = 0;
        if (op.immKind() == ImmKind.LANE) {
            imm0 = r.index();
        } else if (op.immKind() == ImmKind.SHUFFLE) {
            imm0 = r.value();
            imm1 = r.value2();
        }
        JvmTypes.iconst(mv, op.code());
        JvmTypes.lconst(mv, imm0);
        JvmTypes.lconst(mv, imm1);
        String desc = NumericEmitters.descriptor(sig);
        int close = desc.indexOf(')');
        mv.visitMethodInsn(INVOKESTATIC, V128S, V128Shapes.method(sig),
                desc.substring(0, close) + "IJJ" + desc.substring(close), false);
    }
}
