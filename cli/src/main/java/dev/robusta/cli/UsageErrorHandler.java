package dev.robusta.cli;

import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a usage error (a bad command line, or a {@link ParameterException} thrown by a command) as one line
 * on standard error, {@code robusta: REASON (see 'robusta help COMMAND')}, and exits with
 * {@link ExitCodes#FAILURE}. picocli would print the whole usage and exit with 2.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    private final PrintStream err;

    UsageErrorHandler(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        err.println("robusta: " + reason(ex) + " (see '" + helpCommand(ex.getCommandLine()) + "')");
        return ExitCodes.FAILURE;
    }

    /** The reason on one line, starting in lower case, without a final period. */
    private static String reason(ParameterException ex) {
        String reason;
        if (ex instanceof UnmatchedArgumentException unmatched && isUnknownCommand(unmatched)) {
            reason = "unknown command '" + unmatched.getUnmatched().get(0) + "'";
        } else {
            reason = String.valueOf(ex.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
        }
        if (reason.endsWith(".")) {
            reason = reason.substring(0, reason.length() - 1);
        }
        if (reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
                && Character.isLowerCase(reason.charAt(1))) {
            reason = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                reason += "; did you mean '" + String.join("' or '", suggestions) + "'?";
            }
        }
        return reason;
    }

    /** A word where a command name was expected, at a command that has subcommands. */
    private static boolean isUnknownCommand(UnmatchedArgumentException ex) {
        return !ex.isUnknownOption()
                && !ex.getUnmatched().isEmpty()
                && !ex.getCommandLine().getSubcommands().isEmpty();
    }

    /** How to get help on the command where the error was found: {@code robusta help run}. */
    private static String helpCommand(CommandLine where) {
        return where.getParent() == null ? "robusta help" : "robusta help " + where.getCommandName();
    }
}
