package dev.robusta.compiler.internal;

import dev.robusta.runtime.Instance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Large functions with the default settings: every method the compiler emits stays under HotSpot's limit
 * for JIT compilation ({@link Split#LIMIT}), and the results are the interpreter's.
 */
class LargeFunctionTest {
    /** Compiles {@code wat}, compares {@code run(arg)}, and asserts every method compiled meanwhile is under the limit. */
    private static void assertSmallMethodsAndSameResults(String wat, int... args) {
        Instance interpreted = Wat.module(wat, Wat.INTERPRETER).instantiate();
        List<String> warnings = new ArrayList<>();
        Warnings.listener = warnings::add;
        Map<String, Integer> sizes;
        try {
            // functions are compiled at their first call: the sizes are those of the classes made during the calls
            sizes = MethodSizes.during(() -> {
                Instance compiled = Wat.compiled(wat);
                assertInstanceOf(CompiledFunction.class, compiled.function("run"));
                for (int arg : args) {
                    assertEquals(interpreted.function("run").callLong(arg), compiled.function("run").callLong(arg),
                            "run(" + arg + ")");
                }
                return compiled;
            });
        } finally {
            Warnings.listener = null;
        }
        assertEquals(List.of(), warnings);
        assertTrue(sizes.containsKey("f0"), "compiled: " + sizes.keySet());
        assertTrue(sizes.values().stream().allMatch(s -> s < Split.LIMIT), "largest: " + MethodSizes.largest(sizes));
    }

    @Test
    void bigBrTableInALoop_everyMethodUnderTheLimit() {
        StringBuilder b = new StringBuilder("(module (func (export \"run\") (param $p i32) (result i64)"
                + " (local $x i64) (local $i i32) (loop $next (block $a (block $b (block $c (br_table");
        Random r = new Random(5);
        for (int k = 0; k < 3000; k++) {
            b.append(" ").append(r.nextInt(3));
        }
        b.append(" 2 (i32.rem_u (i32.mul (local.get $i) (i32.const 7919)) (i32.const 3100))) ")
                .append("(local.set $x (i64.add (local.get $x) (i64.const 1)))) ")
                .append("(local.set $x (i64.mul (local.get $x) (i64.const 3)))) ")
                .append("(local.set $x (i64.xor (local.get $x) (i64.const 5)))) ")
                .append("(local.set $i (i32.add (local.get $i) (i32.const 1)))")
                .append(" (br_if $next (i32.lt_u (local.get $i) (local.get $p)))) (local.get $x)))");
        assertSmallMethodsAndSameResults(b.toString(), 0, 1, 10, 5000);
    }

    @Test
    void brTableOf5000Cases_everyMethodUnderTheLimit() {
        // the nest of blocks clang makes of a switch: the code of case k follows the end of block $ck
        int cases = 5000;
        StringBuilder b = new StringBuilder("(module (func (export \"run\") (param $p i32) (result i64)"
                + " (local $x i64) (block $out ");
        for (int k = cases - 1; k >= 0; k--) {
            b.append("(block $c").append(k).append(' ');
        }
        b.append("(br_table");
        for (int k = 0; k < cases; k++) {
            b.append(" $c").append(k);
        }
        b.append(" $out (local.get $p))");
        for (int k = 0; k < cases; k++) {
            b.append(") (local.set $x (i64.add (local.get $x) (i64.const ").append(k * 7 + 1).append(")))");
            if (k % 3 == 0) {
                b.append(" (br $out)");
            }
        }
        b.append(") (local.get $x)))");
        assertSmallMethodsAndSameResults(b.toString(), 0, 1, 2, 3, 4, 2500, 4997, 4998, 4999, 5000, -1);
    }

    @Test
    void hundredThousandStraightLineInstructions_everyMethodUnderTheLimit() {
        StringBuilder b = new StringBuilder("(module (memory 1) (func (export \"run\") (param $p i32) (result i64)"
                + " (local $x i32) (local $y i64) (local.set $x (local.get $p))");
        Random r = new Random(100_000);
        for (int k = 0; k < 20_000; k++) {
            switch (r.nextInt(3)) {
                case 0:
                    b.append(" (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 31)) (i32.const ")
                            .append(r.nextInt(1000)).append(")))");
                    break;
                case 1:
                    b.append(" (local.set $y (i64.add (local.get $y) (i64.extend_i32_u (local.get $x))))");
                    break;
                default:
                    b.append(" (i32.store offset=").append(r.nextInt(1000) * 4)
                            .append(" (i32.const 0) (i32.xor (local.get $x) (i32.load (i32.const 64))))");
            }
        }
        b.append(" (i64.add (local.get $y) (i64.load (i32.const 64)))))");
        assertSmallMethodsAndSameResults(b.toString(), 0, 1, 12345);
    }

    @Test
    void longCodeAboveAValueOnTheStack_everyMethodUnderTheLimit() {
        // the i64.const stays on the stack under all the statements: cuts are where the stack is back at one value
        StringBuilder b = new StringBuilder("(module (func (export \"run\") (param $p i32) (result i64)"
                + " (local $x i32) (local.set $x (local.get $p)) (i64.const 1000)");
        for (int k = 0; k < 8000; k++) {
            b.append(" (local.set $x (i32.xor (i32.rotl (local.get $x) (i32.const 5)) (i32.const ").append(k)
                    .append(")))");
        }
        b.append(" (i64.add (i64.extend_i32_u (local.get $x)))))");
        assertSmallMethodsAndSameResults(b.toString(), 0, 7, -3);
    }

    @Test
    void unsplittableFunction_onlyItRunsInTheInterpreter() {
        // a right-deep sum: the stack only grows until the end, so no run can be cut out; over 64 KB
        int terms = 20_000;
        StringBuilder b = new StringBuilder("(module (func (export \"small\") (param $p i32) (result i32)"
                + " (i32.mul (local.get $p) (i32.const 3)))"
                + " (func (export \"run\") (param $p i32) (result i32) (local.get $p)");
        for (int k = 0; k < terms; k++) {
            b.append(" (i32.const ").append(k * 1000).append(')');
        }
        for (int k = 0; k < terms; k++) {
            b.append(" i32.add");
        }
        b.append("))");
        String wat = b.toString();
        Instance compiled = Wat.compiled(wat);
        Instance interpreted = Wat.module(wat, Wat.INTERPRETER).instantiate();
        List<String> warnings = new ArrayList<>();
        Warnings.listener = warnings::add;
        try {
            assertEquals(interpreted.function("run").callInt(5), compiled.function("run").callInt(5));
            assertEquals(21, compiled.function("small").callInt(7));
        } finally {
            Warnings.listener = null;
        }
        // logged once, naming the function; "small" is compiled without a word
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("func 1") && warnings.get(0).contains("left to the interpreter"),
                warnings.get(0));
    }
}
