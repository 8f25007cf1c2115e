package dev.robusta.text;

import dev.robusta.wasm.CompositeType;
import dev.robusta.wasm.FuncType;
import dev.robusta.wasm.ImmKind;
import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.WasmModule;
import dev.robusta.wasm.code.CodeReader;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells one instruction, as a {@link CodeReader} just read it, in the text format: its mnemonic and its
 * immediates, with label targets commented as wabt does ({@code br 1 (;@2;)}) and floats followed by
 * their decimal value ({@code f64.const 0x1.8p+1 (;=3;)}).
 */
final class WatInstrPrinter {
    private static final Map<Opcode, Integer> NATURAL_ALIGN = naturalAlignments();

    private final WasmModule module;
    private final WatNamePrinter names;

    WatInstrPrinter(WasmModule module, WatNamePrinter names) {
        this.module = module;
        this.names = names;
    }

    /**
     * Appends the instruction last read by {@code r}.
     *
     * @param funcIdx the function the code belongs to (for local names), or -1 for a constant expression
     * @param depth   the number of enclosing blocks, for the label comments of branches; for
     *                {@code try_table} the depth outside it, for {@code delegate} the depth after it
     */
    void append(StringBuilder sb, CodeReader r, int funcIdx, int depth) {
        Opcode op = r.opcode();
        sb.append(op.mnemonic());
        switch (op.immKind()) {
            case NONE:
            case ZERO_BYTE:
                break;
            case BLOCK_TYPE:
                blockType(sb, r);
                break;
            case TRY_TABLE:
                blockType(sb, r);
                for (int i = 0; i < r.catchCount(); i++) {
                    int kind = r.catchKind(i);
                    sb.append(" (").append(CATCH_KINDS[kind]);
                    if (kind < 2) {
                        sb.append(' ').append(Integer.toUnsignedString(r.catchTag(i)));
                    }
                    sb.append(' ');
                    label(sb, r.catchLabel(i), depth);
                    sb.append(')');
                }
                break;
            case LABEL:
                sb.append(' ');
                label(sb, r.index(), depth);
                break;
            case BR_TABLE:
                for (int i = 0; i < r.labelCount(); i++) {
                    sb.append(' ');
                    label(sb, r.label(i), depth);
                }
                sb.append(' ');
                label(sb, r.index(), depth);
                break;
            case BR_ON_CAST:
                sb.append(' ');
                label(sb, r.index(), depth);
                sb.append(' ').append(ValType.ref((r.castFlags() & 1) != 0, r.index2()));
                sb.append(' ').append(ValType.ref((r.castFlags() & 2) != 0, r.castTargetHeapType()));
                break;
            case FUNC_IDX:
                sb.append(' ').append(names.funcRef(r.index()));
                break;
            case CALL_INDIRECT:
                if (r.index2() != 0) {
                    sb.append(' ').append(Integer.toUnsignedString(r.index2()));
                }
                sb.append(" (type ").append(Integer.toUnsignedString(r.index())).append(')');
                break;
            case LOCAL_IDX:
                sb.append(' ').append(funcIdx >= 0 ? names.localRef(funcIdx, r.index())
                        : Integer.toUnsignedString(r.index()));
                break;
            case TYPE_IDX:
            case GLOBAL_IDX:
            case TABLE_IDX:
            case ELEM_IDX:
            case DATA_IDX:
            case TAG_IDX:
            case LANE:
                sb.append(' ').append(Integer.toUnsignedString(r.index()));
                break;
            case MEM_IDX:
                if (r.index() != 0) {
                    sb.append(' ').append(Integer.toUnsignedString(r.index()));
                }
                break;
            case TYPE_FIELD:
            case TYPE_U32:
            case TYPE_DATA:
            case TYPE_ELEM:
            case TYPE_TYPE:
                sb.append(' ').append(Integer.toUnsignedString(r.index()))
                        .append(' ').append(Integer.toUnsignedString(r.index2()));
                break;
            case TABLE_TABLE:
            case MEM_MEM:
                if (r.index() != 0 || r.index2() != 0) {
                    sb.append(' ').append(Integer.toUnsignedString(r.index()))
                            .append(' ').append(Integer.toUnsignedString(r.index2()));
                }
                break;
            case TABLE_ELEM:
            case MEM_DATA:
                // binary order: segment, then table/memory; text order: table/memory (when not 0), segment
                if (r.index2() != 0) {
                    sb.append(' ').append(Integer.toUnsignedString(r.index2()));
                }
                sb.append(' ').append(Integer.toUnsignedString(r.index()));
                break;
            case SELECT_T:
                sb.append(" (result");
                for (ValType t : r.selectTypes()) {
                    sb.append(' ').append(t);
                }
                sb.append(')');
                break;
            case HEAP_TYPE:
                heapTypeImmediate(sb, op, r.index());
                break;
            case MEMARG:
                memarg(sb, op, r);
                break;
            case MEMARG_LANE:
                memarg(sb, op, r);
                sb.append(' ').append(r.lane());
                break;
            case I32:
                sb.append(' ').append((int) r.value());
                break;
            case I64:
                sb.append(' ').append(r.value());
                break;
            case F32:
                sb.append(' ').append(WatLiteralPrinter.f32((int) r.value()))
                        .append(" (;=").append(WatLiteralPrinter.f32Decimal((int) r.value())).append(";)");
                break;
            case F64:
                sb.append(' ').append(WatLiteralPrinter.f64(r.value()))
                        .append(" (;=").append(WatLiteralPrinter.f64Decimal(r.value())).append(";)");
                break;
            case V128:
                sb.append(' ').append(WatLiteralPrinter.v128(r.value(), r.value2()));
                break;
            case SHUFFLE:
                for (int i = 0; i < 16; i++) {
                    long half = i < 8 ? r.value() : r.value2();
                    sb.append(' ').append((half >>> (8 * (i & 7))) & 0xFF);
                }
                break;
            default:
                throw new AssertionError(op.immKind());
        }
    }

    private static final String[] CATCH_KINDS = {"catch", "catch_ref", "catch_all", "catch_all_ref"};

    /** The label comment of a branch to label {@code l} from {@code depth} enclosing blocks. */
    private static void label(StringBuilder sb, int l, int depth) {
        sb.append(Integer.toUnsignedString(l));
        if (l >= 0 && l <= depth) {
            sb.append(" (;@").append(depth - l).append(";)");
        }
    }

    /** A block type: nothing, {@code (result t)}, or {@code (type n)} with its params and results. */
    private void blockType(StringBuilder sb, CodeReader r) {
        if (r.blockValType() != null) {
            sb.append(" (result ").append(r.blockValType()).append(')');
        } else if (r.blockTypeIndex() >= 0) {
            int idx = r.blockTypeIndex();
            sb.append(" (type ").append(idx).append(')');
            FuncType ft = funcType(idx);
            if (ft != null) {
                WatTypePrinter.appendSignature(sb, ft);
            }
        }
    }

    /** The function type at {@code typeIdx}, or null when there is none. */
    FuncType funcType(long typeIdx) {
        if (typeIdx < 0 || typeIdx >= module.types().size()) {
            return null;
        }
        CompositeType ct = module.types().get((int) typeIdx).compositeType();
        return ct instanceof FuncType ? (FuncType) ct : null;
    }

    private static void heapTypeImmediate(StringBuilder sb, Opcode op, int heapType) {
        switch (op) {
            case REF_TEST:
            case REF_CAST:
                sb.append(' ').append(ValType.ref(false, heapType));
                break;
            case REF_TEST_NULL:
            case REF_CAST_NULL:
                sb.append(' ').append(ValType.ref(true, heapType));
                break;
            default:
                sb.append(' ').append(ValType.heapTypeName(heapType));
                break;
        }
    }

    /** A memory argument: the memory when not 0, then {@code offset=} and {@code align=} when not default. */
    private static void memarg(StringBuilder sb, Opcode op, CodeReader r) {
        if (r.memIdx() != 0) {
            sb.append(' ').append(Integer.toUnsignedString(r.memIdx()));
        }
        if (r.memOffset() != 0) {
            sb.append(" offset=").append(Long.toUnsignedString(r.memOffset()));
        }
        Integer natural = NATURAL_ALIGN.get(op);
        if (natural == null || r.align() != natural) {
            sb.append(" align=").append(BigInteger.ONE.shiftLeft(Math.min(r.align() & 0x7FFFFFFF, 64)));
        }
    }

    /** The natural alignment (log2 of the access size in bytes) of every instruction with a memarg. */
    private static Map<Opcode, Integer> naturalAlignments() {
        Pattern size = Pattern.compile("(?:load|store|rmw|wait)(\\d+)(?:x(\\d+))?");
        Map<Opcode, Integer> m = new EnumMap<>(Opcode.class);
        for (Opcode op : Opcode.values()) {
            if (op.immKind() != ImmKind.MEMARG && op.immKind() != ImmKind.MEMARG_LANE) {
                continue;
            }
            String mn = op.mnemonic();
            Matcher matcher = size.matcher(mn);
            int bits;
            if (matcher.find()) {
                bits = Integer.parseInt(matcher.group(1));
                if (matcher.group(2) != null) {
                    bits *= Integer.parseInt(matcher.group(2));
                }
            } else if (mn.startsWith("i64.") || mn.startsWith("f64.")) {
                bits = 64;
            } else if (mn.startsWith("v128.")) {
                bits = 128;
            } else {
                bits = 32;
            }
            m.put(op, Integer.numberOfTrailingZeros(bits / 8));
        }
        return m;
    }

    /** For tests: the natural alignment exponent of a memory instruction. */
    static int naturalAlign(Opcode op) {
        return NATURAL_ALIGN.get(op);
    }
}
