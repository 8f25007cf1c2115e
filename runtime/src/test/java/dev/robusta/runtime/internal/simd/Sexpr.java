package dev.robusta.runtime.internal.simd;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal S-expression reader for the spec's {@code .wast} scripts, enough for the test vectors: atoms,
 * strings (kept with their quotes), lists with their line numbers, and both kinds of comments.
 */
final class Sexpr {

    final String atom;
    final List<Sexpr> items;
    final int line;

    private Sexpr(String atom, List<Sexpr> items, int line) {
        this.atom = atom;
        this.items = items;
        this.line = line;
    }

    boolean isAtom() {
        return atom != null;
    }

    /** The head atom of a list, or null. */
    String head() {
        return items != null && !items.isEmpty() && items.get(0).isAtom() ? items.get(0).atom : null;
    }

    Sexpr get(int i) {
        return items.get(i);
    }

    int size() {
        return items.size();
    }

    @Override
    public String toString() {
        if (isAtom()) {
            return atom;
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : " ").append(items.get(i));
        }
        return b.append(')').toString();
    }

    /** Reads every top-level form of {@code text}. */
    static List<Sexpr> parseAll(String text) {
        Reader r = new Reader(text);
        List<Sexpr> forms = new ArrayList<>();
        for (Sexpr e = r.next(); e != null; e = r.next()) {
            forms.add(e);
        }
        return forms;
    }

    private static final class Reader {
        private final String t;
        private int p;
        private int line = 1;

        Reader(String t) {
            this.t = t;
        }

        private void skipSpace() {
            while (p < t.length()) {
                char c = t.charAt(p);
                if (c == '\n') {
                    line++;
                    p++;
                } else if (Character.isWhitespace(c)) {
                    p++;
                } else if (t.startsWith(";;", p)) {
                    while (p < t.length() && t.charAt(p) != '\n') {
                        p++;
                    }
                } else if (t.startsWith("(;", p)) {
                    int depth = 0;
                    do {
                        if (t.startsWith("(;", p)) {
                            depth++;
                            p += 2;
                        } else if (t.startsWith(";)", p)) {
                            depth--;
                            p += 2;
                        } else {
                            if (t.charAt(p) == '\n') {
                                line++;
                            }
                            p++;
                        }
                    } while (depth > 0);
                } else {
                    return;
                }
            }
        }

        Sexpr next() {
            skipSpace();
            if (p >= t.length()) {
                return null;
            }
            char c = t.charAt(p);
            if (c == '(') {
                int start = line;
                p++;
                List<Sexpr> items = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (t.charAt(p) == ')') {
                        p++;
                        return new Sexpr(null, items, start);
                    }
                    items.add(next());
                }
            }
            int start = p;
            if (c == '"') {
                p++;
                while (t.charAt(p) != '"') {
                    p += t.charAt(p) == '\\' ? 2 : 1;
                }
                p++;
            } else {
                while (p < t.length() && !Character.isWhitespace(t.charAt(p)) && t.charAt(p) != '('
                        && t.charAt(p) != ')') {
                    p++;
                }
            }
            return new Sexpr(t.substring(start, p), null, line);
        }
    }
}
