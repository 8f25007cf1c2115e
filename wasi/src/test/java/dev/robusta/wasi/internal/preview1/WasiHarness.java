package dev.robusta.wasi.internal.preview1;

import dev.robusta.runtime.Function;
import dev.robusta.runtime.Global;
import dev.robusta.runtime.Imports;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Memory;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.Table;
import dev.robusta.wasi.Wasi;
import dev.robusta.wasi.internal.Errno;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Calls WASI functions through the public API ({@link Wasi#importObject()}, the real adapter) on a memory
 * of two pages, for unit tests: the Wasi is bound to a stand-in instance that exports only that memory.
 */
final class WasiHarness {
    final Memory memory = Memory.create(2);
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final ByteArrayOutputStream trace = new ByteArrayOutputStream();
    final Wasi wasi;
    final Imports imports;
    final String module;

    private WasiHarness(Wasi.Builder builder) {
        this.wasi = builder.stdout(stdout).stderr(stderr)
                .trace(new java.io.PrintStream(trace, true, StandardCharsets.UTF_8)).build();
        this.imports = wasi.importObject();
        this.module = wasi.version().moduleName();
        wasi.initialize(new MemoryOnlyInstance(memory));
    }

    static WasiHarness of(Wasi.Builder builder) {
        return new WasiHarness(builder);
    }

    static WasiHarness of() {
        return of(Wasi.builder());
    }

    /** Calls {@code name} and returns its errno. */
    Errno call(String name, long... args) {
        Function f = (Function) imports.get(module, name);
        if (f == null) {
            throw new IllegalArgumentException("no function " + name);
        }
        long[] r = f.call(args);
        return Errno.of((int) r[0]);
    }

    Function function(String name) {
        return (Function) imports.get(module, name);
    }

    int i32(long address) {
        return memory.readInt(address);
    }

    long i64(long address) {
        return memory.readLong(address);
    }

    int u8(long address) {
        return memory.readByte(address) & 0xFF;
    }

    int u16(long address) {
        return memory.readShort(address) & 0xFFFF;
    }

    /** Writes {@code s} as UTF-8 at {@code address}; returns its length. */
    int put(long address, String s) {
        return memory.writeString(address, s);
    }

    String string(long address, int length) {
        return memory.readString(address, length);
    }

    /** Writes an iovec {@code {buf, len}} at {@code address}. */
    void iovec(long address, int buf, int len) {
        memory.writeInt(address, buf);
        memory.writeInt(address + 4, len);
    }

    String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    String trace() {
        return trace.toString(StandardCharsets.UTF_8);
    }

    /** An instance that exports one memory named {@code memory}. */
    private static final class MemoryOnlyInstance implements Instance {
        private final Memory memory;

        MemoryOnlyInstance(Memory memory) {
            this.memory = memory;
        }

        @Override
        public Module module() {
            return null;
        }

        @Override
        public Function function(String name) {
            throw new IllegalArgumentException(name);
        }

        @Override
        public Memory memory(String name) {
            if (!name.equals("memory")) {
                throw new IllegalArgumentException(name);
            }
            return memory;
        }

        @Override
        public Table table(String name) {
            throw new IllegalArgumentException(name);
        }

        @Override
        public Global global(String name) {
            throw new IllegalArgumentException(name);
        }

        @Override
        public Object export(String name) {
            return memory(name);
        }

        @Override
        public Map<String, Object> exports() {
            return Map.of("memory", memory);
        }

        @Override
        public void interrupt() {
        }
    }
}
