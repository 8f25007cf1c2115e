package dev.robusta.text.internal;

import dev.robusta.wasm.CompileException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexerTest {

    private static List<Token> tokens(String s) {
        return tokens(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Token> tokens(byte[] b) {
        Lexer lexer = new Lexer(b, 0, b.length, "t", 1, 1);
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.next(); t.kind != Token.Kind.EOF; t = lexer.next()) {
            out.add(t);
        }
        return out;
    }

    private static String kinds(String s) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens(s)) {
            sb.append(t.kind).append(' ');
        }
        return sb.toString().trim();
    }

    private static void assertError(String start, String s) {
        CompileException e = assertThrows(CompileException.class, () -> {
            SexpReader reader = new SexpReader(
                    new Lexer(s.getBytes(StandardCharsets.ISO_8859_1), 0, s.length(), "t", 1, 1));
            reader.readAll();
            if (reader.strayClose() != null) {
                throw reader.strayClose();
            }
        });
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    @Test
    void tokens_classes() {
        assertEquals("LPAREN KEYWORD ID NUMBER NUMBER KEYWORD STRING RPAREN",
                kinds("(i32.const $x -1 0x1p3 nan:0x1 \"s\")"));
        assertEquals("RESERVED RESERVED RESERVED RESERVED", kinds("0drop $\"l\"0 \"a\"\"b\" A"));
        assertEquals("LPAREN KEYWORD LPAREN KEYWORD RPAREN RPAREN", kinds("(func(nop))"));
        assertEquals("KEYWORD KEYWORD", kinds("offset=4 align=8"));
    }

    @Test
    void comments_lineBlockNestedAndCarriageReturn() {
        assertEquals("KEYWORD KEYWORD KEYWORD", kinds("a ;; comment\nb (; x (; nested ;) y ;) c"));
        assertEquals("KEYWORD KEYWORD", kinds("a ;; comment\rb"));
        assertEquals("KEYWORD", kinds("nop;;bla"));
        assertError("unclosed comment", "(; (; ;)");
    }

    @Test
    void positions_linesAndColumns() {
        List<Token> t = tokens("(a\n  bc\r\n\"\u00e9\" d)");
        assertEquals(1, t.get(1).line);
        assertEquals(2, t.get(1).col);
        assertEquals(2, t.get(2).line);
        assertEquals(3, t.get(2).col);
        Token d = t.get(3);
        assertEquals(3, d.line);
        assertEquals(1, d.col);
        assertEquals(5, t.get(4).col); // after a string of three characters, "é" counting one
        assertEquals(3, t.get(4).line);
    }

    @Test
    void strings_everyEscape() {
        Token t = tokens("\"\\t\\n\\r\\\"\\'\\\\\\u{48}\\u{1F600}\\41\\ff\u00e9\"").get(0);
        byte[] expected = {9, 10, 13, '"', '\'', '\\', 'H', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, 'A',
            (byte) 0xFF, (byte) 0xC3, (byte) 0xA9};
        assertArrayEquals(expected, t.bytes);
        assertError("unclosed string", "\"abc");
        assertError("unclosed string", "\"a\nb\"");
        assertError("illegal escape", "\"\\q\"");
        assertError("illegal escape", "\"\\u{}\"");
        assertError("malformed UTF-8", "\"\\u{d800}\"");
        assertError("malformed UTF-8 encoding", "\"\u00c3(\"");
    }

    @Test
    void identifiers_plainAndQuoted() {
        List<Token> t = tokens("$abc $\"a b\" $\"\\41\" $!#%&'*+-./:<=>?@\\^_`|~");
        assertEquals("abc", t.get(0).text);
        assertEquals("a b", t.get(1).text);
        assertEquals("A", t.get(2).text);
        assertEquals("!#%&'*+-./:<=>?@\\^_`|~", t.get(3).text);
        assertError("empty identifier", "$");
        assertError("empty identifier", "$\"\"");
        assertError("empty identifier", "$ \"a\"");
        assertError("malformed UTF-8", "$\"\\ef\"");
    }

    @Test
    void annotations_skippedWhenBalanced() {
        byte[] src = "((@a x \"y\" (z (@b)) 0x$% (@)) module (@c))".getBytes(StandardCharsets.UTF_8);
        List<Sexp> nodes = new SexpReader(new Lexer(src, 0, src.length, "t", 1, 1)).readAll();
        assertEquals(1, nodes.size());
        assertEquals("module", nodes.get(0).head());
        assertEquals(1, nodes.get(0).items.size());
        assertError("unclosed annotation", "(@x (y)");
        assertError("empty annotation id", "(@ x)");
        assertError("unexpected token", "(@x))");
        assertError("unknown operator", "( @a)");
        assertError("illegal character", "(@a \u0001)");
    }

    @Test
    void characters_illegalAndMalformed() {
        assertError("illegal character", "(func \u0007)");
        assertError("illegal character", "\u007f");
        assertError("malformed UTF-8 encoding", "\u0080");
        assertError("illegal character", "(@a W\u00c3\u00bcrstchen)");
        assertError("illegal character", " \u00c3\u00bc");
        assertError("unknown operator", "0$l");
    }
}
