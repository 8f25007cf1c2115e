package dev.robusta.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The interpreter workloads: each a small module exporting one function {@code (i32) -> i32}, with the
 * argument that sizes one benchmark call and the result that call must return (checked at setup, so a
 * runtime that computes the wrong answer is not timed).
 */
public enum Workload {
    /** Recursive Fibonacci: calls. */
    FIB("fib", 25, 75025),
    /** A tight integer loop: locals, arithmetic, branches. */
    LOOP("loop", 10_000_000, 327_939_840),
    /** Sieve of Eratosthenes: memory loads and stores. */
    SIEVE("sieve", 1_000_000, 78498),
    /** Mandelbrot: f64 arithmetic. */
    MANDELBROT("mandelbrot", 200, 1_901_152);

    private final String export;
    private final int argument;
    private final int expected;

    Workload(String export, int argument, int expected) {
        this.export = export;
        this.argument = argument;
        this.expected = expected;
    }

    /** The exported function's name (also the workload file's base name). */
    public String export() {
        return export;
    }

    public int argument() {
        return argument;
    }

    public int expected() {
        return expected;
    }

    /** The workload's module, from the class path. */
    public byte[] wasm() {
        String path = "/workloads/" + export + ".wasm";
        try (InputStream in = Workload.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
