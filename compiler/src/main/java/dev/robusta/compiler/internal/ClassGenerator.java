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
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the classes of a module, one at a time as its {@link CodeLoader} asks for them (see
 * {@link #generate(String)}). All of them are in package {@link #PACKAGE}, defined by the module's own loader:
 * <ul>
 * <li>{@code M}, the module class: it extends {@link Ctx} and holds a final field per global ({@code g0},
 *     ...) and per table ({@code t0}, ...), set by the constructor {@code (Exec, InstanceState)} (past
 *     {@link #FIELD_LIMIT}, code reads the arrays of {@link Ctx}), and {@code enter}, the entry from
 *     {@link CompiledFunction}, switching on the signature class to {@code S<k>.e<k>};</li>
 * <li>{@code F<i>}, per defined function {@code i}: its static method {@code f<i>(params..., ctx, depth)}
 *     (see {@link FunctionCompiler}) and the methods it is split into;</li>
 * <li>{@code S<k>}, per signature class {@code k} (the distinct function types, numbered by the first type
 *     index with that type): {@code d<k>(params..., di, ctx, depth)}, a switch over the defined functions of
 *     the class (what {@code call_indirect} dispatches to), {@code e<k>(args, argRefs, results, resultRefs,
 *     di, ctx, depth)}, the same from slot form, {@code h<k>(params..., FunctionInstance, ctx, depth)}, a call
 *     through a {@link FunctionInstance} in slot form (imports, other instances), and {@code ci<k>}, which
 *     picks {@code d<k>} for a function of the same instance and {@code h<k>} otherwise; past {@link #CHUNK}
 *     functions, {@code d<k>} switches on chunks of them, each in class {@code D<k>_<c>}.</li>
 * </ul>
 * A call is an {@code invokestatic} of the callee's class, which the JVM resolves (loading, so generating,
 * the class) when it first runs: functions are compiled at their first call. Switches are split into nested
 * methods ({@link Switches}) to stay JIT-compilable.
 *
 * <p>The generator is shared by the threads that run the module: its tables are made by the constructor and
 * only read afterwards, and a class is generated under the generator's lock.
 */
final class ClassGenerator implements Opcodes {

    /** Globals and tables beyond this many are read from the arrays of {@link Ctx}. */
    static final int FIELD_LIMIT = 1000;
    /** The package of the generated classes (internal form, with the final slash). */
    static final String PACKAGE = "dev/robusta/compiled/";
    static final String NAME = PACKAGE + "M";
    /** The most functions {@code d<k>} switches over in one class (a case takes about 5 constants). */
    static final int CHUNK = 4096;

    private static final String CTX = Type.getInternalName(Ctx.class);
    private static final String EXEC = Type.getInternalName(Exec.class);
    private static final String STATE = Type.getInternalName(InstanceState.class);
    private static final String FUNCTION = Type.getInternalName(FunctionInstance.class);
    private static final String COMPILED_FUNCTION = Type.getInternalName(CompiledFunction.class);
    private static final String CALLS = Type.getInternalName(Calls.class);
    private static final String FALLBACK = Type.getInternalName(Fallback.class);
    private static final String GLOBAL_DESC = Type.getDescriptor(GlobalInstance.class);
    private static final String TABLE_DESC = Type.getDescriptor(TableInstance.class);

    final ModuleCode code;
    final WasmModule model;
    final Features features;
    /** The module class, which holds the fields of globals and tables. */
    final String className = NAME;
    /** The context in descriptors: {@link Ctx}, so that verifying a function does not load the module class. */
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

    /** Signature classes: a function type's class is the first type index with that type. */
    private final Map<FuncType, Integer> typeIds = new HashMap<>();
    /** The defined, compiled functions of each signature class, by index (empty lists for most). */
    private final List<List<Integer>> members = new ArrayList<>();
    /** Per defined function: its signature class and its index there (-1 when interpreted). */
    final int[] typeIdOf;
    final int[] dispatchIdxOf;
    /** Functions whose class stands in for code the JVM cannot hold (they run on the interpreter). */
    private final BitSet fellBack = new BitSet();

    ClassGenerator(ModuleCode code, BitSet interpreted) {
        this.code = code;
        this.model = code.model();
        this.features = code.config().features();
        this.interpreted = interpreted;
        this.exactFuel = code.config().fuel().isPresent();
        this.hasMemory = model.memoryCount() > 0;
        this.memoryCanGrow = hasMemory && canGrow(model.memoryType(0).limits());
        for (int k = 0; k < model.types().size(); k++) {
            members.add(new ArrayList<>());
            FuncType t = code.funcType(k);
            if (t != null) {
                typeIds.putIfAbsent(t, k);
            }
        }
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
            throw new IllegalStateException("a function type outside the module's types: " + t);
        }
        return id;
    }

    /** The internal name of the class of defined function {@code funcIdx}. */
    static String functionClass(int funcIdx) {
        return PACKAGE + "F" + funcIdx;
    }

    /** The internal name of the class of signature class {@code k}. */
    static String signatureClass(int k) {
        return PACKAGE + "S" + k;
    }

    private static String chunkClass(int k, int chunk) {
        return PACKAGE + "D" + k + "_" + chunk;
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
     * The class {@code name} of function {@code funcIdx}. The function is compiled once as one method, kept
     * when it is at most {@link Split#threshold} bytes (most functions: one compilation). A larger one is
     * measured (a scratch compilation noting what {@link Split} needs), and plans are tried, each in a class
     * of its own, made finer until every method of the function is under {@link Split#LIMIT}; the class
     * whose largest method is the smallest is kept.
     *
     * <p>A function of {@link Split#threshold} bytes of WebAssembly or more is not compiled as one method
     * first: its bytecode is larger still (the smallest ratio seen, over SQLite and the benchmarks, is 1.1
     * bytes of bytecode per byte of WebAssembly; the large functions are at 1.2 to 1.6), and that compilation,
     * a third of the work for such a function, would only be thrown away.
     *
     * @throws Split.TooLargeException when the function cannot be compiled in methods the JVM loads
     */
    private byte[] compileFunction(int funcIdx, String name) {
        ClassWriter best = null;
        int bestSize = Integer.MAX_VALUE;
        if (!split || wasmSize(funcIdx) < Split.threshold) {
            best = newClass(name, "java/lang/Object");
            bestSize = emitFunction(best, funcIdx, null);
            if (!split || bestSize <= Split.threshold) {
                return finish(best);
            }
        }
        Split.Recorder recorder = FunctionCompiler.measure(this, funcIdx);
        int target = Split.target;
        for (int attempt = 0; attempt < 4 && (attempt == 0 || bestSize >= Split.LIMIT); attempt++) {
            Split.Plan plan = recorder.plan(target);
            ClassWriter cw = newClass(name, "java/lang/Object");
            int size = emitFunction(cw, funcIdx, plan);
            Split.debug(funcIdx, recorder.size(), target, plan, size);
            if (size < bestSize) {
                best = cw;
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
        return finish(best);
    }

    /** The size in bytes of the WebAssembly code of defined function {@code funcIdx}. */
    private int wasmSize(int funcIdx) {
        return model.codes().get(funcIdx - model.importedFuncCount()).body().code().length;
    }

    /** Ends class {@code cw} and returns its bytes. */
    private static byte[] finish(ClassWriter cw) {
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Emits function {@code funcIdx} (its method and pieces) into {@code cv}; returns the largest method's size. */
    private int emitFunction(ClassVisitor cv, int funcIdx, Split.Plan plan) {
        try {
            MethodVisitor mv = cv.visitMethod(ACC_STATIC, functionName(funcIdx),
                    functionDesc(code.funcTypeOf(funcIdx)), null, null);
            int max = FunctionCompiler.compile(this, funcIdx, mv, plan);
            while (!pieces.isEmpty()) {
                FunctionCompiler.PendingPiece p = pieces.remove(pieces.size() - 1);
                MethodVisitor pv = cv.visitMethod(ACC_STATIC,
                        FunctionCompiler.pieceName(p.funcIdx, p.region), FunctionCompiler.pieceDesc(this, p.region), null, null);
                max = Math.max(max, FunctionCompiler.compilePiece(this, p, pv));
                Split.COMPILED.incrementAndGet();
            }
            return max;
        } finally {
            pieces.clear();
        }
    }

    /** Records a call through a {@link FunctionInstance} of type {@code t}; returns its signature class. */
    int useGeneric(FuncType t) {
        return typeId(t);
    }

    /** Records a {@code call_indirect} of type {@code t}; returns its signature class. */
    int useIndirect(FuncType t) {
        return typeId(t);
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
        for (int i = 0; i < model.types().size(); i++) {
            FuncType t = code.funcType(i);
            if (t != null) {
                n = Math.max(n, Math.max(JvmTypes.slots(t.results()), JvmTypes.slots(t.params())));
            }
        }
        return n;
    }

    /**
     * A class writer for a generated class: class-file version 49 (Java 5), without stack map frames, so that
     * ASM only sums up the stack depths instead of computing a frame at every branch target, and the JVM's
     * type-inferencing verifier checks the class instead (see RATIONALE.md, "Why are the generated classes
     * of class-file version 49?").
     */
    private static ClassWriter newClass(String name, String superName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V1_5, (name.equals(NAME) ? ACC_PUBLIC : 0) | ACC_FINAL | ACC_SUPER, name, null, superName, null);
        return cw;
    }

    /**
     * Generates class {@code name} (internal form, in {@link #PACKAGE}), or returns null when the module has
     * no such class.
     */
    synchronized byte[] generate(String name) {
        if (!name.startsWith(PACKAGE)) {
            return null;
        }
        String simple = name.substring(PACKAGE.length());
        try {
            if (simple.equals("M")) {
                return moduleClass();
            } else if (simple.startsWith("F")) {
                int funcIdx = Integer.parseInt(simple.substring(1));
                return isCompiled(funcIdx) && simple.equals("F" + funcIdx) ? functionCode(funcIdx) : null;
            } else if (simple.startsWith("S")) {
                int k = Integer.parseInt(simple.substring(1));
                return isSignature(k) && simple.equals("S" + k) ? signatureCode(k) : null;
            } else if (simple.startsWith("D")) {
                int us = simple.indexOf('_');
                int k = Integer.parseInt(simple.substring(1, us));
                int c = Integer.parseInt(simple.substring(us + 1));
                return isSignature(k) && c >= 0 && c * CHUNK < members.get(k).size()
                        && simple.equals("D" + k + "_" + c) ? chunkCode(k, c, chunkClass(k, c)) : null;
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
        return null;
    }

    private boolean isSignature(int k) {
        return k >= 0 && k < members.size() && code.funcType(k) != null && typeIds.get(code.funcType(k)) == k;
    }

    /** Whether function {@code funcIdx}'s class only calls the interpreter (its code did not fit the JVM). */
    boolean fellBack(int funcIdx) {
        synchronized (this) {
            return fellBack.get(funcIdx);
        }
    }

    /** The module class {@code M}. */
    private byte[] moduleClass() {
        ClassWriter cw = newClass(NAME, CTX);
        int globals = Math.min(model.globalCount(), FIELD_LIMIT);
        int tables = Math.min(model.tableCount(), FIELD_LIMIT);
        for (int i = 0; i < globals; i++) {
            cw.visitField(ACC_FINAL, globalField(i), GLOBAL_DESC, null, null).visitEnd();
        }
        for (int i = 0; i < tables; i++) {
            cw.visitField(ACC_FINAL, tableField(i), TABLE_DESC, null, null).visitEnd();
        }
        constructor(cw, globals, tables);
        enter(cw);
        return finish(cw);
    }

    /**
     * The class {@code F<i>} of function {@code funcIdx}: its method and its pieces. A function the JVM
     * cannot hold (a method over 64 KB, a class over 65,535 constants) gets a method that calls the
     * interpreter instead, with a warning.
     *
     */
    private byte[] functionCode(int funcIdx) {
        String name = functionClass(funcIdx);
        String why;
        try {
            return compileFunction(funcIdx, name);
        } catch (MethodTooLargeException e) {
            String method = e.getMethodName();
            why = "needs " + e.getCodeSize() + " bytes of bytecode in "
                    + (method.equals(functionName(funcIdx)) ? "its method" : "its method " + method)
                    + " (the JVM allows 65,535 in a method)";
        } catch (ClassTooLargeException e) {
            why = "needs a class of " + e.getConstantPoolCount() + " constants (the JVM allows 65,535)";
        } catch (FunctionCompiler.TooLargeException e) {
            why = e.getMessage();
        } catch (Split.TooLargeException e) {
            why = e.getMessage() + ", even split into pieces";
        } finally {
            pieces.clear();
        }
        Warnings.leftToInterpreter(code, funcIdx, why);
        fellBack.set(funcIdx);
        return interpreterStub(funcIdx);
    }

    /**
     * A class {@code F<i>} whose method calls function {@code funcIdx} on the interpreter ({@link Fallback}),
     * as a call to a function of another instance does (through {@code h<k>}, at the caller's depth).
     */
    private byte[] interpreterStub(int funcIdx) {
        String name = functionClass(funcIdx);
        FuncType t = code.funcTypeOf(funcIdx);
        int k = typeId(t);
        ClassWriter cw = newClass(name, "java/lang/Object");
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, functionName(funcIdx), functionDesc(t), null, null);
        mv.visitCode();
        int paramSize = loadParams(mv, t);
        mv.visitVarInsn(ALOAD, paramSize);
        JvmTypes.iconst(mv, funcIdx);
        mv.visitMethodInsn(INVOKESTATIC, FALLBACK, "interpreted", "(L" + CTX + ";I)L" + FUNCTION + ";", false);
        mv.visitVarInsn(ALOAD, paramSize);
        mv.visitVarInsn(ILOAD, paramSize + 1);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
        mv.visitMethodInsn(INVOKESTATIC, signatureClass(k), "h" + k, genericDesc(t), false);
        returnResult(mv, t);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return finish(cw);
    }

    /** The class {@code S<k>} of signature class {@code k}. */
    private byte[] signatureCode(int k) {
        String name = signatureClass(k);
        ClassWriter cw = newClass(name, "java/lang/Object");
        if (!members.get(k).isEmpty()) {
            dispatch(cw, name, k);
            entry(cw, name, k);
        }
        callIndirect(cw, name, k);
        generic(cw, k);
        return finish(cw);
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

    /** {@code d<k>}, directly or (past {@link #CHUNK} functions) through the classes of chunks. */
    private void dispatch(ClassWriter cw, String owner, int k) {
        FuncType t = code.funcType(k);
        List<Integer> funcs = members.get(k);
        if (funcs.size() <= CHUNK) {
            switchOver(cw, owner, "d" + k, k, 0, funcs.size());
            return;
        }
        int paramSize = JvmTypes.size(t.params());
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "d" + k, dispatchDesc(t), null, null);
        mv.visitCode();
        int chunks = (funcs.size() + CHUNK - 1) / CHUNK;
        Label[] labels = new Label[chunks];
        for (int c = 0; c < chunks; c++) {
            labels[c] = new Label();
        }
        Label dflt = new Label();
        mv.visitVarInsn(ILOAD, paramSize);
        JvmTypes.iconst(mv, CHUNK);
        mv.visitInsn(IDIV);
        mv.visitTableSwitchInsn(0, chunks - 1, dflt, labels);
        for (int c = 0; c < chunks; c++) {
            mv.visitLabel(labels[c]);
            loadParams(mv, t);
            mv.visitVarInsn(ILOAD, paramSize);
            mv.visitVarInsn(ALOAD, paramSize + 1);
            mv.visitVarInsn(ILOAD, paramSize + 2);
            mv.visitMethodInsn(INVOKESTATIC, chunkClass(k, c), "d" + k, dispatchDesc(t), false);
            returnResult(mv, t);
        }
        mv.visitLabel(dflt);
        JvmTypes.throwUnreachable(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The class {@code D<k>_<c>}: {@code d<k>} for functions {@code c * CHUNK} on of signature class k. */
    private byte[] chunkCode(int k, int c, String name) {
        FuncType t = code.funcType(k);
        int paramSize = JvmTypes.size(t.params());
        int base = c * CHUNK;
        ClassWriter cw = newClass(name, "java/lang/Object");
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "d" + k, dispatchDesc(t), null, null);
        mv.visitCode();
        loadParams(mv, t);
        mv.visitVarInsn(ILOAD, paramSize);
        JvmTypes.iconst(mv, base);
        mv.visitInsn(ISUB);
        mv.visitVarInsn(ALOAD, paramSize + 1);
        mv.visitVarInsn(ILOAD, paramSize + 2);
        mv.visitMethodInsn(INVOKESTATIC, name, "s" + k, dispatchDesc(t), false);
        returnResult(mv, t);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        switchOver(cw, name, "s" + k, k, base, Math.min(CHUNK, members.get(k).size() - base));
        return finish(cw);
    }

    /** A switch method over {@code n} functions of signature class {@code k} from {@code base}. */
    private void switchOver(ClassWriter cw, String owner, String method, int k, int base, int n) {
        FuncType t = code.funcType(k);
        List<Integer> funcs = members.get(k);
        int paramSize = JvmTypes.size(t.params());
        String desc = functionDesc(t);
        Switches.emit(cw, owner, method, dispatchDesc(t), paramSize, n, 12 + 2 * paramSize, (mv, key) -> {
            int callee = funcs.get(base + key);
            loadParams(mv, t);
            mv.visitVarInsn(ALOAD, paramSize + 1);
            mv.visitVarInsn(ILOAD, paramSize + 2);
            mv.visitMethodInsn(INVOKESTATIC, functionClass(callee), functionName(callee), desc, false);
            returnResult(mv, t);
            return true;
        });
    }

    /** {@code e<k>}: locals args 0, argRefs 1, results 2, resultRefs 3, di 4, ctx 5, depth 6. */
    private void entry(ClassWriter cw, String owner, int k) {
        FuncType t = code.funcType(k);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "e" + k, entryDesc(), null, null);
        mv.visitCode();
        int slot = 0;
        for (ValType p : t.params()) {
            JvmTypes.loadFromSlots(mv, p, 0, 1, slot);
            slot += JvmTypes.slots(p);
        }
        mv.visitVarInsn(ILOAD, 4);
        mv.visitVarInsn(ALOAD, 5);
        mv.visitVarInsn(ILOAD, 6);
        mv.visitMethodInsn(INVOKESTATIC, owner, "d" + k, dispatchDesc(t), false);
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
    private void callIndirect(ClassWriter cw, String owner, int k) {
        FuncType t = code.funcType(k);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "ci" + k, genericDesc(t), null, null);
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
            mv.visitMethodInsn(INVOKESTATIC, owner, "d" + k, dispatchDesc(t), false);
            returnResult(mv, t);
            mv.visitLabel(generic);
        }
        loadParams(mv, t);
        mv.visitVarInsn(ALOAD, f);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitVarInsn(ILOAD, depth);
        mv.visitMethodInsn(INVOKESTATIC, owner, "h" + k, genericDesc(t), false);
        returnResult(mv, t);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code h<k>}: locals params, then f, ctx, depth, then args, argRefs, results, resultRefs. */
    private void generic(ClassWriter cw, int k) {
        FuncType t = code.funcType(k);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "h" + k, genericDesc(t), null, null);
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
        Switches.emit(cw, NAME, "E", eDesc, 0, members.size(), 16, (m, k) -> {
            if (members.get(k).isEmpty()) {
                return false;
            }
            for (int i = 2; i <= 5; i++) {
                m.visitVarInsn(ALOAD, i);
            }
            m.visitVarInsn(ILOAD, 1);
            m.visitVarInsn(ALOAD, 6);
            m.visitVarInsn(ILOAD, 7);
            m.visitMethodInsn(INVOKESTATIC, signatureClass(k), "e" + k, entryDesc(), false);
            m.visitInsn(RETURN);
            return true;
        });
    }
}
