package dev.robusta.runtime.internal;

import dev.robusta.runtime.Tag;
import dev.robusta.wasm.FuncType;

/** A tag: identity plus the type of the values its exceptions carry. */
public final class TagInstance implements Tag {
    private final FuncType type;
    /** The type's identity ({@link CanonicalTypes}): imports of tags match by it. */
    public final CanonicalTypes.Type canonical;
    /** Slots of the values. */
    public final int slots;

    /** A tag whose type is given without a module. */
    public TagInstance(FuncType type) {
        this(type, CanonicalTypes.of(type));
    }

    /** A tag of a module, whose type has the identity {@code canonical} there. */
    public TagInstance(FuncType type, CanonicalTypes.Type canonical) {
        this.canonical = canonical;
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
