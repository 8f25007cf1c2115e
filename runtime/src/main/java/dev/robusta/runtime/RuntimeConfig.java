package dev.robusta.runtime;

import dev.robusta.wasm.Features;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How modules are compiled and run: the accepted features and the resource limits. Immutable; build one
 * with {@link #builder()} or derive one with the {@code withX} methods.
 *
 * <p>The limits on execution apply to each call from the host into WebAssembly (a call made while no
 * WebAssembly code runs on the thread, including the start function during instantiation); calls that
 * re-enter WebAssembly from a host function share the budget of the call that is already running. They
 * are checked at calls and at loop back-edges, so they stop any computation that does not terminate:
 * <ul>
 * <li>{@link #maxCallDepth()}: nested WebAssembly calls; beyond it the call traps with
 *     "call stack exhausted".</li>
 * <li>{@link #fuel()}: an instruction budget. Fuel approximates executed instructions: a call costs the
 *     number of instructions in the callee's body and a loop iteration the number of instructions from the
 *     loop's start to the branch back, so straight-line code is charged in advance. When it runs out the
 *     call traps with "fuel exhausted".</li>
 * <li>{@link #timeout()}: wall-clock time; when it passes the call traps with "deadline exceeded".</li>
 * <li>{@link Instance#interrupt()} from any thread makes the running call trap with "interrupted".</li>
 * </ul>
 *
 * <p>{@link #maxMemoryPages()} and {@link #maxTableElements()} cap memories and tables: growth beyond the cap
 * fails ({@code memory.grow} and {@code table.grow} return -1), and instantiating a module whose memory or
 * table needs more at the start fails with a {@link dev.robusta.wasm.TrapException} of kind
 * {@link dev.robusta.wasm.Trap#OUT_OF_MEMORY}.
 */
public final class RuntimeConfig {
    /** The default call depth limit. */
    public static final int DEFAULT_MAX_CALL_DEPTH = 100_000;
    /** The default memory cap in pages: the whole 32-bit address space (4 GiB). */
    public static final int DEFAULT_MAX_MEMORY_PAGES = 65536;
    /** The default table cap, the JavaScript API's limit. */
    public static final int DEFAULT_MAX_TABLE_ELEMENTS = 10_000_000;

    /** WebAssembly 2.0 features and the default limits, no fuel and no timeout. */
    public static final RuntimeConfig DEFAULT = builder().build();

    private final Features features;
    private final int maxCallDepth;
    private final int maxMemoryPages;
    private final int maxTableElements;
    private final long fuel;
    private final Duration timeout;
    private final EngineKind engine;
    private final Path codeCache;

    private RuntimeConfig(Builder b) {
        this.features = b.features;
        this.maxCallDepth = b.maxCallDepth;
        this.maxMemoryPages = b.maxMemoryPages;
        this.maxTableElements = b.maxTableElements;
        this.fuel = b.fuel;
        this.timeout = b.timeout;
        this.engine = b.engine;
        this.codeCache = b.codeCache;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.features = features;
        b.maxCallDepth = maxCallDepth;
        b.maxMemoryPages = maxMemoryPages;
        b.maxTableElements = maxTableElements;
        b.fuel = fuel;
        b.timeout = timeout;
        b.engine = engine;
        b.codeCache = codeCache;
        return b;
    }

    /** The features the decoder and validator accept (default {@link Features#V2}). */
    public Features features() {
        return features;
    }

    /** The maximum number of nested WebAssembly calls (default {@value #DEFAULT_MAX_CALL_DEPTH}). */
    public int maxCallDepth() {
        return maxCallDepth;
    }

    /** The maximum size of a memory in pages (default {@value #DEFAULT_MAX_MEMORY_PAGES}). */
    public int maxMemoryPages() {
        return maxMemoryPages;
    }

    /** The maximum number of elements of a table (default {@value #DEFAULT_MAX_TABLE_ELEMENTS}). */
    public int maxTableElements() {
        return maxTableElements;
    }

    /** The instruction budget of each call from the host, if any. */
    public OptionalLong fuel() {
        return fuel < 0 ? OptionalLong.empty() : OptionalLong.of(fuel);
    }

    /** The wall-clock limit of each call from the host, if any. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The engine that runs the code (default {@link EngineKind#AUTO}). */
    public EngineKind engine() {
        return engine;
    }

    /**
     * The folder where the compiler keeps the classes it generates, if any (default none). A module compiled
     * again, in this process or a later one, loads them from there instead of generating them again. See
     * {@link Builder#codeCache(Path)}.
     */
    public Optional<Path> codeCache() {
        return Optional.ofNullable(codeCache);
    }

    /** A copy with a code cache folder; null means none. */
    public RuntimeConfig withCodeCache(Path codeCache) {
        return toBuilder().codeCache(codeCache).build();
    }

    public RuntimeConfig withFeatures(Features features) {
        return toBuilder().features(features).build();
    }

    public RuntimeConfig withMaxCallDepth(int maxCallDepth) {
        return toBuilder().maxCallDepth(maxCallDepth).build();
    }

    public RuntimeConfig withMaxMemoryPages(int maxMemoryPages) {
        return toBuilder().maxMemoryPages(maxMemoryPages).build();
    }

    public RuntimeConfig withMaxTableElements(int maxTableElements) {
        return toBuilder().maxTableElements(maxTableElements).build();
    }

    /** A copy with an instruction budget per call from the host; a negative value means none. */
    public RuntimeConfig withFuel(long fuel) {
        return toBuilder().fuel(fuel).build();
    }

    /** A copy with a wall-clock limit per call from the host; null means none. */
    public RuntimeConfig withTimeout(Duration timeout) {
        return toBuilder().timeout(timeout).build();
    }

    /** A copy with another engine. */
    public RuntimeConfig withEngine(EngineKind engine) {
        return toBuilder().engine(engine).build();
    }

    @Override
    public String toString() {
        return "RuntimeConfig[features=" + features + ", maxCallDepth=" + maxCallDepth + ", maxMemoryPages="
                + maxMemoryPages + ", maxTableElements=" + maxTableElements + ", fuel=" + fuel() + ", timeout="
                + timeout() + ", engine=" + engine + ", codeCache=" + codeCache() + "]";
    }

    /** Builds a {@link RuntimeConfig}; every setting starts at its default. */
    public static final class Builder {
        private Features features = Features.V2;
        private int maxCallDepth = DEFAULT_MAX_CALL_DEPTH;
        private int maxMemoryPages = DEFAULT_MAX_MEMORY_PAGES;
        private int maxTableElements = DEFAULT_MAX_TABLE_ELEMENTS;
        private long fuel = -1;
        private Duration timeout;
        private EngineKind engine = EngineKind.AUTO;
        private Path codeCache;

        private Builder() {
        }

        public Builder features(Features features) {
            this.features = Objects.requireNonNull(features, "features");
            return this;
        }

        /** @param maxCallDepth at least 1 */
        public Builder maxCallDepth(int maxCallDepth) {
            if (maxCallDepth < 1) {
                throw new IllegalArgumentException("maxCallDepth must be positive: " + maxCallDepth);
            }
            this.maxCallDepth = maxCallDepth;
            return this;
        }

        /** @param maxMemoryPages 0 to 65536 */
        public Builder maxMemoryPages(int maxMemoryPages) {
            if (maxMemoryPages < 0 || maxMemoryPages > 65536) {
                throw new IllegalArgumentException("maxMemoryPages must be in 0..65536: " + maxMemoryPages);
            }
            this.maxMemoryPages = maxMemoryPages;
            return this;
        }

        /** @param maxTableElements not negative */
        public Builder maxTableElements(int maxTableElements) {
            if (maxTableElements < 0) {
                throw new IllegalArgumentException("maxTableElements must not be negative: " + maxTableElements);
            }
            this.maxTableElements = maxTableElements;
            return this;
        }

        /** @param fuel the instruction budget per call from the host; negative for none */
        public Builder fuel(long fuel) {
            this.fuel = fuel < 0 ? -1 : fuel;
            return this;
        }

        /** @param timeout the wall-clock limit per call from the host; null for none */
        public Builder timeout(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must not be negative: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param engine the engine; {@link EngineKind#COMPILER} needs {@code robusta-compiler}, or compiling a
         *     module fails with an {@link IllegalStateException}
         */
        public Builder engine(EngineKind engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * Keeps the classes the compiler generates in folder {@code codeCache} (created when missing), so that
         * later runs load them instead of generating them. The compiler generates a function's class when the
         * function is first called and stores it there at once; entries are keyed by the SHA-256 of the
         * module's bytes, the compiler's version and the settings that change the generated code (features,
         * fuel on or off), each in a subfolder named by the key. A damaged entry is detected (a checksum) and
         * generated again, with a warning; a folder that cannot be written gives a warning and the module
         * runs without storing its classes. The folder is trusted like any class path entry: do not share it
         * with code you do not trust. Used only by the compiler engine.
         *
         * @param codeCache the folder, or null for none
         */
        public Builder codeCache(Path codeCache) {
            this.codeCache = codeCache;
            return this;
        }

        public RuntimeConfig build() {
            return new RuntimeConfig(this);
        }
    }
}
