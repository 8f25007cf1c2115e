package dev.robusta.text.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * An index space of the text format (functions, types, locals, ...): identifiers bound to indices, and
 * the number of entries.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/modules.html#indices">Indices</a>
 */
final class IdSpace {
    /** The space's name in messages: "func", "type", "local", ... */
    final String kind;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    int count;

    IdSpace(String kind) {
        this.kind = kind;
    }

    /** Adds an entry; binds {@code id} (an ID atom, or null) to it. */
    int add(Ctx ctx, Sexp id) {
        int index = count++;
        if (id != null) {
            bind(ctx, id, index);
        }
        return index;
    }

    void bind(Ctx ctx, Sexp id, int index) {
        String name = id.token.text;
        if (ids.putIfAbsent(name, index) != null) {
            throw ctx.error(id.token, "duplicate " + kind + " $" + name);
        }
        names.put(index, name);
    }

    /** The index of an ID or NUMBER atom. */
    int resolve(Ctx ctx, Sexp ref) {
        if (ref.isAtom() && ref.token.kind == Token.Kind.ID) {
            Integer i = ids.get(ref.token.text);
            if (i == null) {
                throw ctx.error(ref.token, "unknown " + kind + " $" + ref.token.text);
            }
            return i;
        }
        return ctx.u32(ref);
    }

    Map<Integer, String> names() {
        return names;
    }
}
