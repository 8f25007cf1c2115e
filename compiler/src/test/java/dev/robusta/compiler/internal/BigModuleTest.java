package dev.robusta.compiler.internal;

import dev.robusta.runtime.EngineKind;
import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Module;
import dev.robusta.runtime.RuntimeConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Modules beyond what one class can hold (65,535 methods or constants): thousands of functions and tens of MB
 * of code, compiled (no interpreter) one class per function.
 */
class BigModuleTest {
    private static final RuntimeConfig COMPILER = RuntimeConfig.DEFAULT.withEngine(EngineKind.COMPILER);

    /**
     * A module of {@code n} functions {@code f_i(x) = (x ^ c_1 ^ ... ^ c_xors) + i} (type 0), a table of
     * them, {@code "call"(i, x)}: {@code call_indirect} of {@code f_i}, and {@code "direct"(x)}: the sum of
     * direct calls of every {@code stride}-th function.
     */
    static byte[] module(int n, int xors, int stride) {
        Bin m = new Bin();
        m.bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
        m.section(1, new Bin().u32(2).bytes(0x60, 1, 0x7f, 1, 0x7f).bytes(0x60, 2, 0x7f, 0x7f, 1, 0x7f));
        Bin funcs = new Bin().u32(n + 2);
        for (int i = 0; i < n; i++) {
            funcs.u32(0);
        }
        funcs.u32(1).u32(0);
        m.section(3, funcs);
        m.section(4, new Bin().u32(1).bytes(0x70, 0x00).u32(n));
        m.section(7, new Bin().u32(2).name("call").bytes(0x00).u32(n).name("direct").bytes(0x00).u32(n + 1));
        Bin elem = new Bin().u32(1).bytes(0x00, 0x41, 0x00, 0x0b).u32(n);
        for (int i = 0; i < n; i++) {
            elem.u32(i);
        }
        m.section(9, elem);
        Bin code = new Bin().u32(n + 2);
        for (int i = 0; i < n; i++) {
            Bin body = new Bin().u32(0);
            for (int k = 0; k < xors; k++) {
                body.bytes(0x20, 0x00, 0x41).s32(constant(k)).bytes(0x73, 0x21, 0x00);
            }
            body.bytes(0x20, 0x00, 0x41).s32(i).bytes(0x6a, 0x0b);
            code.u32(body.size()).bytes(body);
        }
        Bin call = new Bin().u32(0).bytes(0x20, 0x01, 0x20, 0x00, 0x11).u32(0).u32(0).bytes(0x0b);
        code.u32(call.size()).bytes(call);
        Bin direct = new Bin().u32(0).bytes(0x41, 0x00);
        for (int i = 0; i < n; i += stride) {
            direct.bytes(0x20, 0x00, 0x10).u32(i).bytes(0x6a);
        }
        direct.bytes(0x0b);
        code.u32(direct.size()).bytes(direct);
        m.section(10, code);
        return m.toByteArray();
    }

    static int constant(int k) {
        return k * 0x9E3779B1 >>> 7;
    }

    static int expected(int i, int x, int xors) {
        for (int k = 0; k < xors; k++) {
            x ^= constant(k);
        }
        return x + i;
    }

    @Test
    void tenThousandFunctions_20MBOfCode_compileAndRun() {
        int n = 10_500;
        int xors = 280;
        byte[] bin = module(n, xors, 101);
        assertTrue(bin.length > 20_000_000, "size " + bin.length);
        List<String> warnings = new ArrayList<>();
        Instance[] instance = new Instance[1];
        CodeCacheTest.withWarnings(warnings, () -> instance[0] = Module.compile(bin, COMPILER).instantiate());
        Instance inst = instance[0];
        assertInstanceOf(CompiledFunction.class, inst.function("call"));
        for (int i = 0; i < n; i += 97) {
            assertEquals(expected(i, 12345 + i, xors), inst.function("call").callInt(i, 12345 + i), "f" + i);
        }
        assertEquals(expected(n - 1, 7, xors), inst.function("call").callInt(n - 1, 7));
        int sum = 0;
        for (int i = 0; i < n; i += 101) {
            sum += expected(i, 99, xors);
        }
        assertEquals(sum, inst.function("direct").callInt(99));
        assertEquals(List.of(), warnings, "no function left to the interpreter");
    }

    @Test
    void seventyThousandFunctions_moreThanAClassHoldsMethods_compileAndRun() {
        int n = 70_000;
        byte[] bin = module(n, 1, 997);
        List<String> warnings = new ArrayList<>();
        Instance[] instance = new Instance[1];
        CodeCacheTest.withWarnings(warnings, () -> instance[0] = Module.compile(bin, COMPILER).instantiate());
        Instance inst = instance[0];
        for (int i = 0; i < n; i += 1009) {
            assertEquals(expected(i, -i, 1), inst.function("call").callInt(i, -i), "f" + i);
        }
        assertEquals(expected(n - 1, 3, 1), inst.function("call").callInt(n - 1, 3));
        int sum = 0;
        for (int i = 0; i < n; i += 997) {
            sum += expected(i, 5, 1);
        }
        assertEquals(sum, inst.function("direct").callInt(5));
        assertEquals(List.of(), warnings);
    }

    @Test
    void concurrentFirstCalls_compileEachFunctionOnce_andAgree() throws Exception {
        int n = 3000;
        int xors = 20;
        Instance inst = Module.compile(module(n, xors, 7), COMPILER).instantiate();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int generated = CodeLoader.GENERATED.get();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < n; k++) {
                        int i = (k * 7 + offset) % n; // every thread calls every function, in other orders
                        assertEquals(expected(i, k, xors), inst.function("call").callInt(i, k), "f" + i);
                    }
                    assertTrue(inst.function("direct").callInt(1) != 0);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // M, S0, S1, the functions and the chunk classes of dispatch, each generated once
        int classes = CodeLoader.GENERATED.get() - generated;
        assertEquals(3 + (n + 2), classes);
    }

    /** A byte buffer with the LEB128 encodings of the binary format. */
    static final class Bin {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bin bytes(int... bs) {
            for (int b : bs) {
                out.write(b);
            }
            return this;
        }

        Bin bytes(Bin b) {
            out.write(b.out.toByteArray(), 0, b.out.size());
            return this;
        }

        Bin u32(int v) {
            long x = v & 0xFFFFFFFFL;
            do {
                int b = (int) (x & 0x7f);
                x >>>= 7;
                out.write(x != 0 ? b | 0x80 : b);
            } while (x != 0);
            return this;
        }

        Bin s32(int v) {
            boolean more = true;
            while (more) {
                int b = v & 0x7f;
                v >>= 7;
                more = !(v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0);
                out.write(more ? b | 0x80 : b);
            }
            return this;
        }

        Bin name(String s) {
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            u32(b.length);
            out.write(b, 0, b.length);
            return this;
        }

        Bin section(int id, Bin content) {
            out.write(id);
            u32(content.size());
            return bytes(content);
        }

        int size() {
            return out.size();
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
