package dev.robusta.cli;

/**
 * The value of {@code --engine}: which engine runs the code. Only the interpreter exists so far; {@code auto}
 * chooses it, and asking for the compiler is an error rather than a silent fallback.
 */
enum Engine {
    /** The best engine available: today the interpreter. */
    auto,
    /** The interpreter. */
    interpreter,
    /** The compiler to JVM bytecode (not available yet). */
    compiler;

    /**
     * Checks that this engine can be used.
     *
     * @throws CommandException when it is not available
     */
    void require() {
        if (this == compiler) {
            throw new CommandException("the compiler engine is not available yet");
        }
    }
}
