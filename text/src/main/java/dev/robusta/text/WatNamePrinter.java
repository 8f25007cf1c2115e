package dev.robusta.text;

import dev.robusta.wasm.NameSection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The identifiers {@link WatPrinter} gives to the module, its functions and their locals, taken from the
 * name section. A name made of identifier characters becomes {@code $name}; any other non-empty name
 * becomes a quoted identifier {@code $"..."} (WebAssembly 3.0). An empty name, or one already given to
 * another entity of the same index space, gives no identifier: that entity is printed by index.
 */
final class WatNamePrinter {
    private static final WatNamePrinter NONE = new WatNamePrinter(NameSection.EMPTY);

    private final NameSection section;
    private final Map<Integer, String> funcs = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> locals = new HashMap<>();

    private WatNamePrinter(NameSection section) {
        this.section = section;
        assign(section.functionNames(), funcs);
    }

    /** The identifiers of the given name section, or none when {@code use} is false. */
    static WatNamePrinter of(NameSection section, boolean use) {
        return use && section != null ? new WatNamePrinter(section) : NONE;
    }

    /** The module's identifier, or null. */
    String module() {
        return section.moduleName() == null ? null : id(section.moduleName());
    }

    /** The identifier of function {@code funcIdx}, or null. */
    String func(int funcIdx) {
        return funcs.get(funcIdx);
    }

    /** How to refer to function {@code funcIdx}: its identifier or its index. */
    String funcRef(int funcIdx) {
        String id = funcs.get(funcIdx);
        return id != null ? id : Integer.toUnsignedString(funcIdx);
    }

    /** The identifier of local {@code localIdx} (parameters first) of function {@code funcIdx}, or null. */
    String local(int funcIdx, int localIdx) {
        return localsOf(funcIdx).get(localIdx);
    }

    /** How to refer to a local: its identifier or its index. */
    String localRef(int funcIdx, int localIdx) {
        String id = local(funcIdx, localIdx);
        return id != null ? id : Integer.toUnsignedString(localIdx);
    }

    private Map<Integer, String> localsOf(int funcIdx) {
        Map<Integer, String> m = locals.get(funcIdx);
        if (m == null) {
            Map<Integer, String> names = section.localNames().get(funcIdx);
            m = new HashMap<>();
            if (names != null) {
                assign(names, m);
            }
            locals.put(funcIdx, m);
        }
        return m;
    }

    private static void assign(Map<Integer, String> names, Map<Integer, String> ids) {
        Set<String> used = new HashSet<>();
        for (Map.Entry<Integer, String> e : new TreeMap<>(names).entrySet()) {
            String name = e.getValue();
            if (name != null && !name.isEmpty() && used.add(name)) {
                ids.put(e.getKey(), id(name));
            }
        }
    }

    /** {@code $name}, or {@code $"name"} when the name has characters an identifier cannot hold. */
    static String id(String name) {
        if (name.isEmpty()) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isIdChar(name.charAt(i))) {
                return "$" + WatLiteralPrinter.string(name);
            }
        }
        return "$" + name;
    }

    /** The spec's {@code idchar}: printable ASCII except space, {@code " , ; ( ) [ ] { }}. */
    static boolean isIdChar(char c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }
}
