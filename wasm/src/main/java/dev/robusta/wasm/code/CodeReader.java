package dev.robusta.wasm.code;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.ImmKind;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.binary.ByteReader;

import java.util.Arrays;
import java.util.List;

/**
 * Iterates the instructions of an expression in binary form, decoding each opcode and its immediates
 * without allocating (except for {@code br_table} labels and {@code select} types, on request).
 *
 * <pre>{@code
 * CodeReader r = new CodeReader(body, Features.V2);
 * while (r.hasNext()) {
 *     Opcode op = r.next();
 *     switch (op.immKind()) { case LOCAL_IDX: use(r.index()); ... }
 * }
 * }</pre>
 *
 * <p>Where the immediates are found, by {@link ImmKind}:
 * <ul>
 * <li>LABEL, FUNC_IDX, TYPE_IDX, LOCAL_IDX, GLOBAL_IDX, TABLE_IDX, MEM_IDX, ELEM_IDX, DATA_IDX, TAG_IDX,
 *     LANE, HEAP_TYPE: {@link #index()}</li>
 * <li>CALL_INDIRECT: {@link #index()} type, {@link #index2()} table. TYPE_FIELD / TYPE_U32 / TYPE_DATA /
 *     TYPE_ELEM / TYPE_TYPE: {@link #index()} type, {@link #index2()} the second immediate.
 *     TABLE_TABLE and MEM_MEM: {@link #index()} destination, {@link #index2()} source. TABLE_ELEM:
 *     {@link #index()} element segment, {@link #index2()} table. MEM_DATA: {@link #index()} data segment,
 *     {@link #index2()} memory.</li>
 * <li>BLOCK_TYPE (and the block type of TRY_TABLE): {@link #blockTypeIndex()} or {@link #blockValType()};
 *     TRY_TABLE catches: {@link #catchCount()}, {@link #catchKind(int)}, {@link #catchTag(int)},
 *     {@link #catchLabel(int)}.</li>
 * <li>BR_TABLE: {@link #labelCount()}, {@link #label(int)}, {@link #index()} = the default label.</li>
 * <li>BR_ON_CAST: {@link #castFlags()}, {@link #index()} label, {@link #index2()} source heap type,
 *     {@link #castTargetHeapType()}.</li>
 * <li>MEMARG / MEMARG_LANE: {@link #align()} (the exponent), {@link #memIdx()}, {@link #memOffset()} (u64),
 *     and for MEMARG_LANE {@link #lane()}.</li>
 * <li>I32, I64, F32, F64: {@link #value()} (i32 sign-extended; float raw bits). V128 and SHUFFLE:
 *     {@link #value()} low 8 bytes, {@link #value2()} high 8 bytes, little-endian.</li>
 * <li>SELECT_T: {@link #selectTypes()}.</li>
 * </ul>
 *
 * <p>Errors are {@link CompileException}s of kind MALFORMED: "illegal opcode" for an unknown (or, under
 * the given {@link Features}, unsupported) instruction, and the LEB128 messages of {@link ByteReader}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/instructions.html">Instructions</a>
 */
public final class CodeReader {
    private final ByteReader in;
    private final Features features;

    private Opcode op;
    private long instructionOffset;
    private int index;
    private int index2;
    private long value;
    private long value2;
    private int align;
    private int lane;
    private int castFlags;
    private int castTarget;
    private int blockTypeIndex;
    private ValType blockValType;
    private int labelCount;
    private int[] labels = new int[8];
    private int catchCount;
    private int[] catches = new int[12];
    private ValType[] selectTypes;

    /** Reads the instructions of {@code expr}. */
    public CodeReader(Expression expr, Features features) {
        this(expr.code(), 0, expr.code().length, Math.max(0, expr.offset()), features);
    }

    /**
     * Reads the instructions in {@code code[start..end)}.
     *
     * @param base the module offset of {@code code[0]}, for error offsets
     */
    public CodeReader(byte[] code, int start, int end, long base, Features features) {
        this.in = new ByteReader(code, start, end, base);
        this.features = features;
    }

    /** Whether any bytes remain. */
    public boolean hasNext() {
        return in.hasRemaining();
    }

    /** The index in the code array of the next instruction. */
    public int position() {
        return in.position();
    }

    /** Moves to an instruction boundary previously returned by {@link #position()}. */
    public void position(int pos) {
        in.position(pos);
    }

    /** The module offset of the instruction last returned by {@link #next()}. */
    public long instructionOffset() {
        return instructionOffset;
    }

    /** The module offset of the next byte. */
    public long offset() {
        return in.offset();
    }

    /** The instruction last returned by {@link #next()}. */
    public Opcode opcode() {
        return op;
    }

    /** Decodes the next instruction and its immediates. */
    public Opcode next() {
        instructionOffset = in.offset();
        int b = in.u8();
        Opcode o;
        long code = -1;
        if (Opcode.isPrefix(b)) {
            code = Integer.toUnsignedLong(in.u32());
            o = Opcode.prefixed(b, code);
        } else {
            o = Opcode.single(b);
        }
        if (o == null || !enabled(o)) {
            // The reference interpreter's text: "illegal opcode ff", or "illegal opcode fc 1a" when prefixed.
            String text = code < 0 ? hex(b) : hex(b) + " " + String.format("%02x", code);
            throw CompileException.malformed("illegal opcode " + text, instructionOffset);
        }
        op = o;
        readImmediates(o.immKind());
        return o;
    }

    private static String hex(int b) {
        return String.format("%02x", b);
    }

    private boolean enabled(Opcode o) {
        switch (o.prefix()) {
            case Opcode.PREFIX_GC:
                return features.gc();
            case Opcode.PREFIX_THREADS:
                return features.threads();
            case Opcode.PREFIX_SIMD:
                return o.code() < 0x100 || features.relaxedSimd();
            case Opcode.PREFIX_MISC:
                return o.code() < 19 || features.wideArithmetic();
            default:
                break;
        }
        switch (o) {
            case TRY: case CATCH: case THROW: case RETHROW: case THROW_REF: case DELEGATE: case CATCH_ALL: case TRY_TABLE:
                return features.exceptions();
            case RETURN_CALL: case RETURN_CALL_INDIRECT:
                return features.tailCalls();
            case RETURN_CALL_REF:
                return features.tailCalls() && features.gc();
            case CALL_REF: case REF_EQ: case REF_AS_NON_NULL: case BR_ON_NULL: case BR_ON_NON_NULL:
                return features.gc();
            default:
                return true;
        }
    }

    private void readImmediates(ImmKind kind) {
        switch (kind) {
            case NONE:
                break;
            case BLOCK_TYPE:
                blockType();
                break;
            case TRY_TABLE:
                blockType();
                tryTableCatches();
                break;
            case LABEL: case FUNC_IDX: case TYPE_IDX: case LOCAL_IDX: case GLOBAL_IDX: case TABLE_IDX:
            case ELEM_IDX: case DATA_IDX: case TAG_IDX:
                index = in.u32();
                break;
            case MEM_IDX:
                index = memIndex();
                break;
            case BR_TABLE:
                brTable();
                break;
            case BR_ON_CAST:
                castFlags = in.u8();
                if ((castFlags & ~3) != 0) {
                    throw in.malformed("malformed br_on_cast flags");
                }
                index = in.u32();
                index2 = in.heapType();
                castTarget = in.heapType();
                break;
            case CALL_INDIRECT: case TYPE_FIELD: case TYPE_U32: case TYPE_DATA: case TYPE_ELEM: case TYPE_TYPE:
            case TABLE_TABLE: case TABLE_ELEM:
                index = in.u32();
                index2 = in.u32();
                break;
            case MEM_MEM:
                index = memIndex();
                index2 = memIndex();
                break;
            case MEM_DATA:
                index = in.u32();
                index2 = memIndex();
                break;
            case SELECT_T:
                selectT();
                break;
            case HEAP_TYPE:
                index = in.heapType();
                break;
            case MEMARG:
                memarg();
                break;
            case MEMARG_LANE:
                memarg();
                lane = in.u8();
                break;
            case I32:
                value = in.s32();
                break;
            case I64:
                value = in.s64();
                break;
            case F32:
                value = in.fixed32();
                break;
            case F64:
                value = in.fixed64();
                break;
            case V128: case SHUFFLE:
                value = in.fixed64();
                value2 = in.fixed64();
                break;
            case LANE:
                index = in.u8();
                break;
            case ZERO_BYTE:
                if (in.u8() != 0) {
                    throw in.malformed("zero byte expected");
                }
                break;
            default:
                throw new AssertionError(kind);
        }
    }

    private int memIndex() {
        if (features.multiMemory()) {
            return in.u32();
        }
        if (in.u8() != 0) {
            throw CompileException.malformed("zero byte expected", in.offset() - 1);
        }
        return 0;
    }

    private void blockType() {
        int b = in.peek();
        if (b == 0x40) {
            in.u8();
            blockTypeIndex = -1;
            blockValType = null;
            return;
        }
        ValType t = ValType.ofCode(b);
        if ((t != null && !t.isPacked()) || b == ValType.CODE_REF || b == ValType.CODE_REF_NULL
                || ((b & 0xC0) == 0x40 && ValType.isAbstractHeapType(b - 0x80))) {
            blockTypeIndex = -1;
            blockValType = in.valType();
            return;
        }
        long at = in.offset();
        long idx = in.s33();
        if (idx < 0) {
            throw CompileException.malformed("malformed block type", at);
        }
        if (idx > Integer.MAX_VALUE) {
            throw CompileException.malformed("integer too large", at);
        }
        blockTypeIndex = (int) idx;
        blockValType = null;
    }

    private void tryTableCatches() {
        int n = in.vecLength(2);
        if (catches.length < n * 3) {
            catches = new int[n * 3];
        }
        for (int i = 0; i < n; i++) {
            int kind = in.u8();
            if (kind > 3) {
                throw in.malformed("malformed catch clause");
            }
            catches[i * 3] = kind;
            catches[i * 3 + 1] = kind < 2 ? in.u32() : -1;
            catches[i * 3 + 2] = in.u32();
        }
        catchCount = n;
    }

    private void brTable() {
        int n = in.vecLength(1);
        if (labels.length < n) {
            labels = new int[Math.max(n, labels.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            labels[i] = in.u32();
        }
        labelCount = n;
        index = in.u32();
    }

    private void selectT() {
        int n = in.vecLength(1);
        ValType[] ts = new ValType[n];
        for (int i = 0; i < n; i++) {
            ts[i] = in.valType();
        }
        selectTypes = ts;
    }

    private void memarg() {
        long at = in.offset();
        int flags = in.u32();
        if (features.multiMemory() && (flags & 0x40) != 0) {
            align = flags & ~0x40;
            index2 = in.u32();
        } else {
            align = flags;
            index2 = 0;
        }
        // 3.0: the flags are below 0x80 (bit 6 announcing a memory index); 2.0: the exponent is below 32.
        if (Integer.compareUnsigned(align, features.multiMemory() ? 64 : 32) >= 0) {
            throw CompileException.malformed("malformed memop flags", at);
        }
        value = features.memory64() ? in.u64() : Integer.toUnsignedLong(in.u32());
    }

    // ---- immediates ----

    /** The first index immediate (see the class comment for which one). */
    public int index() {
        return index;
    }

    /** The second index immediate (see the class comment). */
    public int index2() {
        return index2;
    }

    /** A constant: i32 (sign-extended), i64, f32 bits, f64 bits, or the low half of a v128 / shuffle. */
    public long value() {
        return value;
    }

    /** The high half of a v128 constant or shuffle. */
    public long value2() {
        return value2;
    }

    /** The alignment exponent of a memory argument. */
    public int align() {
        return align;
    }

    /** The memory index of a memory argument. */
    public int memIdx() {
        return index2;
    }

    /** The offset of a memory argument (u64). */
    public long memOffset() {
        return value;
    }

    /** The lane index of a MEMARG_LANE instruction. */
    public int lane() {
        return lane;
    }

    /** The type index of a block type, or -1 when it is empty or a single value type. */
    public int blockTypeIndex() {
        return blockTypeIndex;
    }

    /** The single result type of a block type, or null when it is empty or a type index. */
    public ValType blockValType() {
        return blockValType;
    }

    /** The number of non-default labels of {@code br_table}. */
    public int labelCount() {
        return labelCount;
    }

    /** The i-th non-default label of {@code br_table}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of the non-default labels of {@code br_table}. */
    public int[] labels() {
        return Arrays.copyOf(labels, labelCount);
    }

    /** The types of {@code select t*}. */
    public List<ValType> selectTypes() {
        return List.of(selectTypes);
    }

    /** {@code br_on_cast} flags: bit 0 source nullable, bit 1 target nullable. */
    public int castFlags() {
        return castFlags;
    }

    /** {@code br_on_cast} target heap type. */
    public int castTargetHeapType() {
        return castTarget;
    }

    /** The number of catch clauses of {@code try_table}. */
    public int catchCount() {
        return catchCount;
    }

    /** Catch clause kind: 0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref. */
    public int catchKind(int i) {
        return catches[i * 3];
    }

    /** Catch clause tag index, or -1 for catch_all forms. */
    public int catchTag(int i) {
        return catches[i * 3 + 1];
    }

    /** Catch clause label. */
    public int catchLabel(int i) {
        return catches[i * 3 + 2];
    }
}
