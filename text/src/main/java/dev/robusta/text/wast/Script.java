package dev.robusta.text.wast;

import java.util.List;

/**
 * A parsed WAST script: its directives in order.
 *
 * @param fileName   the name errors and positions refer to
 * @param directives the commands of the script, in source order
 * @see WastParser#parse(String, String)
 */
public record Script(String fileName, List<Directive> directives) {
    public Script {
        directives = List.copyOf(directives);
    }
}
