package dev.robusta.runtime;

import static dev.robusta.runtime.WasmBuilder.I32;
import static dev.robusta.runtime.WasmBuilder.type;
import static dev.robusta.wasm.Opcode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class ConcurrencyTest {
    @Test
    void oneModuleAndInstance_calledFromManyThreads_eachThreadHasItsOwnStacks() throws Exception {
        WasmBuilder b = new WasmBuilder();
        int fib = b.func(type(List.of(I32), List.of(I32)), w -> {
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(2);
            w.op(I32_LT_S);
            w.op(IF).blockType(I32);
            w.op(LOCAL_GET).u32(0);
            w.op(ELSE);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(1);
            w.op(I32_SUB);
            w.op(CALL).u32(0);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s32(2);
            w.op(I32_SUB);
            w.op(CALL).u32(0);
            w.op(I32_ADD);
            w.op(END);
        });
        Module module = b.exportFunc("fib", fib).build();
        Instance shared = module.instantiate();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = 15 + i % 5;
                Instance target = i % 2 == 0 ? shared : module.instantiate();
                results.add(pool.submit(() -> target.function("fib").callInt(n) - fibJava(n)));
            }
            for (Future<Integer> r : results) {
                assertEquals(0, r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int fibJava(int n) {
        return n < 2 ? n : fibJava(n - 1) + fibJava(n - 2);
    }
}
