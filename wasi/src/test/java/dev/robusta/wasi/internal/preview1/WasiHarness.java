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

    // ---- higher-level helpers: buffers at 4096+, paths at 8192+, out-pointers below 64

    static final long PATH = 8192;
    static final long PATH2 = 12288;
    static final long BUF = 16384;
    static final long OUT = 0;

    /** {@code path_open}; returns the errno, the new fd at {@link #OUT}. */
    Errno pathOpen(int dirFd, int lookupFlags, String path, int oflags, long base, long inheriting, int fdflags) {
        int len = put(PATH, path);
        return call("path_open", dirFd, lookupFlags, PATH, len, oflags, base, inheriting, fdflags, OUT);
    }

    /** {@code path_open} that must succeed; returns the fd. */
    int open(int dirFd, String path, int oflags, long base, int fdflags) {
        Errno e = pathOpen(dirFd, dev.robusta.wasi.internal.abi.LookupFlags.SYMLINK_FOLLOW, path, oflags, base,
                base, fdflags);
        if (e != Errno.SUCCESS) {
            throw new AssertionError("path_open " + path + ": " + e);
        }
        return i32(OUT);
    }

    /** A path function of the form {@code f(fd, path, path_len)}. */
    Errno path(String function, int fd, String path) {
        int len = put(PATH, path);
        return call(function, fd, PATH, len);
    }

    /** Writes {@code s} to {@code fd} with {@code fd_write}; returns the errno. */
    Errno write(int fd, String s) {
        int len = put(BUF, s);
        iovec(64, (int) BUF, len);
        return call("fd_write", fd, 64, 1, OUT);
    }

    /** Reads up to {@code n} bytes from {@code fd} with {@code fd_read}; must succeed. */
    String read(int fd, int n) {
        iovec(64, (int) BUF, n);
        Errno e = call("fd_read", fd, 64, 1, OUT);
        if (e != Errno.SUCCESS) {
            throw new AssertionError("fd_read: " + e);
        }
        return string(BUF, i32(OUT));
    }

    /** Whether the UTF-8 of {@code s} appears anywhere in the memory. */
    boolean memoryContains(String s) {
        String all = new String(memory.readBytes(0, (int) memory.byteSize()), StandardCharsets.ISO_8859_1);
        return all.contains(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
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
