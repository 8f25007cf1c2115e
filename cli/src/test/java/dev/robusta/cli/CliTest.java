package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliTest {
    /** What one in-process run of {@code robusta} gave. */
    record Result(int exitCode, String out, String err) {
    }

    static Result robusta(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void version_printsRobustaAndTheProjectVersion() {
        Result result = robusta("--version");
        assertEquals(0, result.exitCode());
        assertEquals("robusta " + System.getProperty("robusta.version") + System.lineSeparator(), result.out());
        assertEquals("", result.err());
    }

    @Test
    void unknownCommand_exits1WithOneLineReason() {
        Result result = robusta("xyzzy", "x.wasm");
        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals("robusta: unknown command 'xyzzy' (see 'robusta help')" + System.lineSeparator(),
                result.err());
    }

    @Test
    void misspelledCommand_suggestsTheNearestCommands() {
        Result result = robusta("wastt", "x.wast");
        assertEquals(1, result.exitCode());
        assertEquals("robusta: unknown command 'wastt'; did you mean 'wast' or 'wasm2wat'? (see 'robusta help')"
                + System.lineSeparator(), result.err());
    }

    @Test
    void unknownOption_exits1WithOneLineReason() {
        Result result = robusta("--frobnicate");
        assertEquals(1, result.exitCode());
        assertEquals("robusta: unknown option: '--frobnicate' (see 'robusta help')" + System.lineSeparator(),
                result.err());
    }

    @Test
    void noArguments_exits1AskingForACommand() {
        Result result = robusta();
        assertEquals(1, result.exitCode());
        assertEquals("robusta: missing required subcommand (see 'robusta help')" + System.lineSeparator(),
                result.err());
    }

    @Test
    void help_listsTheCommandsAndOptions() {
        Result result = robusta("help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("Usage: robusta [-h] [--version] COMMAND"), result.out());
        for (String command : new String[] {"help", "run", "validate", "inspect", "wat2wasm", "wasm2wat", "wast"}) {
            assertTrue(result.out().contains(System.lineSeparator() + "  " + command + " "), command + ": " + result.out());
        }
        assertTrue(result.out().contains("--version"), result.out());
        assertEquals("", result.err());
    }

    @Test
    void helpOption_printsTheSameUsageAsHelp() {
        Result result = robusta("--help");
        assertEquals(0, result.exitCode());
        assertEquals(robusta("help").out(), result.out());
    }

    @Test
    void helpCommand_describesThatCommand() {
        Result result = robusta("help", "help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains(System.lineSeparator() + "Usage: robusta help [-h] [COMMAND]"), result.out());
    }

    @Test
    void everyCommand_acceptsHelpOption() {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        var commands = Main.commandLine(new Stdio(new ByteArrayInputStream(new byte[0]), discard, discard))
                .getSubcommands().keySet();
        assertTrue(commands.contains("help"), commands.toString());
        for (String command : commands) {
            Result result = robusta(command, "--help");
            assertEquals(0, result.exitCode(), command);
            assertTrue(result.out().lines().anyMatch(line -> line.startsWith("Usage: robusta " + command + " ")),
                    result.out());
        }
    }

    @Test
    void helpOfUnknownCommand_exits1WithOneLineReason() {
        Result result = robusta("help", "frobnicate");
        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals("robusta: unknown subcommand 'frobnicate' (see 'robusta help')" + System.lineSeparator(),
                result.err());
    }
}
