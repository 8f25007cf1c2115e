package dev.robusta.runtime.internal.engine;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.internal.ModuleCode;

/**
 * The service interface of an engine other than the built-in interpreter, found with
 * {@link java.util.ServiceLoader} (a {@code provides} clause in the engine's module descriptor, or a
 * {@code META-INF/services} entry on the class path). The runtime calls it once per module, at the module's
 * first instantiation.
 *
 * <p>Internal: the only implementation is the compiler of {@code robusta-compiler}, to which this package is
 * exported.
 */
public interface Engine {
    /** The kind this engine implements ({@link EngineKind#COMPILER}). */
    EngineKind kind();

    /**
     * Prepares a validated module for execution, for example by compiling it. Called at most once per
     * module (more than once only if two threads instantiate it at the same time; one result is kept).
     */
    PreparedModule prepare(ModuleCode code);
}
