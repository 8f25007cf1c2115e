package dev.robusta.wasm;

/**
 * The shape of an instruction's immediates in the binary format. {@link dev.robusta.wasm.code.CodeReader}
 * reads them and {@link dev.robusta.wasm.code.CodeWriter} writes them.
 */
public enum ImmKind {
    /** No immediate. */
    NONE,
    /** A block type: {@code 0x40} (empty), a value type, or an s33 type index. */
    BLOCK_TYPE,
    /** {@code try_table}: a block type, then a vector of catch clauses (kind, [tag], label). */
    TRY_TABLE,
    /** A label index (u32). */
    LABEL,
    /** {@code br_table}: a vector of label indices, then the default label. */
    BR_TABLE,
    /** {@code br_on_cast}: a flags byte (bit 0: source nullable, bit 1: target nullable), a label, two heap types. */
    BR_ON_CAST,
    /** A function index. */
    FUNC_IDX,
    /** {@code call_indirect}: a type index, then a table index. */
    CALL_INDIRECT,
    /** A type index. */
    TYPE_IDX,
    /** A type index and a field index (struct access). */
    TYPE_FIELD,
    /** A type index and a u32 (array.new_fixed's length). */
    TYPE_U32,
    /** A type index and a data segment index. */
    TYPE_DATA,
    /** A type index and an element segment index. */
    TYPE_ELEM,
    /** Two type indices (array.copy: destination, source). */
    TYPE_TYPE,
    /** A local index. */
    LOCAL_IDX,
    /** A global index. */
    GLOBAL_IDX,
    /** A table index. */
    TABLE_IDX,
    /** A memory index (a single 0x00 byte in WebAssembly 2.0 binaries). */
    MEM_IDX,
    /** An element segment index. */
    ELEM_IDX,
    /** A data segment index. */
    DATA_IDX,
    /** A tag index. */
    TAG_IDX,
    /** {@code table.copy}: destination table, source table. */
    TABLE_TABLE,
    /** {@code table.init}: element segment index, then table index. */
    TABLE_ELEM,
    /** {@code memory.copy}: destination memory, source memory. */
    MEM_MEM,
    /** {@code memory.init}: data segment index, then memory index. */
    MEM_DATA,
    /** {@code select t*}: a vector of value types. */
    SELECT_T,
    /** A heap type (s33). */
    HEAP_TYPE,
    /** A memory argument: alignment exponent (bit 6 set: a memory index follows), [memory index], offset. */
    MEMARG,
    /** A memory argument and a lane index byte. */
    MEMARG_LANE,
    /** An s32 constant. */
    I32,
    /** An s64 constant. */
    I64,
    /** An f32 constant: 4 bytes, little-endian. */
    F32,
    /** An f64 constant: 8 bytes, little-endian. */
    F64,
    /** A v128 constant: 16 bytes. */
    V128,
    /** A lane index byte. */
    LANE,
    /** 16 lane index bytes ({@code i8x16.shuffle}). */
    SHUFFLE,
    /** A reserved zero byte ({@code atomic.fence}). */
    ZERO_BYTE
}
