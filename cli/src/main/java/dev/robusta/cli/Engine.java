package dev.robusta.cli;

import dev.robusta.runtime.EngineKind;

/**
 * The value of {@code --engine}: which engine runs the code. {@code auto} takes the compiler to JVM bytecode
 * (on the command's class path) and lets it hand what it cannot compile to the interpreter; the other two
 * force one engine.
 */
enum Engine {
    /** The compiler, falling back to the interpreter for what it does not compile (logged). */
    auto(EngineKind.AUTO),
    /** The interpreter. */
    interpreter(EngineKind.INTERPRETER),
    /** The compiler to JVM bytecode. */
    compiler(EngineKind.COMPILER);

    private final EngineKind kind;

    Engine(EngineKind kind) {
        this.kind = kind;
    }

    /** The runtime's engine setting for this value. */
    EngineKind kind() {
        return kind;
    }
}
