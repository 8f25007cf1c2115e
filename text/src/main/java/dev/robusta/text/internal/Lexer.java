package dev.robusta.text.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits text-format source (UTF-8 bytes) into tokens, skipping white space and comments ({@code ;;} line
 * comments, nested {@code (; ;)} block comments). Annotations are returned as an {@link Token.Kind#ANNOTATION}
 * token followed by their ordinary tokens; {@link SexpReader} skips them.
 *
 * <p>Errors of the character level ("illegal character", "malformed UTF-8 encoding", "unclosed string",
 * "unclosed comment", "empty annotation id") are thrown at once; "empty identifier" comes as an
 * {@link Token.Kind#ERROR} token, because inside an annotation it is not an error.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/lexical.html">Lexical format</a>
 */
public final class Lexer {
    private final byte[] src;
    private final int end;
    private final String sourceName;
    private int pos;
    private int line;
    private int col;
    private boolean inAnnotation;

    /**
     * @param src        the source bytes
     * @param start      first byte to read
     * @param end        end of the bytes to read (exclusive)
     * @param sourceName name used in error positions
     * @param line       line number of the byte at {@code start}
     * @param col        column number of the byte at {@code start}
     */
    public Lexer(byte[] src, int start, int end, String sourceName, int line, int col) {
        this.src = src;
        this.pos = start;
        this.end = end;
        this.sourceName = sourceName;
        this.line = line;
        this.col = col;
    }

    public String sourceName() {
        return sourceName;
    }

    /**
     * Inside an annotation, {@code (@} not followed by an annotation id is a plain parenthesis (the
     * annotation's content is only required to be balanced).
     */
    void setInAnnotation(boolean inAnnotation) {
        this.inAnnotation = inAnnotation;
    }

    /** The next token; {@link Token.Kind#EOF} at the end (repeatedly). */
    public Token next() {
        skipBlanks();
        int l = line, c = col, s = pos;
        if (pos >= end) {
            return new Token(Token.Kind.EOF, null, null, s, s, l, c);
        }
        int b = src[pos] & 0xFF;
        if (b == '(') {
            if (pos + 1 < end && src[pos + 1] == '@' && (!inAnnotation || startsAnnotationId(pos + 2))) {
                advance(2);
                return annotation(s, l, c);
            }
            advance(1);
            return new Token(Token.Kind.LPAREN, "(", null, s, pos, l, c);
        }
        if (b == ')') {
            advance(1);
            return new Token(Token.Kind.RPAREN, ")", null, s, pos, l, c);
        }
        if (b == '"' || isIdChar(b) || isReservedPunct(b)) {
            return run(s, l, c);
        }
        throw illegal(b);
    }

    private boolean startsAnnotationId(int at) {
        return at < end && (src[at] == '"' || isIdChar(src[at] & 0xFF));
    }

    private RuntimeException illegal(int b) {
        if (b >= 0x80 && utf8Length(pos) < 0) {
            return error(line, col, "malformed UTF-8 encoding");
        }
        return error(line, col, "illegal character");
    }

    private RuntimeException error(int l, int c, String message) {
        return Errors.at(sourceName, l, c, message);
    }

    private Token annotation(int s, int l, int c) {
        String id;
        if (pos < end && src[pos] == '"') {
            byte[] name;
            try {
                name = string();
            } catch (RuntimeException e) {
                throw error(l, c, "empty annotation id");
            }
            if (name.length == 0) {
                throw error(l, c, "empty annotation id");
            }
            id = Utf8.decode(name);
            if (id == null) {
                throw error(l, c, "malformed UTF-8 encoding");
            }
        } else {
            int from = pos;
            while (pos < end && isIdChar(src[pos] & 0xFF)) {
                advance(1);
            }
            if (pos == from) {
                throw error(l, c, "empty annotation id");
            }
            id = new String(src, from, pos - from, StandardCharsets.UTF_8);
        }
        return new Token(Token.Kind.ANNOTATION, id, null, s, pos, l, c);
    }

    /** A maximal run of identifier characters, strings and reserved punctuation, then classified. */
    private Token run(int s, int l, int c) {
        int strings = 0;
        boolean other = false;
        byte[] lastString = null;
        boolean dollarString = false;
        while (pos < end) {
            int b = src[pos] & 0xFF;
            if (b == '"') {
                if (pos == s + 1 && src[s] == '$') {
                    try {
                        lastString = string();
                    } catch (RuntimeException e) {
                        if (e.getMessage() != null && e.getMessage().startsWith("malformed UTF-8")) {
                            throw e;
                        }
                        throw error(l, c, "empty identifier");
                    }
                    dollarString = true;
                } else {
                    lastString = string();
                }
                strings++;
            } else if (isIdChar(b)) {
                advance(1);
            } else if (isReservedPunct(b)) {
                if (b == ';' && pos + 1 < end && src[pos + 1] == ';') {
                    break;
                }
                other = true;
                advance(1);
            } else {
                break;
            }
        }
        int first = src[s] & 0xFF;
        if (strings == 1 && first == '"' && pos == s + stringSpan(s)) {
            return new Token(Token.Kind.STRING, null, lastString, s, pos, l, c);
        }
        String text = new String(src, s, pos - s, StandardCharsets.UTF_8);
        if (first == '$') {
            if (pos == s + 1) {
                return new Token(Token.Kind.ERROR, "empty identifier", null, s, pos, l, c);
            }
            if (dollarString && strings == 1 && pos == s + 1 + stringSpan(s + 1)) {
                if (lastString.length == 0) {
                    throw error(l, c, "empty identifier");
                }
                String name = Utf8.decode(lastString);
                if (name == null) {
                    throw error(l, c, "malformed UTF-8 encoding");
                }
                return new Token(Token.Kind.ID, name, null, s, pos, l, c);
            }
            if (strings == 0 && !other) {
                return new Token(Token.Kind.ID, text.substring(1), null, s, pos, l, c);
            }
            return new Token(Token.Kind.RESERVED, text, null, s, pos, l, c);
        }
        if (strings > 0 || other) {
            return new Token(Token.Kind.RESERVED, text, null, s, pos, l, c);
        }
        if (first >= 'a' && first <= 'z') {
            return new Token(Token.Kind.KEYWORD, text, null, s, pos, l, c);
        }
        if ((first >= '0' && first <= '9') || first == '+' || first == '-') {
            if (Numbers.isNumber(text)) {
                return new Token(Token.Kind.NUMBER, text, null, s, pos, l, c);
            }
        }
        return new Token(Token.Kind.RESERVED, text, null, s, pos, l, c);
    }

    /** The length in bytes of the string literal starting at {@code at} (which holds a quote). */
    private int stringSpan(int at) {
        int i = at + 1;
        while (i < end) {
            int b = src[i] & 0xFF;
            if (b == '"') {
                return i + 1 - at;
            }
            i += b == '\\' ? 2 : 1;
        }
        return -1;
    }

    /** Reads a string literal at {@code pos} (a quote) and returns its bytes. */
    private byte[] string() {
        int l = line, c = col;
        advance(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= end) {
                throw error(l, c, "unclosed string");
            }
            int b = src[pos] & 0xFF;
            if (b == '"') {
                advance(1);
                return out.toByteArray();
            }
            if (b < 0x20 || b == 0x7F) {
                throw error(l, c, "unclosed string");
            }
            if (b >= 0x80) {
                int n = utf8Length(pos);
                if (n < 0) {
                    throw error(line, col, "malformed UTF-8 encoding");
                }
                out.write(src, pos, n);
                advance(n);
                continue;
            }
            if (b != '\\') {
                out.write(b);
                advance(1);
                continue;
            }
            int el = line, ec = col;
            advance(1);
            if (pos >= end) {
                throw error(l, c, "unclosed string");
            }
            int e = src[pos] & 0xFF;
            switch (e) {
                case 't': out.write('\t'); advance(1); break;
                case 'n': out.write('\n'); advance(1); break;
                case 'r': out.write('\r'); advance(1); break;
                case '"': out.write('"'); advance(1); break;
                case '\'': out.write('\''); advance(1); break;
                case '\\': out.write('\\'); advance(1); break;
                case 'u': {
                    advance(1);
                    if (pos >= end || src[pos] != '{') {
                        throw error(el, ec, "illegal escape");
                    }
                    advance(1);
                    int from = pos;
                    while (pos < end && (hexValue(src[pos] & 0xFF) >= 0 || src[pos] == '_')) {
                        advance(1);
                    }
                    String hex = new String(src, from, pos - from, StandardCharsets.US_ASCII);
                    if (pos >= end || src[pos] != '}' || !Numbers.isHexNum(hex, 0)) {
                        throw error(el, ec, "illegal escape");
                    }
                    advance(1);
                    long cp = 0;
                    for (int i = 0; i < hex.length(); i++) {
                        int h = hexValue(hex.charAt(i));
                        if (h >= 0) {
                            cp = cp * 16 + h;
                            if (cp > 0x10FFFF) {
                                throw error(el, ec, "malformed UTF-8 encoding");
                            }
                        }
                    }
                    if (cp >= 0xD800 && cp < 0xE000) {
                        throw error(el, ec, "malformed UTF-8 encoding");
                    }
                    byte[] enc = new String(Character.toChars((int) cp)).getBytes(StandardCharsets.UTF_8);
                    out.write(enc, 0, enc.length);
                    break;
                }
                default: {
                    int h1 = hexValue(e);
                    int h2 = pos + 1 < end ? hexValue(src[pos + 1] & 0xFF) : -1;
                    if (h1 < 0 || h2 < 0) {
                        throw error(el, ec, "illegal escape");
                    }
                    out.write(h1 * 16 + h2);
                    advance(2);
                }
            }
        }
    }

    private void skipBlanks() {
        while (pos < end) {
            int b = src[pos] & 0xFF;
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                advance(1);
            } else if (b == ';' && pos + 1 < end && src[pos + 1] == ';') {
                while (pos < end && src[pos] != '\n' && src[pos] != '\r') {
                    checkCommentChar();
                }
            } else if (b == '(' && pos + 1 < end && src[pos + 1] == ';') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        int l = line, c = col;
        advance(2);
        int depth = 1;
        while (depth > 0) {
            if (pos >= end) {
                throw error(l, c, "unclosed comment");
            }
            if (src[pos] == '(' && pos + 1 < end && src[pos + 1] == ';') {
                advance(2);
                depth++;
            } else if (src[pos] == ';' && pos + 1 < end && src[pos + 1] == ')') {
                advance(2);
                depth--;
            } else {
                checkCommentChar();
            }
        }
    }

    /** Skips one character of a comment, which must be valid UTF-8. */
    private void checkCommentChar() {
        int b = src[pos] & 0xFF;
        if (b >= 0x80) {
            int n = utf8Length(pos);
            if (n < 0) {
                throw error(line, col, "malformed UTF-8 encoding");
            }
            advance(n);
        } else {
            advance(1);
        }
    }

    /** Moves {@code n} bytes ahead, counting lines and columns (one column per code point). */
    private void advance(int n) {
        for (int i = 0; i < n && pos < end; i++) {
            int b = src[pos] & 0xFF;
            pos++;
            if (b == '\n') {
                if (!(pos >= 2 && src[pos - 2] == '\r')) {
                    line++;
                }
                col = 1;
            } else if (b == '\r') {
                line++;
                col = 1;
            } else if ((b & 0xC0) != 0x80) {
                col++;
            }
        }
    }

    /** The length of the well-formed UTF-8 sequence at {@code at}, or -1. */
    private int utf8Length(int at) {
        return Utf8.sequenceLength(src, at, end);
    }

    static boolean isIdChar(int b) {
        if (b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') {
            return true;
        }
        switch (b) {
            case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
            case '/': case ':': case '<': case '=': case '>': case '?': case '@': case '\\': case '^': case '_':
            case '`': case '|': case '~':
                return true;
            default:
                return false;
        }
    }

    private static boolean isReservedPunct(int b) {
        return b == ',' || b == ';' || b == '[' || b == ']' || b == '{' || b == '}';
    }

    static int hexValue(int b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
