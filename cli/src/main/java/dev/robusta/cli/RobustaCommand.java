package dev.robusta.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The top-level {@code robusta} command. It does nothing by itself: it holds the top-level options and the
 * list of commands.
 *
 * <p>To add a command, write one {@code XxxCommand} class: a {@code Callable<Integer>} annotated with
 * {@code @Command(name = "xxx", description = ...)}, with a {@code @Mixin HelpOption help;} field, taking
 * {@link Stdio} in its constructor when it reads or writes. Then list it in {@code subcommands} below: that
 * list is the only place commands are registered. Failures are thrown, not printed: {@link FailureHandler} turns them into a one-line reason and an exit code,
 * and a {@code picocli.CommandLine.ParameterException} thrown by a command is reported as a usage error by
 * {@link UsageErrorHandler}.
 */
@Command(
        name = "robusta",
        description = "A WebAssembly runtime for the JVM.",
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            HelpCommand.class,
            RunCommand.class,
            ValidateCommand.class,
            InspectCommand.class,
            Wat2WasmCommand.class,
            Wasm2WatCommand.class,
            WastCommand.class,
        })
final class RobustaCommand {
    @Mixin
    HelpOption help;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
    boolean version;
}
