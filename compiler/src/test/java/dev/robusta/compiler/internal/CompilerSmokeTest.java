package dev.robusta.compiler.internal;

import dev.robusta.runtime.Instance;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompilerSmokeTest {
    @Test
    void fib_recursive_returnsFibonacci() {
        Instance i = Wat.compiled("(module (func $fib (export \"fib\") (param i32) (result i32)"
                + " (if (result i32) (i32.lt_s (local.get 0) (i32.const 2)) (then (local.get 0))"
                + " (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))"
                + " (call $fib (i32.sub (local.get 0) (i32.const 2))))))))");
        assertEquals(6765, i.function("fib").callInt(20));
    }
}
