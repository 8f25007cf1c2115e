package dev.robusta.text.internal;

import java.util.List;

/** A position in the items of a list (or a range of them), read from left to right. */
class Cursor {
    final List<Sexp> items;
    /** The list being read (for the position of its closing parenthesis); may be null. */
    final Sexp list;
    final int limit;
    int pos;

    Cursor(Sexp list, int pos) {
        this(list, list.items, pos, list.items.size());
    }

    Cursor(Sexp list, List<Sexp> items, int pos, int limit) {
        this.list = list;
        this.items = items;
        this.pos = pos;
        this.limit = limit;
    }

    boolean atEnd() {
        return pos >= limit;
    }

    /** The next item, or null at the end. */
    Sexp peek() {
        return pos < limit ? items.get(pos) : null;
    }

    /** The item after the next one, or null. */
    Sexp peek2() {
        return pos + 1 < limit ? items.get(pos + 1) : null;
    }

    Sexp next() {
        return items.get(pos++);
    }

    /** Whether the next item is an atom of the given kind. */
    boolean peekAtom(Token.Kind kind) {
        Sexp s = peek();
        return s != null && s.isAtom() && s.token.kind == kind;
    }

    /** Whether the next item is the keyword {@code kw}. */
    boolean peekKeyword(String kw) {
        Sexp s = peek();
        return s != null && s.isKeyword(kw);
    }

    /** Whether the next item is a list headed by {@code kw}. */
    boolean peekList(String kw) {
        Sexp s = peek();
        return s != null && s.isList(kw);
    }

    /** Whether the next item is an index: a number or an identifier. */
    boolean peekIndex() {
        return peekAtom(Token.Kind.NUMBER) || peekAtom(Token.Kind.ID);
    }

    /** The token where "something expected here" errors point: the next item, or the closing parenthesis. */
    Token here() {
        Sexp s = peek();
        if (s != null) {
            return s.token;
        }
        if (list != null) {
            return limit < list.items.size() ? list.items.get(limit).token : list.close;
        }
        return pos > 0 ? items.get(pos - 1).token : null;
    }
}
