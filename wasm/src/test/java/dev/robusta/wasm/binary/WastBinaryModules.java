package dev.robusta.wasm.binary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test helper: the binary modules of the spec test suite's {@code .wast} files, each with what the script
 * expects of it. Only as much of the script syntax is understood as that needs: comments, strings, and
 * the top-level forms {@code (module binary ...)}, {@code (module $id binary ...)},
 * {@code (module definition $id? binary ...)} and assertions that hold one of them. (The real WAST parser
 * lives in the text module.)
 */
final class WastBinaryModules {
    /** What a script expects of a binary module. */
    enum Expect {
        /** A module that decodes (it may still fail to link or to run). */
        VALID,
        /** {@code assert_invalid}: decodes, but does not validate. */
        INVALID,
        /** {@code assert_malformed}: does not decode. */
        MALFORMED
    }

    /**
     * One binary module of a script.
     *
     * @param message for MALFORMED and INVALID, the expected message (a prefix of ours)
     */
    record Case(String file, int line, Expect expect, String message, byte[] bytes) {
        String name() {
            return file + ":" + line;
        }

        @Override
        public String toString() {
            return name() + " " + expect + (message != null ? " \"" + message + "\"" : "");
        }
    }

    private WastBinaryModules() {
    }

    /** The suite's root directory, from the system property {@code robusta.testsuite}; fails when missing. */
    static Path suiteRoot() {
        String dir = System.getProperty("robusta.testsuite", "../shared/testsuite");
        Path root = Path.of(dir);
        if (!Files.isDirectory(root.resolve("wasm-2.0"))) {
            throw new IllegalStateException("spec test suite not found at " + root.toAbsolutePath()
                    + " (set the system property robusta.testsuite)");
        }
        return root;
    }

    /** Every binary module of the {@code .wast} files directly in {@code suiteRoot()/dir}. */
    static List<Case> load(String dir) {
        Path folder = suiteRoot().resolve(dir);
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wast")).sorted().toList()) {
                cases.addAll(parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no binary modules found in " + folder);
        }
        return cases;
    }

    /** The binary modules of one script. */
    static List<Case> parse(String file, String text) {
        List<Case> cases = new ArrayList<>();
        Scanner s = new Scanner(text);
        while (s.skipSpace()) {
            int line = s.line();
            Sexp form = s.sexp();
            Case c = classify(file, line, form);
            if (c != null) {
                cases.add(c);
            }
        }
        return cases;
    }

    private static Case classify(String file, int line, Sexp form) {
        String head = form.atom(0);
        if ("module".equals(head)) {
            byte[] bytes = binaryModule(form);
            return bytes == null ? null : new Case(file, line, Expect.VALID, null, bytes);
        }
        if (head == null || !head.startsWith("assert_") || form.items.size() < 2
                || !(form.items.get(1) instanceof Sexp)) {
            return null;
        }
        Sexp module = (Sexp) form.items.get(1);
        if (!"module".equals(module.atom(0))) {
            return null;
        }
        byte[] bytes = binaryModule(module);
        if (bytes == null) {
            return null;
        }
        String message = form.items.size() > 2 && form.items.get(2) instanceof Str
                ? new String(((Str) form.items.get(2)).bytes, StandardCharsets.UTF_8) : null;
        switch (head) {
            case "assert_malformed":
                return new Case(file, line, Expect.MALFORMED, message, bytes);
            case "assert_invalid":
                return new Case(file, line, Expect.INVALID, message, bytes);
            default: // assert_unlinkable, assert_trap, assert_uninstantiable, assert_exhaustion: they decode
                return new Case(file, line, Expect.VALID, null, bytes);
        }
    }

    /** The bytes of {@code (module $id? binary "..."*)} (also with {@code definition}), else null. */
    private static byte[] binaryModule(Sexp module) {
        int i = 1;
        if ("definition".equals(module.atom(i))) {
            i++;
        }
        String id = module.atom(i);
        if (id != null && id.startsWith("$")) {
            i++;
        }
        if (!"binary".equals(module.atom(i))) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Object o : module.items.subList(i + 1, module.items.size())) {
            if (!(o instanceof Str)) {
                throw new IllegalArgumentException("not a string in a binary module: " + o);
            }
            bytes.writeBytes(((Str) o).bytes);
        }
        return bytes.toByteArray();
    }

    /** A parenthesised form: atoms (String), strings (Str) and nested forms. */
    private static final class Sexp {
        final List<Object> items = new ArrayList<>();

        /** The i-th item if it is an atom, else null. */
        String atom(int i) {
            return i < items.size() && items.get(i) instanceof String ? (String) items.get(i) : null;
        }
    }

    /** A string literal's bytes. */
    private static final class Str {
        final byte[] bytes;

        Str(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** Reads the script's top-level forms. */
    private static final class Scanner {
        private final String text;
        private int pos;
        private int line = 1;

        Scanner(String text) {
            this.text = text;
        }

        int line() {
            return line;
        }

        /** Skips white space and comments; false at the end of the text. */
        boolean skipSpace() {
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(ch)) {
                    pos++;
                } else if (text.startsWith(";;", pos)) {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (text.startsWith("(;", pos)) {
                    blockComment();
                } else {
                    return true;
                }
            }
            return false;
        }

        private void blockComment() {
            int depth = 0;
            do {
                if (pos >= text.length()) {
                    throw new IllegalArgumentException("unterminated block comment at line " + line);
                }
                if (text.startsWith("(;", pos)) {
                    depth++;
                    pos += 2;
                } else if (text.startsWith(";)", pos)) {
                    depth--;
                    pos += 2;
                } else {
                    if (text.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
            } while (depth > 0);
        }

        Sexp sexp() {
            if (text.charAt(pos) != '(') {
                throw new IllegalArgumentException("expected ( at line " + line);
            }
            pos++;
            Sexp s = new Sexp();
            while (true) {
                if (!skipSpace()) {
                    throw new IllegalArgumentException("unterminated form at line " + line);
                }
                char ch = text.charAt(pos);
                if (ch == ')') {
                    pos++;
                    return s;
                } else if (ch == '(') {
                    s.items.add(sexp());
                } else if (ch == '"') {
                    s.items.add(string());
                } else {
                    int start = pos;
                    do {
                        pos++;
                    } while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                            && "()\"".indexOf(text.charAt(pos)) < 0 && !text.startsWith(";;", pos));
                    s.items.add(text.substring(start, pos));
                }
            }
        }

        /** A string literal with the text format's escapes. */
        private Str string() {
            pos++;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                char ch = text.charAt(pos);
                if (ch == '"') {
                    pos++;
                    return new Str(out.toByteArray());
                }
                if (ch == '\\') {
                    pos++;
                    char e = text.charAt(pos++);
                    switch (e) {
                        case 'n': out.write('\n'); break;
                        case 't': out.write('\t'); break;
                        case 'r': out.write('\r'); break;
                        case '"': out.write('"'); break;
                        case '\'': out.write('\''); break;
                        case '\\': out.write('\\'); break;
                        case 'u': {
                            int close = text.indexOf('}', pos);
                            int cp = Integer.parseInt(text.substring(pos + 1, close).replace("_", ""), 16);
                            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                            pos = close + 1;
                            break;
                        }
                        default:
                            out.write(Integer.parseInt(text.substring(pos - 1, pos + 1), 16));
                            pos++;
                            break;
                    }
                } else {
                    int cp = text.codePointAt(pos);
                    if (cp == '\n') {
                        line++;
                    }
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                    pos += Character.charCount(cp);
                }
            }
        }
    }
}
