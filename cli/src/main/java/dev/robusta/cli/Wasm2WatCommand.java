package dev.robusta.cli;

import dev.robusta.text.WatPrinter;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code robusta wasm2wat}: decodes a binary module and prints it in the text format, names taken from its
 * name section. The module is decoded but not validated, so that invalid modules can be looked at.
 */
@Command(
        name = "wasm2wat",
        description = {
            "Translate a module from the binary format to the text format.",
            "",
            "Names come from the module's name section. The module is decoded but not validated. (A text "
                    + "module is parsed and printed again.)",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n")
final class Wasm2WatCommand implements Callable<Integer> {
    private final Stdio io;

    @Mixin
    HelpOption help;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the text; - for standard output (the default).")
    String output;

    @Option(names = "--folded", description = "Print instructions as folded S-expressions, "
            + "(i32.add (local.get 0) (i32.const 1)), rather than one a line.")
    boolean folded;

    @Parameters(index = "0", paramLabel = "IN", description = "The module in the binary format (.wasm), or - for "
            + "standard input.")
    String input;

    Wasm2WatCommand(Stdio io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        WasmModule module = ModuleFile.read(input, io.in()).model(Features.ALL);
        String text = WatPrinter.print(module, WatPrinter.Options.FLAT.withFolded(folded));
        if (output == null || ModuleFile.STDIN.equals(output)) {
            io.out().print(text);
            io.out().flush();
        } else {
            Files.writeString(Path.of(output), text, StandardCharsets.UTF_8);
        }
        return ExitCodes.SUCCESS;
    }
}
