package dev.robusta.runtime.internal.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.robusta.wasm.ImmKind;
import dev.robusta.wasm.Opcode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the {@code assert_return} cases of the spec's SIMD scripts whose function is a folded expression of
 * SIMD instructions over its parameters and constants, straight through {@link Simd#execute}, without an
 * engine. The scripts are read from the shared testsuite checkout ({@code shared/testsuite} in a parent
 * directory, or the {@code robusta.testsuite} system property); the test is skipped when it is absent.
 */
class SpecVectorsTest {

    @TestFactory
    Stream<DynamicTest> simdScripts() throws IOException {
        Path suite = locateSuite();
        assumeTrue(suite != null, "spec testsuite not found");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(suite.resolve("wasm-2.0"))) {
            s.filter(p -> p.getFileName().toString().startsWith("simd_")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.list(suite.resolve("wasm-3.0"))) {
            s.filter(p -> p.getFileName().toString().contains("relaxed")).sorted().forEach(files::add);
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> runScript(f)));
    }

    private static Path locateSuite() {
        String property = System.getProperty("robusta.testsuite");
        if (property != null && Files.isDirectory(Path.of(property, "wasm-2.0"))) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/testsuite");
            if (Files.isDirectory(candidate.resolve("wasm-2.0"))) {
                return candidate;
            }
        }
        return null;
    }

    private static void runScript(Path file) {
        List<Sexpr> forms;
        try {
            forms = Sexpr.parseAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Func> funcs = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int passed = 0;
        int skipped = 0;
        for (Sexpr form : forms) {
            if ("module".equals(form.head())) {
                funcs = Func.collect(form);
            } else if ("assert_return".equals(form.head())) {
                Sexpr invoke = form.get(1);
                Func fn = "invoke".equals(invoke.head()) && !invoke.get(1).atom.startsWith("$")
                        ? funcs.get(unquote(invoke.get(1).atom)) : null;
                if (fn == null) {
                    skipped++;
                    continue;
                }
                String failure = check(fn, invoke, form);
                if (failure == null) {
                    passed++;
                } else {
                    failures.add(file.getFileName() + ":" + form.line + ": " + failure);
                }
            }
        }
        System.out.printf("%s: %d passed, %d failed, %d skipped%n", file.getFileName(), passed, failures.size(),
                skipped);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static String check(Func fn, Sexpr invoke, Sexpr form) {
        long[] s = new long[64];
        List<long[]> args = new ArrayList<>();
        for (int i = 2; i < invoke.size(); i++) {
            long[] v = new long[2];
            Values.push(invoke.get(i), v, 0);
            args.add(v);
        }
        int sp;
        try {
            sp = fn.call(args, s);
        } catch (RuntimeException e) {
            return "threw " + e + " for " + invoke;
        }
        int at = 0;
        for (int i = 2; i < form.size(); i++) {
            Sexpr expected = form.get(i);
            if (!Values.matches(expected, s, at)) {
                return "expected " + expected + " got " + Values.show(expected, s, at) + " for " + invoke;
            }
            at += Values.slots(expected);
        }
        return at == sp ? null : "result count: " + sp + " slots, expected " + at;
    }

    static String unquote(String s) {
        return s.substring(1, s.length() - 1);
    }

    /** A function whose body is one folded expression of SIMD instructions, params and constants. */
    private static final class Func {
        final List<String> paramNames = new ArrayList<>();
        final List<Character> paramTypes = new ArrayList<>();
        Sexpr body;

        static Map<String, Func> collect(Sexpr module) {
            Map<String, Func> byExport = new HashMap<>();
            Map<String, Func> byName = new HashMap<>();
            for (Sexpr field : module.items.subList(1, module.size())) {
                if ("func".equals(field.head())) {
                    Func f = parse(field, byExport);
                    if (!field.get(1).isAtom() || !field.get(1).atom.startsWith("$")) {
                        continue;
                    }
                    if (f != null) {
                        byName.put(field.get(1).atom, f);
                    }
                }
            }
            for (Sexpr field : module.items.subList(1, module.size())) {
                if ("export".equals(field.head()) && "func".equals(field.get(2).head())) {
                    Func f = byName.get(field.get(2).get(1).atom);
                    if (f != null) {
                        byExport.put(unquote(field.get(1).atom), f);
                    }
                }
            }
            return byExport;
        }

        /** Parses a func field, registering its inline exports; null when it is not of the supported form. */
        private static Func parse(Sexpr field, Map<String, Func> byExport) {
            Func f = new Func();
            List<String> exports = new ArrayList<>();
            List<Sexpr> body = new ArrayList<>();
            for (Sexpr item : field.items.subList(1, field.size())) {
                String head = item.head();
                if (item.isAtom()) {
                    if (!item.atom.startsWith("$")) {
                        return null;
                    }
                } else if ("export".equals(head)) {
                    exports.add(unquote(item.get(1).atom));
                } else if ("param".equals(head)) {
                    if (item.size() == 3 && item.get(1).atom.startsWith("$")) {
                        f.paramNames.add(item.get(1).atom);
                        f.paramTypes.add(Values.typeChar(item.get(2).atom));
                    } else {
                        for (Sexpr t : item.items.subList(1, item.size())) {
                            f.paramNames.add(null);
                            f.paramTypes.add(Values.typeChar(t.atom));
                        }
                    }
                } else if ("result".equals(head)) {
                    continue;
                } else if ("type".equals(head) || "local".equals(head) || "import".equals(head)) {
                    return null;
                } else {
                    body.add(item);
                }
            }
            if (body.size() != 1 || !f.supported(body.get(0))) {
                return null;
            }
            f.body = body.get(0);
            for (String e : exports) {
                byExport.put(e, f);
            }
            return f;
        }

        private boolean supported(Sexpr e) {
            if (e.isAtom()) {
                return false;
            }
            String head = e.head();
            if (head == null) {
                return false;
            }
            if (head.equals("local.get")) {
                return true;
            }
            if (head.endsWith(".const")) {
                return Values.typeChar(head.substring(0, head.indexOf('.'))) != '?';
            }
            Opcode op = simdOp(head);
            if (op == null) {
                return false;
            }
            for (Sexpr item : e.items.subList(1, e.size())) {
                if (!item.isAtom() && !supported(item)) {
                    return false;
                }
            }
            return true;
        }

        int call(List<long[]> args, long[] s) {
            return eval(body, args, s, 0);
        }

        private int eval(Sexpr e, List<long[]> args, long[] s, int sp) {
            String head = e.head();
            if (head.equals("local.get")) {
                String ref = e.get(1).atom;
                int index = ref.startsWith("$") ? paramNames.indexOf(ref) : Integer.parseInt(ref);
                long[] v = args.get(index);
                s[sp++] = v[0];
                if (paramTypes.get(index) == 'V') {
                    s[sp++] = v[1];
                }
                return sp;
            }
            if (head.endsWith(".const")) {
                return sp + Values.push(e, s, sp);
            }
            Opcode op = simdOp(head);
            List<Long> imms = new ArrayList<>();
            for (Sexpr item : e.items.subList(1, e.size())) {
                if (item.isAtom()) {
                    imms.add(WastLiterals.integer(item.atom, 64));
                } else {
                    sp = eval(item, args, s, sp);
                }
            }
            long imm0 = 0;
            long imm1 = 0;
            if (op.immKind() == ImmKind.SHUFFLE) {
                for (int k = 0; k < 16; k++) {
                    if (k < 8) {
                        imm0 |= (imms.get(k) & 0xFF) << (8 * k);
                    } else {
                        imm1 |= (imms.get(k) & 0xFF) << (8 * (k - 8));
                    }
                }
            } else if (!imms.isEmpty()) {
                imm0 = imms.get(0);
            }
            return Simd.execute(op.code(), s, sp, imm0, imm1);
        }

        private static Opcode simdOp(String mnemonic) {
            Opcode op = Opcode.forMnemonic(mnemonic);
            if (op == null || op.prefix() != Opcode.PREFIX_SIMD || op.immKind() == ImmKind.MEMARG
                    || op.immKind() == ImmKind.MEMARG_LANE) {
                return null;
            }
            return op;
        }
    }
}
