package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.ExitException;
import dev.robusta.wasm.LinkException;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

class FailureHandlerTest {
    private static final String NL = System.lineSeparator();

    /** A command that fails with the exception it is given. */
    @Command(name = "fail")
    static final class FailCommand implements Callable<Integer> {
        private final Exception failure;

        FailCommand(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    /** A command that rejects its arguments the way commands do: with a ParameterException. */
    @Command(name = "fail")
    static final class RejectCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "FILE must end in .wasm or .wat");
        }
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Runs {@code robusta fail} with a command that throws {@code failure}. */
    static Result failWith(Exception failure) {
        return run(new FailCommand(failure));
    }

    /** Runs {@code robusta fail} on the configured command line, with {@code failingCommand} added as "fail". */
    static Result run(Object failingCommand) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Stdio io = new Stdio(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        CommandLine commandLine = Main.commandLine(io);
        commandLine.addSubcommand(failingCommand);
        int exitCode = commandLine.execute("fail");
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exit_returnsTheGuestsExitCodeSilently() {
        Result result = failWith(new ExitException(42));
        assertEquals(42, result.exitCode());
        assertEquals("", result.err());
        assertEquals("", result.out());
    }

    @Test
    void trap_exits134WithTheMessageAndTheWasmStackTrace() {
        TrapException trap = new TrapException(Trap.INTEGER_DIVIDE_BY_ZERO)
                .withWasmStackTrace(List.of("func 2 (div)", "func 0 (_start)"));
        Result result = failWith(trap);
        assertEquals(134, result.exitCode());
        assertEquals("robusta: trap: integer divide by zero" + NL
                + "    at func 2 (div)" + NL
                + "    at func 0 (_start)" + NL, result.err());
    }

    @Test
    void compileError_exits1WithKindMessageAndOffset() {
        Result result = failWith(CompileException.invalid("type mismatch", 0x2a));
        assertEquals(1, result.exitCode());
        assertEquals("robusta: invalid module: type mismatch (at offset 0x2a)" + NL, result.err());
    }

    @Test
    void compileErrorWithoutOffset_exits1WithKindAndMessage() {
        Result result = failWith(CompileException.malformed("unexpected end", -1));
        assertEquals(1, result.exitCode());
        assertEquals("robusta: malformed module: unexpected end" + NL, result.err());
    }

    @Test
    void linkError_exits1WithTheMessage() {
        Result result = failWith(new LinkException("unknown import: env.log"));
        assertEquals(1, result.exitCode());
        assertEquals("robusta: link error: unknown import: env.log" + NL, result.err());
    }

    @Test
    void missingFile_exits1NamingTheFile() {
        Result result = failWith(new NoSuchFileException("missing.wasm"));
        assertEquals(1, result.exitCode());
        assertEquals("robusta: no such file: missing.wasm" + NL, result.err());
    }

    @Test
    void uncheckedMissingFile_isReportedLikeTheCheckedOne() {
        Result result = failWith(new UncheckedIOException(new NoSuchFileException("missing.wasm")));
        assertEquals(1, result.exitCode());
        assertEquals("robusta: no such file: missing.wasm" + NL, result.err());
    }

    @Test
    void unsupported_exits1WithOneLine() {
        Result result = failWith(new UnsupportedOperationException("the interpreter does not support return_call"));
        assertEquals(1, result.exitCode());
        assertEquals("robusta: not supported: the interpreter does not support return_call" + NL, result.err());
    }

    @Test
    void commandException_exits1WithItsMessage() {
        Result result = failWith(new CommandException("the compiler engine is not available yet"));
        assertEquals(1, result.exitCode());
        assertEquals("robusta: the compiler engine is not available yet" + NL, result.err());
    }

    @Test
    void bug_exits70WithTheJavaStackTrace() {
        Result result = failWith(new IllegalStateException("broken invariant"));
        assertEquals(70, result.exitCode());
        assertTrue(result.err().startsWith(
                "robusta: internal error: java.lang.IllegalStateException: broken invariant" + NL), result.err());
        assertTrue(result.err().contains("at dev.robusta.cli.FailureHandlerTest"), result.err());
    }

    @Test
    void parameterExceptionFromACommand_isAUsageError() {
        Result result = run(new RejectCommand());
        assertEquals(1, result.exitCode());
        assertEquals("robusta: FILE must end in .wasm or .wat (see 'robusta help fail')" + NL, result.err());
    }
}
