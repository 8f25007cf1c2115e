package dev.robusta.cli;

import picocli.CommandLine.Option;

/**
 * The {@code -h, --help} option. Every command includes it with {@code @Mixin HelpOption help;} (an option
 * inherited from {@link RobustaCommand} would clash with picocli's {@code help} command, which has its own).
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean requested;
}
