package dev.robusta.text.internal;

/**
 * A token of the text format, with its position.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/lexical.html">Lexical format</a>
 */
public final class Token {
    /** Token classes. */
    public enum Kind {
        /** {@code (} */
        LPAREN,
        /** {@code )} */
        RPAREN,
        /** {@code (@id}: the start of an annotation; {@link #text} is its id. */
        ANNOTATION,
        /** A keyword: starts with a lowercase letter (includes {@code inf}, {@code nan}, {@code offset=4}). */
        KEYWORD,
        /** A number: starts with a digit or a sign and is a valid integer or float literal. */
        NUMBER,
        /** A string; {@link #bytes} are its decoded bytes. */
        STRING,
        /** An identifier; {@link #text} is its name without {@code $}, decoded. */
        ID,
        /** Any other run of identifier characters and strings (an error outside annotations). */
        RESERVED,
        /** A token that is an error unless it is inside an annotation; {@link #text} is the message. */
        ERROR,
        /** The end of the input. */
        EOF
    }

    public final Kind kind;
    /** Raw text for keywords, numbers and reserved tokens; the name for ids and annotations. */
    public final String text;
    /** The decoded bytes of a string. */
    public final byte[] bytes;
    /** Byte offsets in the source, end exclusive. */
    public final int start, end;
    /** 1-based position of the first character. */
    public final int line, col;

    Token(Kind kind, String text, byte[] bytes, int start, int end, int line, int col) {
        this.kind = kind;
        this.text = text;
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.line = line;
        this.col = col;
    }

    /** How the token reads in an error message. */
    public String describe() {
        switch (kind) {
            case LPAREN: return "\"(\"";
            case RPAREN: return "\")\"";
            case EOF: return "end of input";
            case STRING: return "string";
            case ID: return "$" + text;
            case ANNOTATION: return "(@" + text;
            default: return text;
        }
    }

    @Override
    public String toString() {
        return kind + "(" + describe() + ")@" + line + ":" + col;
    }
}
