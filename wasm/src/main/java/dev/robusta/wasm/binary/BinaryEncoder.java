package dev.robusta.wasm.binary;

import dev.robusta.wasm.CustomSection;
import dev.robusta.wasm.Export;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.Import;
import dev.robusta.wasm.LocalGroup;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.WasmModule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Encodes a {@link WasmModule} in the binary format. The encoding is canonical: shortest LEB128 numbers, no
 * empty sections, types in their shortest form. Custom sections are written back where they were (after the
 * section their {@code placement} names); element and data segments in the encoding their flags name.
 * Expressions (function bodies, constant expressions) are copied byte for byte.
 *
 * <p>Decoding a canonical binary and encoding the result gives the same bytes.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html">Binary modules</a>
 */
public final class BinaryEncoder {
    private BinaryEncoder() {
    }

    /**
     * Encodes a module.
     *
     * @throws IllegalArgumentException when the model cannot be written, for instance an element segment
     *                                  whose flags ask for function indices but whose initializers are not
     *                                  {@code ref.func}
     */
    public static byte[] encode(WasmModule m) {
        ByteWriter out = new ByteWriter(1024);
        out.fixed32(0x6D736100).fixed32(1);
        List<CustomSection> customs = new ArrayList<>(m.customSections());
        writeCustoms(out, customs, 0);
        for (int id : SectionId.order()) {
            writeSection(out, id, m);
            writeCustoms(out, customs, id);
        }
        for (CustomSection c : customs) { // placements that name no section: at the end
            writeCustom(out, c);
        }
        return out.toByteArray();
    }

    private static void writeSection(ByteWriter out, int id, WasmModule m) {
        switch (id) {
            case SectionId.TYPE:
                vecSection(out, id, m.recTypes(), TypeWriter::recType);
                break;
            case SectionId.IMPORT:
                vecSection(out, id, m.imports(), (w, imp) -> import_(w, imp));
                break;
            case SectionId.FUNCTION:
                vecSection(out, id, m.functions(), ByteWriter::u32);
                break;
            case SectionId.TABLE:
                vecSection(out, id, m.tables(), BinaryEncoder::table);
                break;
            case SectionId.MEMORY:
                vecSection(out, id, m.memories(), (w, t) -> TypeWriter.memoryType(w, t));
                break;
            case SectionId.TAG:
                vecSection(out, id, m.tags(), (w, t) -> TypeWriter.tagType(w, t));
                break;
            case SectionId.GLOBAL:
                vecSection(out, id, m.globals(), BinaryEncoder::global);
                break;
            case SectionId.EXPORT:
                vecSection(out, id, m.exports(), BinaryEncoder::export);
                break;
            case SectionId.START:
                if (m.start() >= 0) {
                    section(out, id, w -> w.u32(m.start()));
                }
                break;
            case SectionId.ELEMENT:
                vecSection(out, id, m.elements(), SegmentWriter::elem);
                break;
            case SectionId.DATA_COUNT:
                if (m.dataCount() >= 0) {
                    section(out, id, w -> w.u32((int) m.dataCount()));
                }
                break;
            case SectionId.CODE:
                vecSection(out, id, m.codes(), BinaryEncoder::code);
                break;
            case SectionId.DATA:
                vecSection(out, id, m.datas(), SegmentWriter::data);
                break;
            default:
                throw new AssertionError("section " + id);
        }
    }

    /** Writes the custom sections placed after section {@code placement}, removing them from the list. */
    private static void writeCustoms(ByteWriter out, List<CustomSection> customs, int placement) {
        customs.removeIf(c -> {
            if (c.placement() != placement) {
                return false;
            }
            writeCustom(out, c);
            return true;
        });
    }

    private static void writeCustom(ByteWriter out, CustomSection c) {
        section(out, SectionId.CUSTOM, w -> w.name(c.name()).bytes(c.content()));
    }

    private interface ItemWriter<T> {
        void write(ByteWriter w, T item);
    }

    /** A section holding a vector, omitted when the vector is empty. */
    private static <T> void vecSection(ByteWriter out, int id, List<T> items, ItemWriter<T> item) {
        if (items.isEmpty()) {
            return;
        }
        section(out, id, w -> {
            w.u32(items.size());
            for (T t : items) {
                item.write(w, t);
            }
        });
    }

    private static void section(ByteWriter out, int id, Consumer<ByteWriter> content) {
        ByteWriter w = new ByteWriter();
        content.accept(w);
        out.u8(id).u32(w.size()).bytes(w.toByteArray());
    }

    private static void import_(ByteWriter w, Import imp) {
        w.name(imp.module()).name(imp.name());
        TypeWriter.externType(w, imp.type());
    }

    private static void table(ByteWriter w, Table t) {
        if (t.init() != null) {
            w.u8(0x40).u8(0);
            TypeWriter.tableType(w, t.type());
            SegmentWriter.expression(w, t.init());
        } else {
            TypeWriter.tableType(w, t.type());
        }
    }

    private static void global(ByteWriter w, Global g) {
        TypeWriter.globalType(w, g.type());
        SegmentWriter.expression(w, g.init());
    }

    private static void export(ByteWriter w, Export e) {
        w.name(e.name()).u8(e.kind().code()).u32(e.index());
    }

    private static void code(ByteWriter out, FunctionBody f) {
        ByteWriter w = new ByteWriter(f.body().code().length + 16);
        w.u32(f.locals().size());
        for (LocalGroup g : f.locals()) {
            w.u32(g.count()).valType(g.type());
        }
        w.bytes(f.body().code());
        out.u32(w.size()).bytes(w.toByteArray());
    }
}
