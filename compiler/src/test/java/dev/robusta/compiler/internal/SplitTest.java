package dev.robusta.compiler.internal;

import dev.robusta.runtime.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The experimental splitting of large functions ({@link Split}), forced on with small sizes so that a
 * moderate function becomes many nested pieces: the results must be the interpreter's.
 */
class SplitTest {
    private boolean enabled;
    private int threshold;
    private int target;

    @BeforeEach
    void forceSplitting() {
        enabled = Split.enabled;
        threshold = Split.threshold;
        target = Split.target;
        Split.enabled = true;
        Split.threshold = 1000;
        Split.target = 300;
    }

    @AfterEach
    void restore() {
        Split.enabled = enabled;
        Split.threshold = threshold;
        Split.target = target;
    }

    /** An interpreter loop: a counted loop around a br_table switch whose cases update locals and memory. */
    private static String switchLoop(int cases) {
        Random r = new Random(cases);
        StringBuilder b = new StringBuilder("(module (memory 1) (func (export \"run\") (param $n i32) (result i64)"
                + " (local $i i32) (local $a i32) (local $b i64) (local $c f64) (local $v v128)"
                + " (loop $next (block $exit ");
        for (int k = cases - 1; k >= 0; k--) {
            b.append("(block $c").append(k).append(' ');
        }
        b.append("(br_table");
        for (int k = 0; k < cases; k++) {
            b.append(" $c").append(k);
        }
        b.append(" $exit (i32.rem_u (i32.mul (local.get $i) (i32.const 7919)) (i32.const ").append(cases + 1)
                .append(")))");
        for (int k = 0; k < cases; k++) {
            b.append(") ");
            for (int s = 0; s < 6; s++) {
                switch (r.nextInt(6)) {
                    case 0:
                        b.append("(local.set $a (i32.add (local.get $a) (i32.const ").append(r.nextInt(100)).append("))) ");
                        break;
                    case 1:
                        b.append("(local.set $b (i64.xor (local.get $b) (i64.extend_i32_u (local.get $a)))) ");
                        break;
                    case 2:
                        b.append("(local.set $c (f64.add (local.get $c) (f64.convert_i32_s (local.get $a)))) ");
                        break;
                    case 3:
                        b.append("(i32.store (i32.and (local.get $a) (i32.const 0xFFF0)) (local.get $i)) ");
                        break;
                    case 4:
                        b.append("(local.set $v (i32x4.add (local.get $v) (i32x4.splat (local.get $a)))) ");
                        break;
                    default:
                        b.append("(if (i32.and (local.get $a) (i32.const 1)) (then (br $exit))) ");
                }
            }
            b.append("(br $exit) ");
        }
        b.append(") (local.set $i (i32.add (local.get $i) (i32.const 1)))"
                + " (br_if $next (i32.lt_u (local.get $i) (local.get $n))))"
                + " (i64.add (i64.add (local.get $b) (i64.extend_i32_u (i32x4.extract_lane 2 (local.get $v))))"
                + " (i64.add (i64.trunc_sat_f64_s (local.get $c)) (i64.extend_i32_u (i32.load (i32.const 64)))))))");
        return b.toString();
    }

    @Test
    void switchLoop_splitIntoPieces_computesWhatTheInterpreterDoes() {
        String wat = switchLoop(60);
        int before = Split.COMPILED.get();
        Instance compiled = Wat.compiled(wat);
        Instance interpreted = Wat.module(wat, Wat.INTERPRETER).instantiate();
        assertInstanceOf(CompiledFunction.class, compiled.function("run"));
        for (int n : new int[] {0, 1, 5, 100, 1000}) {
            assertEquals(interpreted.function("run").callLong(n), compiled.function("run").callLong(n), "n = " + n);
        }
        assertTrue(Split.COMPILED.get() - before > 5, "pieces: " + (Split.COMPILED.get() - before));
    }

    @Test
    void siblingPiecesLeavingForSharedLabels_computeWhatTheInterpreterDoes() {
        // two runs of block $c, whose inner pieces leave for $c and $a (the first) or $a (the second): each
        // run numbers the labels its pieces leave for itself, though both see the same labels of their caller
        StringBuilder b = new StringBuilder("(module (func (export \"f\") (param $p i32) (result i32) (local $x i32)"
                + " (block $a (block $b (block $c ");
        for (int half = 0; half < 2; half++) {
            b.append("(block $i").append(half).append(' ');
            for (int k = 0; k < 60; k++) {
                int n = half * 60 + k;
                b.append("(local.set $x (i32.add (i32.mul (local.get $x) (i32.const 7)) (i32.const ").append(n)
                        .append("))) ");
                if (k % 10 == 5) {
                    String target = half == 1 ? "$a" : k % 20 == 5 ? "$c" : "$a";
                    b.append("(br_if ").append(target).append(" (i32.eq (local.get $p) (i32.const ").append(n)
                            .append("))) ");
                }
            }
            b.append(") ");
        }
        b.append("(local.set $x (i32.add (local.get $x) (i32.const 1)))) ")
                .append("(local.set $x (i32.add (local.get $x) (i32.const 1000)))) ")
                .append("(local.set $x (i32.add (local.get $x) (i32.const 20000)))) ")
                .append("(local.set $x (i32.add (local.get $x) (i32.const 300000))) (local.get $x)))");
        String wat = b.toString();
        int before = Split.COMPILED.get();
        Instance compiled = Wat.compiled(wat);
        Instance interpreted = Wat.module(wat, Wat.INTERPRETER).instantiate();
        for (int p = -1; p < 125; p++) {
            assertEquals(interpreted.function("f").callInt(p), compiled.function("f").callInt(p), "p = " + p);
        }
        assertTrue(Split.COMPILED.get() - before > 3, "pieces: " + (Split.COMPILED.get() - before));
    }

    @Test
    void blocksWithResultsAndReturns_splitIntoPieces_computeWhatTheInterpreterDoes() {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 80; k++) {
            body.append("(local.set $x (block (result i32) (drop (br_if 0 (i32.add (local.get $x) (i32.const ").append(k)
                    .append(")) (i32.eq (local.get $p) (i32.const ").append(k).append("))))")
                    .append(" (if (i32.eq (local.get $x) (i32.const ").append(k * 31).append("))")
                    .append(" (then (return (i32.const ").append(-k).append("))))")
                    .append(" (i32.mul (local.get $x) (i32.const 3)))) ");
        }
        String wat = "(module (func (export \"f\") (param $p i32) (result i32) (local $x i32) " + body
                + " (local.get $x)))";
        int before = Split.COMPILED.get();
        Instance compiled = Wat.compiled(wat);
        Instance interpreted = Wat.module(wat, Wat.INTERPRETER).instantiate();
        for (int p = -1; p < 90; p += 3) {
            assertEquals(interpreted.function("f").callInt(p), compiled.function("f").callInt(p), "p = " + p);
        }
        assertTrue(Split.COMPILED.get() - before > 5, "pieces: " + (Split.COMPILED.get() - before));
    }
}
