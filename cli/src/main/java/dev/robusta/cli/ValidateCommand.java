package dev.robusta.cli;

import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.validate.Validator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code robusta validate}: decodes (or parses) and validates a module. Silent when the module is valid, as
 * {@code wasm-tools validate} is; otherwise the error, with its offset for a binary module, and exit code 1.
 */
@Command(
        name = "validate",
        description = {
            "Check that a module (binary or text) is well-formed and valid.",
            "",
            "Prints nothing and exits 0 when it is; otherwise prints the error (with its offset in a binary "
                    + "module) and exits 1.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n")
final class ValidateCommand implements Callable<Integer> {
    private final Stdio io;

    @Mixin
    HelpOption help;

    @Option(names = "--features", paramLabel = "FEATURES", defaultValue = "2.0",
            converter = FeaturesConverter.class, completionCandidates = FeaturesConverter.Candidates.class,
            description = "The WebAssembly features to accept: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    Features features;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module: a .wasm or .wat file, or - for "
            + "standard input.")
    String file;

    ValidateCommand(Stdio io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        WasmModule module = ModuleFile.read(file, io.in()).model(features);
        Validator.validate(module, features);
        return ExitCodes.SUCCESS;
    }
}
