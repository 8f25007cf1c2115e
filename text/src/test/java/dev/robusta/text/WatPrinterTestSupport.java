package dev.robusta.text;

import dev.robusta.wasm.Expression;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Helpers for the printer's tests: modules built with {@link CodeWriter}, and wabt's wat2wasm when installed. */
final class WatPrinterTestSupport {
    static final Path WAT2WASM = Path.of("/usr/bin/wat2wasm");

    private WatPrinterTestSupport() {
    }

    /** An expression: the instructions {@code body} writes, then {@code end}. */
    static Expression code(Consumer<Asm> body) {
        Asm a = new Asm();
        body.accept(a);
        a.w.op(Opcode.END);
        return a.w.toExpression();
    }

    /** A {@link CodeWriter} whose every method returns it, for chains. */
    static final class Asm {
        final CodeWriter w = new CodeWriter();

        Asm op(Opcode op) {
            w.op(op);
            return this;
        }

        Asm u8(int v) {
            w.u8(v);
            return this;
        }

        Asm u32(int v) {
            w.u32(v);
            return this;
        }

        Asm s32(int v) {
            w.s32(v);
            return this;
        }

        Asm s64(long v) {
            w.s64(v);
            return this;
        }

        Asm fixed32(int v) {
            w.fixed32(v);
            return this;
        }

        Asm fixed64(long v) {
            w.fixed64(v);
            return this;
        }

        Asm blockType(ValType t) {
            w.blockType(t);
            return this;
        }

        Asm blockTypeEmpty() {
            w.blockTypeEmpty();
            return this;
        }

        Asm blockTypeIndex(int idx) {
            w.blockTypeIndex(idx);
            return this;
        }

        Asm memarg(int align, int memIdx, long offset) {
            w.memarg(align, memIdx, offset);
            return this;
        }

        Asm valType(ValType t) {
            w.valType(t);
            return this;
        }
    }

    /** {@code i32.const v end}. */
    static Expression i32(int v) {
        return code(w -> w.op(Opcode.I32_CONST).s32(v));
    }

    /** {@code ref.func f end}. */
    static Expression refFunc(int f) {
        return code(w -> w.op(Opcode.REF_FUNC).u32(f));
    }

    /** Adds a function of a new type {@code params -> results} with the given locals and body; returns its index. */
    static int addFunc(WasmModule m, List<ValType> params, List<ValType> results, List<LocalGroup> locals,
                       Consumer<Asm> body) {
        int type = m.addFuncType(FuncType.of(params, results));
        m.functions().add(type);
        m.codes().add(new FunctionBody(locals, code(body)));
        return m.importedFuncCount() + m.functions().size() - 1;
    }

    static boolean hasWat2wasm() {
        return Files.isExecutable(WAT2WASM);
    }

    /** wabt's encoding of {@code wat} (all features, no validation), or an assertion error with its message. */
    static byte[] wat2wasm(String wat) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("watprinter");
        try {
            Path in = dir.resolve("m.wat");
            Path out = dir.resolve("m.wasm");
            Files.writeString(in, wat, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(WAT2WASM.toString(), "--enable-all", "--no-check", in.toString(),
                    "-o", out.toString()).redirectErrorStream(true).start();
            String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("wat2wasm timed out");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("wat2wasm rejected:\n" + msg + "\n" + wat);
            }
            return Files.readAllBytes(out);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
