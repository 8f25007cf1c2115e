package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.GlobalInstance;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.TableInstance;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.Limits;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the class of a module. It extends {@link Ctx} and holds:
 * <ul>
 * <li>a final field per global ({@code g0}, ...) and per table ({@code t0}, ...), set by the constructor
 *     {@code (Exec, InstanceState)} (past {@link #FIELD_LIMIT}, code reads the arrays of {@link Ctx});</li>
 * <li>{@code f<i>(params..., ctx, depth)}: defined function {@code i} (see {@link FunctionCompiler});</li>
 * <li>per signature class {@code k} (the distinct function types, numbered in order of use):
 *     {@code d<k>(params..., di, ctx, depth)}, a switch over the defined functions of the class (what
 *     {@code call_indirect} dispatches to), {@code e<k>(args, argRefs, results, resultRefs, di, ctx, depth)},
 *     the same from slot form, {@code h<k>(params..., FunctionInstance, ctx, depth)}, a call through a
 *     {@link FunctionInstance} in slot form (imports, other instances), and {@code ci<k>}, which picks
 *     {@code d<k>} for a function of the same instance and {@code h<k>} otherwise;</li>
 * <li>{@code enter}, the entry from {@link CompiledFunction}, switching on the signature class.</li>
 * </ul>
 * Switches are split into nested methods ({@link Switches}) to stay JIT-compilable.
 */
final class ClassGenerator implements Opcodes {
    /** Globals and tables beyond this many are read from the arrays of {@link Ctx}. */
    static final int FIELD_LIMIT = 1000;
    static final String NAME = "dev/robusta/compiler/internal/CompiledWasm";

    private static final String CTX = Type.getInternalName(Ctx.class);
    private static final String EXEC = Type.getInternalName(Exec.class);
    private static final String STATE = Type.getInternalName(InstanceState.class);
    private static final String FUNCTION = Type.getInternalName(FunctionInstance.class);
    private static final String COMPILED_FUNCTION = Type.getInternalName(CompiledFunction.class);
    private static final String CALLS = Type.getInternalName(Calls.class);
    private static final String GLOBAL_DESC = Type.getDescriptor(GlobalInstance.class);
    private static final String TABLE_DESC = Type.getDescriptor(TableInstance.class);

    final ModuleCode code;
    final WasmModule model;
    final Features features;
    final String className = NAME;
    /** The context in descriptors: {@link Ctx}, since a hidden class cannot be named there. */
    final String ctxDesc = "L" + CTX + ";";
    final boolean hasMemory;
    /** Whether the memory's {@code byte[]} can be replaced (so that it is reloaded after calls). */
    final boolean memoryCanGrow;
    /** Whether fuel is counted (loop back-edges then charge the thread's budget exactly). */
    final boolean exactFuel;
    /** Whether large functions are split into pieces ({@link Split}): on unless turned off for experiments. */
    final boolean split = Split.enabled;
    /** Defined functions left to the interpreter, by index among the defined functions. */
    private final BitSet interpreted;

    /** Signature classes: distinct function types, numbered in order of first use. */
    private final Map<FuncType, Integer> typeIds = new HashMap<>();
    private final List<FuncType> typeList = new ArrayList<>();
    /** The defined, compiled functions of each signature class, by index. */
    private final List<List<Integer>> members = new ArrayList<>();
    private final BitSet usedGeneric = new BitSet();
    private final BitSet usedIndirect = new BitSet();
    /** Per defined function: its signature class and its index there (-1 when interpreted). */
    final int[] typeIdOf;
    final int[] dispatchIdxOf;

    ClassGenerator(ModuleCode code, BitSet interpreted) {
        this.code = code;
        this.model = code.model();
        this.features = code.config().features();
        this.interpreted = interpreted;
        this.exactFuel = code.config().fuel().isPresent();
        this.hasMemory = model.memoryCount() > 0;
        this.memoryCanGrow = hasMemory && canGrow(model.memoryType(0).limits());
        int imported = model.importedFuncCount();
        int defined = model.funcCount() - imported;
        typeIdOf = new int[defined];
        dispatchIdxOf = new int[defined];
        for (int i = 0; i < defined; i++) {
            int id = typeId(code.funcTypeOf(imported + i));
            typeIdOf[i] = id;
            if (interpreted.get(i)) {
                dispatchIdxOf[i] = -1;
            } else {
                dispatchIdxOf[i] = members.get(id).size();
                members.get(id).add(imported + i);
            }
        }
    }

    private static boolean canGrow(Limits limits) {
        return !(limits.hasMax() && limits.max() == limits.min());
    }

    private int typeId(FuncType t) {
        Integer id = typeIds.get(t);
        if (id == null) {
            id = typeList.size();
            typeIds.put(t, id);
            typeList.add(t);
            members.add(new ArrayList<>());
        }
        return id;
    }

    static String functionName(int funcIdx) {
        return "f" + funcIdx;
    }

    /** Whether defined function {@code funcIdx} has a method (imports and interpreted functions do not). */
    boolean isCompiled(int funcIdx) {
        int i = funcIdx - model.importedFuncCount();
        return i >= 0 && !interpreted.get(i);
    }

    /** The descriptor of the method of a function of type {@code t}. */
    String functionDesc(FuncType t) {
        return "(" + JvmTypes.paramsDesc(t) + ctxDesc + "I)" + JvmTypes.returnDesc(t);
    }

    /** The descriptor of {@code h<k>} and {@code ci<k>} for type {@code t}. */
    String genericDesc(FuncType t) {
        return "(" + JvmTypes.paramsDesc(t) + "L" + FUNCTION + ";" + ctxDesc + "I)" + JvmTypes.returnDesc(t);
    }

    private String dispatchDesc(FuncType t) {
        return "(" + JvmTypes.paramsDesc(t) + "I" + ctxDesc + "I)" + JvmTypes.returnDesc(t);
    }

    private String entryDesc() {
        return "([J[Ljava/lang/Object;[J[Ljava/lang/Object;I" + ctxDesc + "I)V";
    }

    private final List<FunctionCompiler.PendingPiece> pieces = new ArrayList<>();

    /** Queues a piece of a split function, compiled after the method that calls it. */
    void queuePiece(FunctionCompiler.PendingPiece piece) {
        pieces.add(piece);
    }

    /**
     * The pieces function {@code funcIdx} is split into, or null when it fits one JIT-compilable method.
     * Only bodies of some size are measured (a scratch compilation); a plan is tried in a scratch class and
     * made finer until every method of the function is under {@link Split#LIMIT}.
     *
     * @throws Split.TooLargeException when the function cannot be compiled in methods the JVM loads
     */
    private Split.Plan planOf(int funcIdx) {
        if (!split) {
            return null;
        }
        int bodySize = model.codes().get(funcIdx - model.importedFuncCount()).body().code().length;
        if (bodySize < Split.threshold / 20) {
            return null;
        }
        Split.Recorder recorder = FunctionCompiler.measure(this, funcIdx);
        if (recorder.size() <= Split.threshold) {
            return null;
        }
        int target = Split.target;
        Split.Plan best = null;
        int bestSize = recorder.size();
        for (int attempt = 0; attempt < 4 && (attempt == 0 || bestSize >= Split.LIMIT); attempt++) {
            Split.Plan plan = recorder.plan(target);
            int size = emitFunction(new ClassWriter(0), funcIdx, plan);
            Split.debug(funcIdx, recorder.size(), target, plan, size);
            if (size < bestSize) {
                best = plan;
                bestSize = size;
            }
            target = target * 2 / 3;
        }
        if (bestSize > Split.MAX_METHOD) {
            throw new Split.TooLargeException(funcIdx, bestSize);
        }
        if (bestSize >= Split.LIMIT) {
            Split.warnNotJitCompilable(code.frameName(funcIdx), bestSize);
        }
        return best;
    }

    /** Emits function {@code funcIdx} (its method and pieces) into {@code cv}; returns the largest method's size. */
    private int emitFunction(ClassVisitor cv, int funcIdx, Split.Plan plan) {
        MethodVisitor mv = cv.visitMethod(ACC_PRIVATE | ACC_STATIC, functionName(funcIdx),
                functionDesc(code.funcTypeOf(funcIdx)), null, null);
        int max = FunctionCompiler.compile(this, funcIdx, mv, plan);
        while (!pieces.isEmpty()) {
            FunctionCompiler.PendingPiece p = pieces.remove(pieces.size() - 1);
            MethodVisitor pv = cv.visitMethod(ACC_PRIVATE | ACC_STATIC,
                    FunctionCompiler.pieceName(p.funcIdx, p.region), FunctionCompiler.pieceDesc(this), null, null);
            max = Math.max(max, FunctionCompiler.compilePiece(this, p, pv));
            Split.COMPILED.incrementAndGet();
        }
        return max;
    }

    /** Records a call through a {@link FunctionInstance} of type {@code t}; returns its signature class. */
    int useGeneric(FuncType t) {
        int id = typeId(t);
        usedGeneric.set(id);
        return id;
    }

    /** Records a {@code call_indirect} of type {@code t}; returns its signature class. */
    int useIndirect(FuncType t) {
        int id = typeId(t);
        usedIndirect.set(id);
        usedGeneric.set(id);
        return id;
    }

    String globalField(int idx) {
        return idx < FIELD_LIMIT ? "g" + idx : null;
    }

    String tableField(int idx) {
        return idx < FIELD_LIMIT ? "t" + idx : null;
    }

    /** The most result slots of a function type the module's code passes through the result buffer. */
    int maxResultSlots() {
        int n = 2; // a block's single v128 result, carried out of a piece
        for (FuncType t : typeList) {
            n = Math.max(n, JvmTypes.slots(t.results()));
        }
        for (int i = 0; i < model.types().size(); i++) {
            FuncType t = code.funcType(i);
            if (t != null) {
                n = Math.max(n, Math.max(JvmTypes.slots(t.results()), JvmTypes.slots(t.params())));
            }
        }
        return n;
    }

    /** Generates the class file. */
    byte[] generate() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object";
            }
        };
        cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, CTX, null);
        int globals = Math.min(model.globalCount(), FIELD_LIMIT);
        int tables = Math.min(model.tableCount(), FIELD_LIMIT);
        for (int i = 0; i < globals; i++) {
            cw.visitField(ACC_FINAL, globalField(i), GLOBAL_DESC, null, null).visitEnd();
        }
        for (int i = 0; i < tables; i++) {
            cw.visitField(ACC_FINAL, tableField(i), TABLE_DESC, null, null).visitEnd();
        }
        constructor(cw, globals, tables);
        int imported = model.importedFuncCount();
        for (int i = imported; i < model.funcCount(); i++) {
            if (isCompiled(i)) {
                emitFunction(cw, i, planOf(i));
            }
        }
        for (int k = 0; k < typeList.size(); k++) {
            if (!members.get(k).isEmpty()) {
                dispatch(cw, k);
                entry(cw, k);
            }
        }
        for (int k = usedIndirect.nextSetBit(0); k >= 0; k = usedIndirect.nextSetBit(k + 1)) {
            callIndirect(cw, k);
        }
        for (int k = usedGeneric.nextSetBit(0); k >= 0; k = usedGeneric.nextSetBit(k + 1)) {
            generic(cw, k);
        }
        enter(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private void constructor(ClassWriter cw, int globals, int tables) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(L" + EXEC + ";L" + STATE + ";)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitMethodInsn(INVOKESPECIAL, CTX, "<init>", "(L" + EXEC + ";L" + STATE + ";)V", false);
        for (int i = 0; i < globals; i++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, CTX, "globals", "[" + GLOBAL_DESC);
            JvmTypes.iconst(mv, i);
            mv.visitInsn(AALOAD);
            mv.visitFieldInsn(PUTFIELD, NAME, globalField(i), GLOBAL_DESC);
        }
        for (int i = 0; i < tables; i++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, CTX, "tables", "[" + TABLE_DESC);
            JvmTypes.iconst(mv, i);
            mv.visitInsn(AALOAD);
            mv.visitFieldInsn(PUTFIELD, NAME, tableField(i), TABLE_DESC);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Loads the parameters of type {@code t} from local 0 on; returns the next local. */
    private static int loadParams(MethodVisitor mv, FuncType t) {
        int slot = 0;
        for (ValType p : t.params()) {
            JvmTypes.load(mv, p, slot);
            slot += JvmTypes.size(p);
        }
        return slot;
    }

    private static void returnResult(MethodVisitor mv, FuncType t) {
        if (t.results().size() == 1) {
            JvmTypes.returnValue(mv, t.results().get(0));
        } else {
            mv.visitInsn(RETURN);
        }
    }

    private void dispatch(ClassWriter cw, int k) {
        FuncType t = typeList.get(k);
        List<Integer> funcs = members.get(k);
        int paramSize = JvmTypes.size(t.params());
        String desc = functionDesc(t);
        Switches.emit(cw, NAME, "d" + k, dispatchDesc(t), paramSize, funcs.size(), 12 + 2 * paramSize, (mv, key) -> {
            loadParams(mv, t);
            mv.visitVarInsn(ALOAD, paramSize + 1);
            mv.visitVarInsn(ILOAD, paramSize + 2);
            mv.visitMethodInsn(INVOKESTATIC, NAME, functionName(funcs.get(key)), desc, false);
            returnResult(mv, t);
            return true;
        });
    }

    /** {@code e<k>}: locals args 0, argRefs 1, results 2, resultRefs 3, di 4, ctx 5, depth 6. */
    private void entry(ClassWriter cw, int k) {
        FuncType t = typeList.get(k);
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "e" + k, entryDesc(), null, null);
        mv.visitCode();
        int slot = 0;
        for (ValType p : t.params()) {
            JvmTypes.loadFromSlots(mv, p, 0, 1, slot);
            slot += JvmTypes.slots(p);
        }
        mv.visitVarInsn(ILOAD, 4);
        mv.visitVarInsn(ALOAD, 5);
        mv.visitVarInsn(ILOAD, 6);
        mv.visitMethodInsn(INVOKESTATIC, NAME, "d" + k, dispatchDesc(t), false);
        List<ValType> results = t.results();
        if (results.size() == 1) {
            ValType r = results.get(0);
            JvmTypes.store(mv, r, 7);
            JvmTypes.storeToSlots(mv, r, 7, 2, 3, 0);
        } else if (!results.isEmpty()) {
            copyResults(mv, 5, 2, 3, JvmTypes.slots(results), JvmTypes.anyReference(results), false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Copies {@code n} result slots between the thread's buffer (through the context in local
     * {@code ctx}) and the arrays in locals {@code slots} and {@code refs}.
     */
    private static void copyResults(MethodVisitor mv, int ctx, int slots, int refs, int n, boolean withRefs,
                                    boolean toBuffer) {
        for (int pass = 0; pass < (withRefs ? 2 : 1); pass++) {
            String field = pass == 0 ? "results" : "resultRefs";
            String fieldDesc = pass == 0 ? "[J" : "[Ljava/lang/Object;";
            int local = pass == 0 ? slots : refs;
            if (toBuffer) {
                mv.visitVarInsn(ALOAD, local);
                mv.visitInsn(ICONST_0);
            }
            mv.visitVarInsn(ALOAD, ctx);
            mv.visitFieldInsn(GETFIELD, CTX, "exec", "L" + EXEC + ";");
            mv.visitFieldInsn(GETFIELD, EXEC, field, fieldDesc);
            mv.visitInsn(ICONST_0);
            if (!toBuffer) {
                mv.visitVarInsn(ALOAD, local);
                mv.visitInsn(ICONST_0);
            }
            JvmTypes.iconst(mv, n);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy",
                    "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
        }
    }

    /** {@code ci<k>}: locals params, then f, ctx, depth. */
    private void callIndirect(ClassWriter cw, int k) {
        FuncType t = typeList.get(k);
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "ci" + k, genericDesc(t), null, null);
        mv.visitCode();
        int paramSize = JvmTypes.size(t.params());
        int f = paramSize, ctx = paramSize + 1, depth = paramSize + 2;
        if (!members.get(k).isEmpty()) {
            Label generic = new Label();
            mv.visitVarInsn(ALOAD, f);
            mv.visitVarInsn(ALOAD, ctx);
            mv.visitMethodInsn(INVOKESTATIC, COMPILED_FUNCTION, "isLocal", "(Ljava/lang/Object;L" + CTX + ";)Z", false);
            mv.visitJumpInsn(IFEQ, generic);
            loadParams(mv, t);
            mv.visitVarInsn(ALOAD, f);
            mv.visitTypeInsn(CHECKCAST, COMPILED_FUNCTION);
            mv.visitFieldInsn(GETFIELD, COMPILED_FUNCTION, "dispatchIdx", "I");
            mv.visitVarInsn(ALOAD, ctx);
            mv.visitVarInsn(ILOAD, depth);
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IADD);
            mv.visitMethodInsn(INVOKESTATIC, NAME, "d" + k, dispatchDesc(t), false);
            returnResult(mv, t);
            mv.visitLabel(generic);
        }
        loadParams(mv, t);
        mv.visitVarInsn(ALOAD, f);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ILOAD, depth);
        mv.visitMethodInsn(INVOKESTATIC, NAME, "h" + k, genericDesc(t), false);
        returnResult(mv, t);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code h<k>}: locals params, then f, ctx, depth, then args, argRefs, results, resultRefs. */
    private void generic(ClassWriter cw, int k) {
        FuncType t = typeList.get(k);
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "h" + k, genericDesc(t), null, null);
        mv.visitCode();
        int paramSize = JvmTypes.size(t.params());
        int f = paramSize, ctx = paramSize + 1, depth = paramSize + 2;
        int args = paramSize + 3, argRefs = args + 1, results = args + 2, resultRefs = args + 3;
        int paramSlots = JvmTypes.slots(t.params());
        int resultSlots = JvmTypes.slots(t.results());
        newSlots(mv, paramSlots, args);
        newRefs(mv, JvmTypes.anyReference(t.params()) ? paramSlots : -1, argRefs);
        int local = 0;
        int slot = 0;
        for (ValType p : t.params()) {
            JvmTypes.storeToSlots(mv, p, local, args, argRefs, slot);
            local += JvmTypes.size(p);
            slot += JvmTypes.slots(p);
        }
        newSlots(mv, resultSlots, results);
        newRefs(mv, JvmTypes.anyReference(t.results()) ? resultSlots : -1, resultRefs);
        mv.visitVarInsn(ALOAD, f);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ILOAD, depth);
        mv.visitVarInsn(ALOAD, args);
        mv.visitVarInsn(ALOAD, argRefs);
        mv.visitVarInsn(ALOAD, results);
        mv.visitVarInsn(ALOAD, resultRefs);
        mv.visitMethodInsn(INVOKESTATIC, CALLS, "invoke",
                "(L" + FUNCTION + ";L" + CTX + ";I[J[Ljava/lang/Object;[J[Ljava/lang/Object;)V", false);
        if (t.results().size() == 1) {
            JvmTypes.loadFromSlots(mv, t.results().get(0), results, resultRefs, 0);
        } else if (!t.results().isEmpty()) {
            copyResults(mv, ctx, results, resultRefs, resultSlots, JvmTypes.anyReference(t.results()), true);
        }
        returnResult(mv, t);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void newSlots(MethodVisitor mv, int n, int local) {
        if (n == 0) {
            mv.visitFieldInsn(GETSTATIC, CALLS, "NO_SLOTS", "[J");
        } else {
            JvmTypes.iconst(mv, n);
            mv.visitIntInsn(NEWARRAY, T_LONG);
        }
        mv.visitVarInsn(ASTORE, local);
    }

    private static void newRefs(MethodVisitor mv, int n, int local) {
        if (n < 0) {
            mv.visitInsn(ACONST_NULL);
        } else {
            JvmTypes.iconst(mv, n);
            mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        }
        mv.visitVarInsn(ASTORE, local);
    }

    /**
     * {@code enter} (instance) calls {@code E(typeId, di, args, argRefs, results, resultRefs, ctx, depth)},
     * which switches on the signature class to {@code e<k>}.
     */
    private void enter(ClassWriter cw) {
        String eDesc = "(II[J[Ljava/lang/Object;[J[Ljava/lang/Object;" + ctxDesc + "I)V";
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "enter", "(II[J[Ljava/lang/Object;[J[Ljava/lang/Object;I)V",
                null, null);
        mv.visitCode();
        for (int i = 1; i <= 6; i++) {
            mv.visitVarInsn(i <= 2 ? ILOAD : ALOAD, i);
        }
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 7);
        mv.visitMethodInsn(INVOKESTATIC, NAME, "E", eDesc, false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        Switches.emit(cw, NAME, "E", eDesc, 0, typeList.size(), 16, (m, k) -> {
            if (members.get(k).isEmpty()) {
                return false;
            }
            for (int i = 2; i <= 5; i++) {
                m.visitVarInsn(ALOAD, i);
            }
            m.visitVarInsn(ILOAD, 1);
            m.visitVarInsn(ALOAD, 6);
            m.visitVarInsn(ILOAD, 7);
            m.visitMethodInsn(INVOKESTATIC, NAME, "e" + k, entryDesc(), false);
            m.visitInsn(RETURN);
            return true;
        });
    }
}
