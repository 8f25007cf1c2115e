package dev.robusta.text;

import dev.robusta.wasm.NameSection;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WatNamePrinterTest {

    @Test
    void id_idCharsPlain_othersQuoted_emptyNone() {
        assertEquals("$f", WatNamePrinter.id("f"));
        assertEquals("$!?@#a$%^&*b-+_.:9'`|/\\<=>~", WatNamePrinter.id("!?@#a$%^&*b-+_.:9'`|/\\<=>~"));
        assertEquals("$\" random \\09 stuff \"", WatNamePrinter.id(" random \t stuff "));
        assertEquals("$\"a\\22b\"", WatNamePrinter.id("a\"b"));
        assertEquals("$\"x,y\"", WatNamePrinter.id("x,y"));
        assertEquals("$\"\\ef\\98\\9a\"", WatNamePrinter.id("\uf61a"));
        assertNull(WatNamePrinter.id(""));
    }

    @Test
    void of_duplicateAndEmptyNames_printedByIndex() {
        WatNamePrinter n = WatNamePrinter.of(new NameSection("m", Map.of(0, "a", 1, "a", 2, "", 3, "b"),
                Map.of(3, Map.of(0, "x", 1, "x", 2, "y"))), true);
        assertEquals("$m", n.module());
        assertEquals("$a", n.funcRef(0));
        assertEquals("1", n.funcRef(1));
        assertEquals("2", n.funcRef(2));
        assertEquals("$b", n.funcRef(3));
        assertEquals("$x", n.localRef(3, 0));
        assertEquals("1", n.localRef(3, 1));
        assertEquals("$y", n.localRef(3, 2));
        assertEquals("0", n.localRef(0, 0));
    }

    @Test
    void of_namesOff_noIdentifiers() {
        WatNamePrinter n = WatNamePrinter.of(new NameSection("m", Map.of(0, "a"), Map.of(0, Map.of(0, "x"))), false);
        assertNull(n.module());
        assertEquals("0", n.funcRef(0));
        assertNull(n.local(0, 0));
    }
}
