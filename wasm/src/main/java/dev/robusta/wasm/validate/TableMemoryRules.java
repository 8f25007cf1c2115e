package dev.robusta.wasm.validate;

import dev.robusta.wasm.Opcode;
import dev.robusta.wasm.TableType;
import dev.robusta.wasm.ValType;
import dev.robusta.wasm.code.CodeReader;

/**
 * The typing rules of the memory and table instructions without a fixed signature: {@code memory.size},
 * {@code memory.grow}, bulk memory, the table instructions and segment drops. Operands that address a
 * memory or table have its address type (i64 for 64-bit memories and tables, else i32).
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html#table-instructions">Table instructions</a>
 * @see <a href="https://webassembly.github.io/spec/core/valid/instructions.html#memory-instructions">Memory instructions</a>
 */
final class TableMemoryRules {
    private TableMemoryRules() {
    }

    /** Applies the rule of {@code op}; false when {@code op} is not one of these instructions. */
    static boolean apply(CodeValidator v, Opcode op, CodeReader r) {
        ModuleContext ctx = v.ctx();
        switch (op) {
            case MEMORY_SIZE:
                v.push(memoryAddress(ctx, r.index()));
                return true;
            case MEMORY_GROW: {
                ValType at = memoryAddress(ctx, r.index());
                v.pop(at);
                v.push(at);
                return true;
            }
            case MEMORY_FILL: {
                ValType at = memoryAddress(ctx, r.index());
                pops(v, at, ValType.I32, at);
                return true;
            }
            case MEMORY_COPY: {
                ValType dst = memoryAddress(ctx, r.index());
                ValType src = memoryAddress(ctx, r.index2());
                pops(v, dst, src, min(dst, src));
                return true;
            }
            case MEMORY_INIT: {
                ValType at = memoryAddress(ctx, r.index2());
                ctx.data(r.index());
                pops(v, at, ValType.I32, ValType.I32);
                return true;
            }
            case DATA_DROP:
                ctx.data(r.index());
                return true;
            case TABLE_SIZE:
                v.push(tableAddress(ctx.table(r.index())));
                return true;
            case TABLE_GROW: {
                TableType tt = ctx.table(r.index());
                ValType at = tableAddress(tt);
                pops(v, tt.elemType(), at);
                v.push(at);
                return true;
            }
            case TABLE_FILL: {
                TableType tt = ctx.table(r.index());
                ValType at = tableAddress(tt);
                pops(v, at, tt.elemType(), at);
                return true;
            }
            case TABLE_COPY: {
                TableType dst = ctx.table(r.index());
                TableType src = ctx.table(r.index2());
                if (!ctx.subtyping.matches(src.elemType(), dst.elemType())) {
                    throw new Invalid("type mismatch: table.copy source element type " + src.elemType()
                            + " does not match destination element type " + dst.elemType());
                }
                ValType d = tableAddress(dst);
                ValType s = tableAddress(src);
                pops(v, d, s, min(d, s));
                return true;
            }
            case TABLE_INIT: {
                TableType tt = ctx.table(r.index2());
                ValType et = ctx.elem(r.index());
                if (!ctx.subtyping.matches(et, tt.elemType())) {
                    throw new Invalid("type mismatch: table.init element segment type " + et
                            + " does not match table element type " + tt.elemType());
                }
                pops(v, tableAddress(tt), ValType.I32, ValType.I32);
                return true;
            }
            case ELEM_DROP:
                ctx.elem(r.index());
                return true;
            default:
                return false;
        }
    }

    private static ValType memoryAddress(ModuleContext ctx, int memIdx) {
        return ModuleContext.addressType(ctx.memory(memIdx).limits().is64());
    }

    private static ValType tableAddress(TableType tt) {
        return ModuleContext.addressType(tt.limits().is64());
    }

    /** The smaller of two address types: the type of a length that must fit both. */
    private static ValType min(ValType a, ValType b) {
        return a == ValType.I32 || b == ValType.I32 ? ValType.I32 : ValType.I64;
    }

    private static void pops(CodeValidator v, ValType... ts) {
        v.needClear();
        for (ValType t : ts) {
            v.need(t);
        }
        v.popNeeds();
    }
}
