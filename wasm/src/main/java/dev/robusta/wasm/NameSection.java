package dev.robusta.wasm;

import java.util.Map;

/**
 * The names decoded from the {@code name} custom section, for diagnostics and printing. Empty maps
 * when the module has none. A malformed name section is ignored, as the spec allows.
 *
 * @param moduleName    the module's name, or null
 * @param functionNames function index to name
 * @param localNames    function index to (local index to name)
 */
public record NameSection(String moduleName, Map<Integer, String> functionNames,
                          Map<Integer, Map<Integer, String>> localNames) {
    public static final NameSection EMPTY = new NameSection(null, Map.of(), Map.of());
}
