package dev.robusta.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a WASI command module on Chicory 1.7.5, the way {@code robusta run} runs one on Robusta, so that
 * {@code bench/programs/run.sh} can time both as whole processes:
 * {@code java -cp bench/target/benchmarks.jar dev.robusta.bench.ChicoryRun --engine compiler|interpreter
 * FILE.wasm [ARGS...]}. The guest gets its arguments (after its file name) and the standard streams, no
 * environment and no directories; the process exits with the guest's exit code.
 */
public final class ChicoryRun {
    private ChicoryRun() {
    }

    /** Entry point: {@code [--engine compiler|interpreter] FILE.wasm [ARGS...]}. */
    public static void main(String[] args) {
        String engine = "interpreter";
        int i = 0;
        if (args.length >= 2 && args[0].equals("--engine")) {
            engine = args[1];
            i = 2;
        }
        if (i >= args.length || !(engine.equals("compiler") || engine.equals("interpreter"))) {
            System.err.println("usage: ChicoryRun [--engine compiler|interpreter] FILE.wasm [ARGS...]");
            System.exit(1);
        }
        Path file = Path.of(args[i]);
        List<String> guestArgs = new ArrayList<>();
        guestArgs.add(file.getFileName().toString());
        guestArgs.addAll(List.of(args).subList(i + 1, args.length));
        System.exit(run(file, guestArgs, engine.equals("compiler")));
    }

    private static int run(Path file, List<String> guestArgs, boolean compile) {
        WasiOptions options = WasiOptions.builder()
                .withStdout(System.out).withStderr(System.err).withStdin(System.in)
                .withArguments(guestArgs)
                .build();
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            WasmModule module = Parser.parse(file);
            Instance.Builder builder = Instance.builder(module)
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withStart(false);
            if (compile) {
                builder.withMachineFactory(MachineFactoryCompiler.compile(module));
            }
            Instance instance = builder.build();
            try {
                instance.export("_start").apply();
                return 0;
            } catch (WasiExitException e) {
                return e.exitCode();
            }
        } finally {
            System.out.flush();
        }
    }
}
