package dev.robusta.wasm;

import java.util.List;

/**
 * An element segment.
 *
 * @param flags    which of the 8 binary encodings (0..7) writes it; bit 2 set = initializers as expressions,
 *                 otherwise as function indices (each init is then {@code ref.func i end})
 * @param mode     active, passive or declarative
 * @param tableIdx the table of an active segment
 * @param offset   the offset expression of an active segment, else null
 * @param type     the reference type of the elements; for function indices, which the binary form does not
 *                 type, the one the decoder's features give them ({@code (ref func)} with gc, else
 *                 {@code funcref}), which the validator takes from its own features instead
 * @param init     one constant expression per element
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html#element-section">Element section</a>
 */
public record ElemSegment(int flags, SegmentMode mode, int tableIdx, Expression offset, ValType type,
                          List<Expression> init) {
    public ElemSegment {
        init = List.copyOf(init);
    }

    /** Whether the binary form lists initializers as expressions (flags 4..7) rather than function indices. */
    public boolean usesExpressions() {
        return (flags & 4) != 0;
    }
}
