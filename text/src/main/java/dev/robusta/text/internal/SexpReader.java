package dev.robusta.text.internal;

import dev.robusta.wasm.CompileException;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds S-expression trees from tokens, without recursion (so any nesting depth is safe), dropping
 * annotations {@code (@id ...)} (which must be balanced). Reserved tokens and other lexical errors
 * outside annotations are reported here: "unknown operator", "empty identifier".
 */
public final class SexpReader {
    private final Lexer lexer;
    private CompileException strayClose;

    public SexpReader(Lexer lexer) {
        this.lexer = lexer;
    }

    /**
     * The error of an unbalanced closing parenthesis at top level, where {@link #readAll} stopped; null if
     * there was none. Callers report it after the errors of the nodes before it.
     */
    public CompileException strayClose() {
        return strayClose;
    }

    /** Reads every node up to the end of input (or up to an unbalanced closing parenthesis). */
    public List<Sexp> readAll() {
        List<Sexp> top = new ArrayList<>();
        List<List<Sexp>> stack = new ArrayList<>();
        List<Token> opens = new ArrayList<>();
        List<Sexp> current = top;
        while (true) {
            Token t = lexer.next();
            switch (t.kind) {
                case EOF:
                    if (!opens.isEmpty()) {
                        throw Errors.at(lexer.sourceName(), t.line, t.col, "unexpected end of input");
                    }
                    return top;
                case LPAREN:
                    stack.add(current);
                    opens.add(t);
                    current = new ArrayList<>();
                    break;
                case RPAREN: {
                    if (opens.isEmpty()) {
                        // Reported after the nodes before it, as an incremental parser would.
                        strayClose = Errors.at(lexer.sourceName(), t.line, t.col, "unexpected token \")\"");
                        return top;
                    }
                    Token open = opens.remove(opens.size() - 1);
                    Sexp list = new Sexp(open, current, t);
                    current = stack.remove(stack.size() - 1);
                    current.add(list);
                    break;
                }
                case ANNOTATION:
                    skipAnnotation(t);
                    break;
                case RESERVED:
                    throw Errors.at(lexer.sourceName(), t.line, t.col, "unknown operator " + t.text);
                case ERROR:
                    throw Errors.at(lexer.sourceName(), t.line, t.col, t.text);
                default:
                    current.add(new Sexp(t));
            }
        }
    }

    private void skipAnnotation(Token start) {
        int depth = 1;
        lexer.setInAnnotation(true);
        while (depth > 0) {
            Token t = lexer.next();
            switch (t.kind) {
                case EOF:
                    throw Errors.at(lexer.sourceName(), start.line, start.col, "unclosed annotation");
                case LPAREN:
                case ANNOTATION:
                    depth++;
                    break;
                case RPAREN:
                    depth--;
                    break;
                default:
                    break;
            }
        }
        lexer.setInAnnotation(false);
    }
}
