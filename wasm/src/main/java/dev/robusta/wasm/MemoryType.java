package dev.robusta.wasm;

/**
 * A memory type: limits in pages and the page size as a power of two (16 for 64 KiB pages; the
 * custom-page-sizes proposal allows 0).
 */
public record MemoryType(Limits limits, int pageSizeLog2) implements ExternType {
    public static final int DEFAULT_PAGE_SIZE_LOG2 = 16;

    public MemoryType(Limits limits) {
        this(limits, DEFAULT_PAGE_SIZE_LOG2);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.MEMORY;
    }
}
