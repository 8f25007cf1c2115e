package dev.robusta.text;

import dev.robusta.text.wast.Directive;
import dev.robusta.text.wast.QuoteModule;
import dev.robusta.text.wast.Script;
import dev.robusta.text.wast.TextModule;
import dev.robusta.text.wast.WastParser;
import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input of any shape gives a {@link CompileException} with a position, never another exception: random
 * truncations and mutations of valid text, and very deep nesting.
 */
class RobustnessTest {
    private static final String SAMPLE = String.join("\n",
            "(module $m",
            "  (type $t (func (param i32) (result i32)))",
            "  (rec (type $s (struct (field $x (mut i32)) (field i64))) (type $a (array (mut (ref null $s)))))",
            "  (import \"spectest\" \"print_i32\" (func $print (param i32)))",
            "  (memory (export \"mem\") 1 2)",
            "  (table $tab 2 funcref)",
            "  (global $g (mut i64) (i64.const 0x7fff_ffff))",
            "  (tag $e (param i32))",
            "  (func $f (export \"f\") (type $t) (param $p i32) (result i32) (local $l f64)",
            "    (block $b (result i32)",
            "      (if (result i32) (local.get $p) (then (br $b (i32.const 1))) (else (i32.const 2))))",
            "    loop $x br_if $x (i32.const 0) end",
            "    (drop (v128.const f32x4 1.5 -inf nan:0x123 0x1p-3))",
            "    (i32.store8 offset=3 align=1 (i32.const 0) (i32.const 255))",
            "    (try_table (catch $e 0) (call $print (i32.const 7)))",
            "    (call_indirect $tab (type $t) (i32.const 1) (i32.const 0)))",
            "  (func $h (result (ref null $s)) (struct.new $s (i32.const 1) (i64.const 2)))",
            "  (elem (table $tab) (i32.const 0) func $f)",
            "  (elem declare funcref (ref.func $h))",
            "  (data (i32.const 8) \"a\\00\\ff\\u{1F600}\")",
            "  (start $print_start) (func $print_start))");

    private static final String SCRIPT = String.join("\n",
            SAMPLE,
            "(register \"m\" $m)",
            "(assert_return (invoke $m \"f\" (i32.const 1)) (i32.const 1))",
            "(assert_return (invoke \"g\") (either (f32.const nan:canonical) (v128.const f64x2 nan:arithmetic 1)))",
            "(assert_trap (invoke \"f\" (i32.const 0)) \"unreachable\")",
            "(assert_malformed (module quote \"(func (i32.const 0x1_0000_0000))\") \"constant out of range\")",
            "(assert_invalid (module binary \"\\00asm\" \"\\01\\00\\00\\00\") \"x\")",
            "(module definition $d (memory 1)) (module instance $i $d)");

    @Test
    void samples_parse() {
        WasmModule m = WatParser.parseModule(SAMPLE, "sample.wat");
        assertEquals(3, m.functions().size());
        assertEquals(4, m.funcCount());
        Script s = WastParser.parse(SCRIPT, "sample.wast");
        assertEquals(9, s.directives().size());
        ((TextModule) ((Directive.DefineModule) s.directives().get(0)).source()).parse();
    }

    @Test
    void truncationsAndMutations_onlyCompileExceptions() {
        Random random = new Random(20240601);
        byte[] text = SAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] script = SCRIPT.getBytes(StandardCharsets.UTF_8);
        String noise = "()$\";_.-+0x1pfenan:@\\ \n\u00ff\u0080";
        for (int i = 0; i < 3000; i++) {
            byte[] src = i % 2 == 0 ? text : script;
            byte[] m = mutate(src, random, noise);
            if (i % 2 == 0) {
                checkModule(m);
            } else {
                checkScript(m);
            }
        }
    }

    private static byte[] mutate(byte[] src, Random r, String noise) {
        byte[] out;
        switch (r.nextInt(4)) {
            case 0: { // truncate
                int n = r.nextInt(src.length);
                out = java.util.Arrays.copyOf(src, n);
                break;
            }
            case 1: { // delete a run
                int at = r.nextInt(src.length);
                int len = 1 + r.nextInt(4);
                int end = Math.min(src.length, at + len);
                out = new byte[src.length - (end - at)];
                System.arraycopy(src, 0, out, 0, at);
                System.arraycopy(src, end, out, at, src.length - end);
                break;
            }
            default: { // overwrite or insert noise
                byte[] nz = noise.getBytes(StandardCharsets.UTF_8);
                out = java.util.Arrays.copyOf(src, src.length + 1);
                int at = r.nextInt(src.length);
                if (r.nextBoolean()) {
                    System.arraycopy(src, at, out, at + 1, src.length - at);
                } else {
                    out = src.clone();
                }
                out[at] = nz[r.nextInt(nz.length)];
            }
        }
        return out;
    }

    private static void checkModule(byte[] src) {
        try {
            WasmModule m = WatParser.parseModule(src, "fuzz.wat", Features.ALL);
            assertTrue(m != null);
        } catch (CompileException e) {
            checkError(e, "fuzz.wat");
        } catch (RuntimeException | StackOverflowError e) {
            fail("non-CompileException for input:\n" + new String(src, StandardCharsets.UTF_8), e);
        }
    }

    private static void checkScript(byte[] src) {
        Script s;
        try {
            s = WastParser.parse(src, "fuzz.wast");
        } catch (CompileException e) {
            checkError(e, "fuzz.wast");
            return;
        } catch (RuntimeException | StackOverflowError e) {
            fail("non-CompileException for script:\n" + new String(src, StandardCharsets.UTF_8), e);
            return;
        }
        for (Directive d : s.directives()) {
            try {
                if (d instanceof Directive.DefineModule && ((Directive.DefineModule) d).source() instanceof TextModule) {
                    ((TextModule) ((Directive.DefineModule) d).source()).parse();
                }
                if (d instanceof Directive.AssertMalformed
                        && ((Directive.AssertMalformed) d).module() instanceof QuoteModule) {
                    ((QuoteModule) ((Directive.AssertMalformed) d).module()).parse();
                }
            } catch (CompileException e) {
                checkError(e, "fuzz.wast");
            } catch (RuntimeException | StackOverflowError e) {
                fail("non-CompileException for script:\n" + new String(src, StandardCharsets.UTF_8), e);
            }
        }
    }

    private static void checkError(CompileException e, String file) {
        assertEquals(CompileException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().matches("(?s).* at " + java.util.regex.Pattern.quote(file) + "(\\(quote@\\d+\\))?:\\d+:\\d+"),
                e.getMessage());
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    /** Runs {@code body} on a thread with a small stack, so that recursion on the input depth would fail. */
    private static void onSmallStack(Runnable body) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure[0] instanceof Error) {
            throw (Error) failure[0];
        }
        if (failure[0] instanceof RuntimeException) {
            throw (RuntimeException) failure[0];
        }
    }

    @Test
    void deeplyNestedFoldedInstructions_parseWithoutRecursion() throws InterruptedException {
        onSmallStack(this::deeplyNestedFoldedInstructions);
    }

    private void deeplyNestedFoldedInstructions() {
        int n = 100_000;
        String text = "(module (func (result i32) " + repeat("(i32.add (i32.const 1) ", n) + "(i32.const 0)"
                + repeat(")", n) + "))";
        WasmModule m = WatParser.parseModule(text);
        // n times (i32.const 1) = 2 bytes, the final const 2 bytes, n adds, end
        assertEquals(2 * n + 2 + n + 1, m.codes().get(0).body().code().length);
    }

    @Test
    void deeplyNestedBlocks_parseWithoutRecursion() throws InterruptedException {
        onSmallStack(this::deeplyNestedBlocks);
    }

    private void deeplyNestedBlocks() {
        int n = 100_000;
        String folded = "(module (func " + repeat("(block ", n) + repeat(")", n) + "))";
        assertEquals(3 * n + 1, WatParser.parseModule(folded).codes().get(0).body().code().length);
        String flat = "(module (func " + repeat("block ", n) + repeat("end ", n) + "))";
        assertEquals(3 * n + 1, WatParser.parseModule(flat).codes().get(0).body().code().length);
    }

    @Test
    void deeplyNestedParentheses_areAnError() throws InterruptedException {
        onSmallStack(this::deeplyNestedParentheses);
    }

    private void deeplyNestedParentheses() {
        int n = 100_000;
        CompileException e = assertThrows(CompileException.class,
                () -> WatParser.parseModule(repeat("(", n) + repeat(")", n)));
        assertTrue(e.getMessage().startsWith("unexpected token"), e.getMessage());
        CompileException unclosed = assertThrows(CompileException.class, () -> WatParser.parseModule(repeat("(", n)));
        assertTrue(unclosed.getMessage().startsWith("unexpected end"), unclosed.getMessage());
        CompileException inBody = assertThrows(CompileException.class,
                () -> WatParser.parseModule("(module (func " + repeat("(", n) + repeat(")", n) + "))"));
        assertTrue(inBody.getMessage().startsWith("unexpected token"), inBody.getMessage());
        CompileException script = assertThrows(CompileException.class,
                () -> WastParser.parse("(assert_return (invoke \"f\") " + repeat("(either ", n) + repeat(")", n + 1),
                        "deep.wast"));
        assertTrue(script.getMessage().startsWith("unexpected token"), script.getMessage());
    }
}
