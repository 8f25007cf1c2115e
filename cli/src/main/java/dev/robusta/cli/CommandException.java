package dev.robusta.cli;

/**
 * A command could not do what it was asked, for a reason that is not a usage error nor a failure of the
 * module (those are picocli's {@code ParameterException} and the {@code WasmException} family). Its
 * message is the one line {@link FailureHandler} prints; the exit code is {@link ExitCodes#FAILURE}.
 */
final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }
}
