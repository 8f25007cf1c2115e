package dev.robusta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class PlainRunLineTest {
    private static final Stdio IO = new Stdio(new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

    /** The run command as picocli parses {@code args}. */
    private static RunCommand picocli(String[] args) {
        CommandLine.ParseResult result = Main.commandLine(IO).parseArgs(args);
        return (RunCommand) result.subcommand().commandSpec().userObject();
    }

    /** Every option and parameter field of {@code run}, by name: what picocli or PlainRunLine set. */
    private static String fields(RunCommand run) throws IllegalAccessException {
        StringBuilder s = new StringBuilder();
        for (Field f : RunCommand.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                f.setAccessible(true);
                s.append(f.getName()).append('=').append(f.get(run)).append('\n');
            }
        }
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run a.wasm",
        "run a.wat x -y --z --invoke=q",
        "run --invoke f a.wasm 1 2",
        "run --invoke=f --engine interpreter a.wasm",
        "run --engine=compiler --features 3.0 a.wasm",
        "run --features=all --fuel 100 --max-memory 64M --timeout 10s a.wasm",
        "run --fuel=-1 a.wasm",
        "run --dir . --dir /tmp::/t --env A=1 --env B --tcplisten localhost:0 --trace-wasi a.wasm --dir x",
        "run --env= --invoke= a.wasm",
    })
    void parse_plainLine_setsWhatPicocliSets(String line) throws Exception {
        String[] args = line.split(" ");
        RunCommand plain = PlainRunLine.parse(args, IO);
        assertNotNull(plain, line);
        assertEquals(fields(picocli(args)), fields(plain), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run",
        "validate a.wasm",
        "run --help",
        "run -h a.wasm",
        "run --invoke",
        "run --invoke f",
        "run --invoke -f a.wasm",
        "run --invoke f --invoke g a.wasm",
        "run --trace-wasi --trace-wasi a.wasm",
        "run --trace-wasi=true a.wasm",
        "run --engine jit a.wasm",
        "run --engine Compiler a.wasm",
        "run --features 1.0 a.wasm",
        "run --fuel lots a.wasm",
        "run --fuel 0x10 a.wasm",
        "run --max-memory lots a.wasm",
        "run --timeout 10 a.wasm",
        "run --nope a.wasm",
        "run -- a.wasm",
        "run a.wasm -- x",
        "run @args",
        "run a.wasm @args",
        "run - ",
    })
    void parse_otherLine_leavesItToPicocli(String line) {
        assertNull(PlainRunLine.parse(line.split(" "), IO), line);
    }

    @Test
    void failures_onThePlainPath_areReportedAsOnPicoclisPath(@TempDir Path dir) {
        String file = Robusta.write(dir, "m.wat", "(module (func (export \"f\") (param i32) (result i32) "
                + "(i32.div_u (i32.const 1) (local.get 0))))");
        String[][] pairs = {
            {"--max-memory", "5G"},                 // a usage error found by RunCommand
            {"--invoke", "g"},                      // a command failure
            {"--invoke", "f"},                      // a usage error: missing argument
            {"--invoke", "f", "0"},                 // a trap
            {"--invoke", "f", "2"},                 // success
        };
        for (String[] options : pairs) {
            List<String> plain = new ArrayList<>(List.of("run"));
            plain.addAll(List.of(options).subList(0, 2));
            plain.add(file);
            plain.addAll(List.of(options).subList(2, options.length));
            List<String> viaPicocli = new ArrayList<>(plain);
            viaPicocli.add(3, "--"); // the end of the options: only picocli takes it
            assertNotNull(PlainRunLine.parse(plain.toArray(String[]::new), IO));
            Robusta.Result a = Robusta.run(plain.toArray(String[]::new));
            Robusta.Result b = Robusta.run(viaPicocli.toArray(String[]::new));
            assertEquals(b.exitCode(), a.exitCode(), plain.toString());
            assertEquals(b.out(), a.out(), plain.toString());
            assertEquals(b.err(), a.err(), plain.toString());
        }
    }

    @Test
    void options_areThoseOfTheRunCommand() {
        CommandLine run = Main.commandLine(IO).getSubcommands().get("run");
        Set<String> picocli = new TreeSet<>();
        for (OptionSpec o : run.getCommandSpec().options()) {
            if (!o.usageHelp()) {
                picocli.addAll(Set.of(o.names()));
            }
        }
        Set<String> plain = new TreeSet<>(PlainRunLine.VALUE_OPTIONS);
        plain.addAll(PlainRunLine.FLAGS);
        assertEquals(picocli, plain, "PlainRunLine must know every option of RunCommand");
    }

    @Test
    void flags_areThePicocliOptionsWithoutValue() {
        CommandLine run = Main.commandLine(IO).getSubcommands().get("run");
        Set<String> flags = new TreeSet<>();
        for (OptionSpec o : run.getCommandSpec().options()) {
            if (!o.usageHelp() && o.arity().max() == 0) {
                flags.addAll(Set.of(o.names()));
            }
        }
        assertEquals(flags, new TreeSet<>(PlainRunLine.FLAGS));
    }
}
