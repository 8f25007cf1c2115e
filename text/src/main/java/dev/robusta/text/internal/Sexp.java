package dev.robusta.text.internal;

import java.util.List;

/**
 * A node of the S-expression tree of a text-format source: an atom (one token) or a parenthesised list.
 * Annotations are not in the tree.
 */
public final class Sexp {
    /** The atom's token; for a list, its opening parenthesis. */
    public final Token token;
    /** The list's items; null for an atom. */
    public final List<Sexp> items;
    /** For a list: its closing parenthesis (for positions and source ranges). */
    public final Token close;

    Sexp(Token token) {
        this.token = token;
        this.items = null;
        this.close = null;
    }

    Sexp(Token open, List<Sexp> items, Token close) {
        this.token = open;
        this.items = items;
        this.close = close;
    }

    public boolean isList() {
        return items != null;
    }

    public boolean isAtom() {
        return items == null;
    }

    /** The atom's token kind; null for a list. */
    public Token.Kind kind() {
        return items == null ? token.kind : null;
    }

    /** Whether this is the keyword atom {@code kw}. */
    public boolean isKeyword(String kw) {
        return items == null && token.kind == Token.Kind.KEYWORD && token.text.equals(kw);
    }

    /** For a list whose first item is a keyword: that keyword; otherwise null. */
    public String head() {
        if (items == null || items.isEmpty()) {
            return null;
        }
        Sexp h = items.get(0);
        return h.items == null && h.token.kind == Token.Kind.KEYWORD ? h.token.text : null;
    }

    /** Whether this is a list headed by keyword {@code kw}. */
    public boolean isList(String kw) {
        return kw.equals(head());
    }

    /** The byte offset where this node begins in the source. */
    public int start() {
        return token.start;
    }

    /** The byte offset just after this node. */
    public int end() {
        return items == null ? token.end : close.end;
    }

    @Override
    public String toString() {
        return items == null ? token.describe() : "(" + (head() != null ? head() : "") + " ...)";
    }
}
