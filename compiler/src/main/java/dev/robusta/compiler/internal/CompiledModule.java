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
 * A module with a function the JVM cannot hold as one method is not compiled (see {@link CompilerEngine}).
 */
final class CompiledModule implements PreparedModule {
    private static final System.Logger LOG = System.getLogger("dev.robusta.compiler");

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
     * Compiles {@code code}.
     *
     * @throws UnsupportedOperationException when a function cannot be one JVM method (and splitting is off
     *     or did not help): the caller leaves the whole module to the interpreter
     */
    static CompiledModule compile(ModuleCode code) {
        BitSet interpreted = new BitSet();
        ClassGenerator gen = new ClassGenerator(code, interpreted);
        for (int i = code.model().importedFuncCount(); i < code.model().funcCount(); i++) {
            try {
                FunctionCompiler.checkLimits(gen, i);
            } catch (FunctionCompiler.TooLargeException e) {
                throw new UnsupportedOperationException(code.frameName(i) + " has " + e.getMessage());
            }
        }
        byte[] bytes;
        try {
            bytes = gen.generate();
        } catch (MethodTooLargeException e) {
            String name = e.getMethodName();
            int us = name.indexOf('_');
            String what = name.startsWith("f") || name.startsWith("p")
                    ? code.frameName(Integer.parseInt(name.substring(1, us < 0 ? name.length() : us)))
                    : "generated method " + name;
            throw new UnsupportedOperationException(what + " needs " + e.getCodeSize()
                    + " bytes of bytecode (the JVM allows 65,535 in a method)");
        } catch (ClassTooLargeException e) {
            throw new UnsupportedOperationException("its class has " + e.getConstantPoolCount()
                    + " constants (the JVM allows 65,535)");
        }
        dump(bytes);
        return new CompiledModule(code, gen, interpreted, define(bytes));
    }

    /** Writes the class to the folder named by {@code robusta.compiler.dump}, for inspection with javap. */
    private static void dump(byte[] bytes) {
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

    /**
     * A debugging aid ({@code -Drobusta.compiler.debugClasses=true}): the first compiled class is defined as
     * an ordinary class, so that profilers and stack traces show its frames (hidden classes' frames are left
     * out). Later modules, whose class would have the same name, are hidden classes as usual.
     */
    private static final boolean DEBUG_CLASSES = Boolean.getBoolean("robusta.compiler.debugClasses");

    private static MethodHandles.Lookup debugLookup(byte[] bytes) {
        try {
            return MethodHandles.privateLookupIn(MethodHandles.lookup().defineClass(bytes), MethodHandles.lookup());
        } catch (LinkageError | IllegalAccessException e) {
            return null;
        }
    }

    private static MethodHandle define(byte[] bytes) {
        try {
            MethodHandles.Lookup lookup = DEBUG_CLASSES ? debugLookup(bytes) : null;
            if (lookup == null) {
                lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            }
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
