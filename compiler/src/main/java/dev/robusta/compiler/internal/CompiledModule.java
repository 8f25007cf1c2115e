package dev.robusta.compiler.internal;

import dev.robusta.runtime.internal.FunctionInstance;
import dev.robusta.runtime.internal.ModuleCode;
import dev.robusta.runtime.internal.ModuleInstance;
import dev.robusta.runtime.internal.WasmFunction;
import dev.robusta.runtime.internal.engine.PreparedModule;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.BitSet;

/**
 * A module compiled to a hidden class (one per module, shared by its instances, unloaded with the module).
 * A function the JVM cannot hold even split into pieces ({@link Split}) runs in the interpreter: only that
 * function (the {@code interpreted} set).
 */
final class CompiledModule implements PreparedModule {
    private static final System.Logger LOG = System.getLogger("dev.robusta.compiler");
    /**
     * Debugging: define the class as an ordinary class, which profilers (JFR) show in stacks, where hidden
     * classes are left out. One module per JVM then (the class is never unloaded and its name is fixed).
     */
    private static final boolean DEBUG_CLASSES = Boolean.getBoolean("robusta.compiler.debugClasses");

    private final ModuleCode code;
    private final BitSet interpreted;
    private final int[] typeIdOf;
    private final int[] dispatchIdxOf;
    private final int maxResultSlots;
    private final MethodHandle constructor;

    private CompiledModule(ModuleCode code, ClassGenerator gen, BitSet interpreted, MethodHandle constructor) {
        this.code = code;
        this.interpreted = interpreted;
        this.typeIdOf = gen.typeIdOf;
        this.dispatchIdxOf = gen.dispatchIdxOf;
        this.maxResultSlots = gen.maxResultSlots();
        this.constructor = constructor;
    }

    /**
     * Compiles {@code code}. A function that cannot be compiled into methods the JVM loads (too many locals or
     * parameters, or a method over 64 KB even split) is left to the interpreter, alone, with a warning.
     *
     * @throws UnsupportedOperationException when the class itself is too large (its constant pool): the
     *     caller leaves the whole module to the interpreter
     */
    static CompiledModule compile(ModuleCode code) {
        BitSet interpreted = new BitSet();
        int imported = code.model().importedFuncCount();
        for (int i = imported; i < code.model().funcCount(); i++) {
            try {
                FunctionCompiler.checkLimits(code, i);
            } catch (FunctionCompiler.TooLargeException e) {
                interpret(code, interpreted, i, e.getMessage());
            }
        }
        while (true) {
            ClassGenerator gen = new ClassGenerator(code, interpreted);
            byte[] bytes;
            try {
                bytes = gen.generate();
            } catch (Split.TooLargeException e) {
                interpret(code, interpreted, e.funcIdx, e.getMessage());
                continue;
            } catch (MethodTooLargeException e) {
                String name = e.getMethodName();
                int us = name.indexOf('_');
                if (!name.startsWith("f") && !name.startsWith("p")) {
                    throw new UnsupportedOperationException("generated method " + name + " needs "
                            + e.getCodeSize() + " bytes of bytecode (the JVM allows 65,535 in a method)");
                }
                int funcIdx = Integer.parseInt(name.substring(1, us < 0 ? name.length() : us));
                interpret(code, interpreted, funcIdx, "needs a method of " + e.getCodeSize()
                        + " bytes of bytecode (the JVM allows 65,535)");
                continue;
            } catch (ClassTooLargeException e) {
                throw new UnsupportedOperationException("its class has " + e.getConstantPoolCount()
                        + " constants (the JVM allows 65,535)");
            }
            dump(bytes);
            return new CompiledModule(code, gen, interpreted, define(bytes));
        }
    }

    /** Leaves function {@code funcIdx} to the interpreter, with a warning. */
    private static void interpret(ModuleCode code, BitSet interpreted, int funcIdx, String why) {
        int d = funcIdx - code.model().importedFuncCount();
        if (interpreted.get(d)) {
            throw new IllegalStateException(code.frameName(funcIdx) + " " + why);
        }
        interpreted.set(d);
        int size = code.model().codes().get(d).body().code().length;
        LOG.log(System.Logger.Level.WARNING, "robusta compiler: function " + funcIdx + " (" + code.frameName(funcIdx)
                + ", " + size + " bytes of WebAssembly) is left to the interpreter: it " + why);
    }

    /** Sees every class the compiler defines (tests: the sizes of its methods). */
    static volatile java.util.function.Consumer<byte[]> classListener;

    /**
     * Writes the class to the folder named by {@code robusta.compiler.dump}, for inspection with javap, and
     * shows it to the {@link #classListener}.
     */
    private static void dump(byte[] bytes) {
        java.util.function.Consumer<byte[]> listener = classListener;
        if (listener != null) {
            listener.accept(bytes);
        }
        String dir = System.getProperty("robusta.compiler.dump");
        if (dir != null) {
            try {
                java.nio.file.Path d = java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
                java.nio.file.Files.write(d.resolve("CompiledWasm" + System.nanoTime() + ".class"), bytes);
            } catch (java.io.IOException e) {
                LOG.log(System.Logger.Level.WARNING, "robusta compiler: cannot dump the class: " + e);
            }
        }
    }

    private static MethodHandle define(byte[] bytes) {
        try {
            MethodHandles.Lookup lookup = DEBUG_CLASSES
                    ? MethodHandles.privateLookupIn(MethodHandles.lookup().defineClass(bytes), MethodHandles.lookup())
                    : MethodHandles.lookup().defineHiddenClass(bytes, true);
            return lookup.findConstructor(lookup.lookupClass(),
                    MethodType.methodType(void.class, Exec.class, InstanceState.class));
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot define the compiled class", e);
        }
    }

    Ctx newCtx(Exec exec, InstanceState state) {
        exec.ensureResults(maxResultSlots);
        try {
            return (Ctx) constructor.invoke(exec, state);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void createFunctions(ModuleInstance instance, FunctionInstance[] functions) {
        InstanceState state = new InstanceState(this, instance);
        int imported = code.model().importedFuncCount();
        for (int i = imported; i < functions.length; i++) {
            int d = i - imported;
            functions[i] = interpreted.get(d) ? new WasmFunction(instance, i)
                    : new CompiledFunction(state, i, typeIdOf[d], dispatchIdxOf[d]);
        }
    }
}
