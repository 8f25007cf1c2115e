package dev.robusta.wasm.binary;

import dev.robusta.wasm.CompileException;
import dev.robusta.wasm.Features;
import dev.robusta.wasm.WasmModule;

/**
 * Decodes a module from the binary format into the {@link WasmModule} model.
 *
 * <p>Decoding checks everything the binary format requires: the header, the order and uniqueness of the
 * sections, their sizes, every count and length, every instruction of every body and constant expression
 * (so an illegal opcode or an over-long LEB128 is found here), the agreement of the function and code
 * sections and of the data count and data sections. Whether the module is valid (types, indices) is the
 * validator's job.
 *
 * <p>Any input, however hostile, gives a module or a {@link CompileException} of kind MALFORMED whose
 * message begins with the spec reference interpreter's text. Every count and length is checked against the
 * bytes that remain before anything is allocated for it, so the memory used is proportional to the input.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/modules.html">Binary modules</a>
 */
public final class BinaryDecoder {
    private static final int MAGIC = 0x6D736100; // "\0asm", little-endian
    private static final int VERSION = 1;

    private BinaryDecoder() {
    }

    /**
     * Decodes a module.
     *
     * @param bytes    the binary module
     * @param features the features the module may use (for instance {@link Features#V2})
     * @return the module, not yet validated
     * @throws CompileException (MALFORMED) when the bytes are not a module of the binary format
     */
    public static WasmModule decode(byte[] bytes, Features features) {
        DecoderContext c = new DecoderContext(bytes, features);
        ByteReader in = c.in;
        if (in.fixed32() != MAGIC) {
            throw CompileException.malformed("magic header not detected", 0);
        }
        if (in.fixed32() != VERSION) {
            throw CompileException.malformed("unknown binary version", 4);
        }
        int lastRank = 0;
        int lastId = 0;
        while (in.hasRemaining()) {
            long idOffset = in.offset();
            int id = in.peek();
            int rank = id == SectionId.CUSTOM ? 0 : SectionId.rank(id, features);
            if (rank < 0) {
                throw CompileException.malformed("malformed section id", idOffset);
            }
            if (id != SectionId.CUSTOM && rank <= lastRank) {
                // A repeated or misplaced section: the reference interpreter stops reading sections at it.
                throw CompileException.malformed("unexpected content after last section", idOffset);
            }
            in.u8();
            int size = in.vecLength(0);
            int start = in.position();
            if (id == SectionId.CUSTOM) {
                CustomSectionReader.read(c, size, lastId);
            } else {
                readSection(c, id);
                lastRank = rank;
                lastId = id;
            }
            if (in.position() != start + size) {
                throw CompileException.malformed("section size mismatch", start);
            }
        }
        checkCounts(c, bytes.length);
        return c.module;
    }

    private static void readSection(DecoderContext c, int id) {
        switch (id) {
            case SectionId.TYPE: TypeSectionReader.read(c); break;
            case SectionId.IMPORT: ImportSectionReader.read(c); break;
            case SectionId.FUNCTION: FunctionSectionReader.read(c); break;
            case SectionId.TABLE: TableSectionReader.read(c); break;
            case SectionId.MEMORY: MemorySectionReader.read(c); break;
            case SectionId.TAG: TagSectionReader.read(c); break;
            case SectionId.GLOBAL: GlobalSectionReader.read(c); break;
            case SectionId.EXPORT: ExportSectionReader.read(c); break;
            case SectionId.START: StartSectionReader.read(c); break;
            case SectionId.ELEMENT: ElementSectionReader.read(c); break;
            case SectionId.DATA_COUNT: DataCountSectionReader.read(c); break;
            case SectionId.CODE: CodeSectionReader.read(c); break;
            case SectionId.DATA: DataSectionReader.read(c); break;
            default: throw new AssertionError("section " + id);
        }
    }

    /** The checks that need the whole module, in the reference interpreter's order. */
    private static void checkCounts(DecoderContext c, long end) {
        WasmModule m = c.module;
        if (m.functions().size() != m.codes().size()) {
            throw CompileException.malformed("function and code section have inconsistent lengths", end);
        }
        if (m.dataCount() >= 0 && m.dataCount() != m.datas().size()) {
            throw CompileException.malformed("data count and data section have inconsistent lengths", end);
        }
        if (m.dataCount() < 0 && c.usesDataIndices) {
            throw CompileException.malformed("data count section required", end);
        }
    }
}
