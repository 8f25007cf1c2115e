package dev.robusta.cli;

import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.binary.BinaryEncoder;
import dev.robusta.wasm.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code robusta wat2wasm}: parses a module in the text format, validates it and writes it in the binary
 * format. Like wabt's {@code wat2wasm}, an invalid module is an error, and names are not written (there is
 * no name section in the output).
 */
@Command(
        name = "wat2wasm",
        description = {
            "Translate a module from the text format to the binary format.",
            "",
            "The module is validated first (with every feature Robusta knows); an invalid module is an error.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n")
final class Wat2WasmCommand implements Callable<Integer> {
    private final Stdio io;

    @Mixin
    HelpOption help;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the binary; - for standard output (default: IN with the extension "
                    + ".wasm).")
    String output;

    @Parameters(index = "0", paramLabel = "IN", description = "The module in the text format (.wat), or - for "
            + "standard input.")
    String input;

    Wat2WasmCommand(Stdio io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        ModuleFile in = ModuleFile.read(input, io.in());
        if (in.isBinary()) {
            throw new CommandException(in.name() + " is already in the binary format");
        }
        WasmModule module = in.model(Features.ALL);
        Validator.validate(module, Features.ALL);
        byte[] binary = BinaryEncoder.encode(module);
        String out = output != null ? output : defaultOutput();
        if (ModuleFile.STDIN.equals(out)) {
            io.out().write(binary);
            io.out().flush();
        } else {
            Files.write(Path.of(out), binary);
        }
        return ExitCodes.SUCCESS;
    }

    /** IN with its extension replaced by {@code .wasm}, or standard output when IN is standard input. */
    private String defaultOutput() {
        if (ModuleFile.STDIN.equals(input)) {
            return ModuleFile.STDIN;
        }
        return withExtension(input, ".wasm");
    }

    /** {@code path} with the extension of its file name (if any) replaced by {@code extension}. */
    static String withExtension(String path, String extension) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf(java.io.File.separatorChar));
        int dot = path.lastIndexOf('.');
        return (dot > slash + 1 ? path.substring(0, dot) : path) + extension;
    }
}
