package dev.robusta.runtime.internal;

import dev.robusta.runtime.Tag;
import dev.robusta.wasm.FuncType;

/** A tag: identity plus the type of the values its exceptions carry. */
public final class TagInstance implements Tag {
    private final FuncType type;
    /** Slots of the values. */
    public final int slots;

    public TagInstance(FuncType type) {
        if (!type.results().isEmpty()) {
            throw new IllegalArgumentException("a tag's type has no results: " + type);
        }
        this.type = FuncTypes.canonical(type);
        this.slots = Values.slots(type.params());
    }

    @Override
    public FuncType type() {
        return type;
    }

    @Override
    public String toString() {
        return "Tag[" + type + "]";
    }
}
