package dev.robusta.wasm;

/** How a data or element segment is used: copied at instantiation, on demand, or only declared. */
public enum SegmentMode {
    ACTIVE, PASSIVE, DECLARATIVE
}
