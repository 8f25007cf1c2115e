package dev.robusta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The standard streams a command works with. Commands take them in their constructor (see
 * {@link CommandFactory}) instead of using {@code System.in/out/err}, so that they can be tested in-process.
 *
 * @param in  standard input
 * @param out standard output
 * @param err standard error
 */
record Stdio(InputStream in, PrintStream out, PrintStream err) {
    Stdio {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
