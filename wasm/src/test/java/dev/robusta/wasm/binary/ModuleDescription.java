package dev.robusta.wasm.binary;

import dev.robusta.wasm.CustomSection;
import dev.robusta.wasm.DataSegment;
import dev.robusta.wasm.ElemSegment;
import dev.robusta.wasm.Expression;
import dev.robusta.wasm.FunctionBody;
import dev.robusta.wasm.Global;
import dev.robusta.wasm.Table;
import dev.robusta.wasm.WasmModule;

import java.util.List;
import java.util.function.Function;

/**
 * Test helper: a text rendering of everything a {@link WasmModule} holds except the binary offsets of its
 * expressions, so two models can be compared for meaning.
 */
final class ModuleDescription {
    private ModuleDescription() {
    }

    static String of(WasmModule m) {
        StringBuilder s = new StringBuilder();
        s.append("types ").append(m.recTypes()).append('\n');
        s.append("imports ").append(m.imports()).append('\n');
        s.append("functions ").append(m.functions()).append('\n');
        list(s, "table", m.tables(), ModuleDescription::table);
        s.append("memories ").append(m.memories()).append('\n');
        s.append("tags ").append(m.tags()).append('\n');
        list(s, "global", m.globals(), ModuleDescription::global);
        s.append("exports ").append(m.exports()).append('\n');
        s.append("start ").append(m.start()).append('\n');
        list(s, "elem", m.elements(), ModuleDescription::elem);
        s.append("dataCount ").append(m.dataCount()).append('\n');
        list(s, "code", m.codes(), ModuleDescription::code);
        list(s, "data", m.datas(), ModuleDescription::data);
        list(s, "custom", m.customSections(), c -> custom(m, c));
        s.append("names ").append(m.names()).append('\n');
        return s.toString();
    }

    private static <T> void list(StringBuilder s, String what, List<T> items, Function<T, String> describe) {
        for (T t : items) {
            s.append(what).append(' ').append(describe.apply(t)).append('\n');
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02x", b & 0xFF));
        }
        return s.toString();
    }

    private static String expr(Expression e) {
        return e == null ? "-" : hex(e.code());
    }

    private static String table(Table t) {
        return t.type() + " init=" + expr(t.init());
    }

    private static String global(Global g) {
        return g.type() + " init=" + expr(g.init());
    }

    private static String elem(ElemSegment e) {
        StringBuilder s = new StringBuilder();
        s.append(e.flags()).append(' ').append(e.mode()).append(" table=").append(e.tableIdx())
                .append(" offset=").append(expr(e.offset())).append(' ').append(e.type());
        for (Expression init : e.init()) {
            s.append(' ').append(expr(init));
        }
        return s.toString();
    }

    private static String code(FunctionBody f) {
        return f.locals() + " " + expr(f.body());
    }

    private static String data(DataSegment d) {
        return d.flags() + " " + d.mode() + " memory=" + d.memIdx() + " offset=" + expr(d.offset()) + " "
                + hex(d.init());
    }

    /**
     * A custom section, placed after the last section that its placement names or follows and that the
     * module has (a placement after an empty section, which the model does not keep, is the same place as
     * one after the section before it).
     */
    private static String custom(WasmModule m, CustomSection c) {
        int place = 0;
        for (int id : SectionId.order()) {
            if (present(m, id)) {
                place = id;
            }
            if (id == c.placement()) {
                break;
            }
        }
        return c.name() + " after " + place + " " + hex(c.content());
    }

    private static boolean present(WasmModule m, int id) {
        switch (id) {
            case SectionId.TYPE: return !m.recTypes().isEmpty();
            case SectionId.IMPORT: return !m.imports().isEmpty();
            case SectionId.FUNCTION: return !m.functions().isEmpty();
            case SectionId.TABLE: return !m.tables().isEmpty();
            case SectionId.MEMORY: return !m.memories().isEmpty();
            case SectionId.TAG: return !m.tags().isEmpty();
            case SectionId.GLOBAL: return !m.globals().isEmpty();
            case SectionId.EXPORT: return !m.exports().isEmpty();
            case SectionId.START: return m.start() >= 0;
            case SectionId.ELEMENT: return !m.elements().isEmpty();
            case SectionId.DATA_COUNT: return m.dataCount() >= 0;
            case SectionId.CODE: return !m.codes().isEmpty();
            case SectionId.DATA: return !m.datas().isEmpty();
            default: throw new AssertionError(id);
        }
    }
}
