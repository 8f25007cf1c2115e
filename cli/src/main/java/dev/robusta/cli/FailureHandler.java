package dev.robusta.cli;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.ExitException;
import dev.robusta.wasm.LinkException;
import dev.robusta.wasm.TrapException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into what the user sees on standard error and the exit code, in one place:
 * <ul>
 *   <li>{@link ExitException} (the guest exited): nothing printed, the guest's exit code;</li>
 *   <li>{@link TrapException}: {@code robusta: trap: MESSAGE} and the wasm stack trace, {@link ExitCodes#TRAP};</li>
 *   <li>{@link CompileException}, {@link LinkException}, an I/O error, a {@link CommandException}: a one-line
 *       reason, {@link ExitCodes#FAILURE};</li>
 *   <li>{@link UnsupportedOperationException}: something Robusta does not do yet (an instruction an engine
 *       does not run), {@code robusta: not supported: MESSAGE}, {@link ExitCodes#FAILURE};</li>
 *   <li>anything else is a bug in Robusta: the Java stack trace, {@link ExitCodes#INTERNAL_ERROR}.</li>
 * </ul>
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    private final PrintStream err;

    FailureHandler(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        Throwable failure = ex instanceof UncheckedIOException unchecked ? unchecked.getCause() : ex;
        if (failure instanceof ExitException exit) {
            return exit.exitCode();
        }
        if (failure instanceof TrapException trap) {
            err.println("robusta: trap: " + trap.getMessage());
            for (String frame : trap.wasmStackTrace()) {
                err.println("    at " + frame);
            }
            return ExitCodes.TRAP;
        }
        String reason = reason(failure);
        if (reason == null) {
            err.println("robusta: internal error: " + failure);
            failure.printStackTrace(err);
            return ExitCodes.INTERNAL_ERROR;
        }
        err.println("robusta: " + reason);
        return ExitCodes.FAILURE;
    }

    /** The one-line reason for an expected failure, or null for a bug. */
    private static String reason(Throwable failure) {
        if (failure instanceof CompileException compile) {
            String kind = compile.kind().name().toLowerCase(java.util.Locale.ROOT);
            String at = compile.offset() >= 0 ? " (at offset 0x" + Long.toHexString(compile.offset()) + ")" : "";
            return kind + " module: " + compile.getMessage() + at;
        }
        if (failure instanceof LinkException link) {
            return "link error: " + link.getMessage();
        }
        if (failure instanceof UnsupportedOperationException unsupported) {
            return "not supported: " + unsupported.getMessage();
        }
        if (failure instanceof CommandException refused) {
            return refused.getMessage();
        }
        if (failure instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof IOException io) {
            return "I/O error: " + io.getMessage();
        }
        return null;
    }
}
