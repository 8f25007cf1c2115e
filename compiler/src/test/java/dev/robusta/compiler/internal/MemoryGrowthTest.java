package dev.robusta.compiler.internal;

import dev.robusta.runtime.Instance;
import dev.robusta.runtime.Memory;
import dev.robusta.runtime.RuntimeConfig;
import dev.robusta.runtime.internal.ByteArrayMemory;
import dev.robusta.wasm.Trap;
import dev.robusta.wasm.TrapException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A memory grown a page at a time, as {@code sbrk} grows it: its array has room to spare, so it is copied a
 * few times rather than once per page, and yet every access, on both engines, is bounded by the memory's
 * size, not by the array's length.
 */
class MemoryGrowthTest {
    private static final String WAT = "(module (memory (export \"mem\") 1 400)"
            + " (func (export \"grow\") (param i32) (result i32) (memory.grow (local.get 0)))"
            + " (func (export \"size\") (result i32) (memory.size))"
            + " (func (export \"load\") (param i32) (result i32) (i32.load (local.get 0)))"
            + " (func (export \"load8\") (param i32) (result i32) (i32.load8_u offset=1 (local.get 0)))"
            + " (func (export \"store\") (param i32 i32) (i64.store (local.get 0) (i64.extend_i32_u (local.get 1))))"
            + " (func (export \"fill\") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))"
            + " (func (export \"copy\") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))"
            // grows, then stores in the new page without reading the memory from its caller again
            + " (func (export \"growThenStore\") (param i32) (result i32)"
            + "   (drop (memory.grow (i32.const 1))) (i32.store (local.get 0) (i32.const 7)) (i32.load (local.get 0))))";

    private static void assertOutOfBounds(Runnable r, String what) {
        TrapException e = assertThrows(TrapException.class, r::run, what);
        assertEquals(Trap.OUT_OF_BOUNDS_MEMORY_ACCESS, e.trap(), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPILER", "INTERPRETER"})
    void growingPageByPage_boundsFollowTheSize(String engine) {
        RuntimeConfig config = engine.equals("COMPILER") ? Wat.COMPILER : Wat.INTERPRETER;
        Instance i = Wat.module(WAT, config).instantiate();
        if (config == Wat.COMPILER) {
            assertInstanceOf(CompiledFunction.class, i.function("load"));
        }
        ByteArrayMemory memory = (ByteArrayMemory) i.memory("mem");
        Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        arrays.add(memory.bytes);
        for (int pages = 1; pages < 400; pages++) {
            int end = pages * Memory.PAGE_SIZE;
            assertEquals(pages, i.function("size").callInt(), "memory.size");
            assertEquals(end, memory.byteSize());
            assertTrue(memory.bytes.length >= end);
            assertEquals(0, i.function("load").callInt(end - 4), "the last bytes of page " + pages + " are zero");
            i.function("store").callVoid(end - 8, pages);
            assertEquals(pages, i.function("load").callInt(end - 8));
            String where = " at the end of " + pages + " pages, in an array of " + memory.bytes.length + " bytes";
            assertOutOfBounds(() -> i.function("load").callInt(end - 3), "i32.load" + where);
            assertOutOfBounds(() -> i.function("load8").callInt(end - 1), "i32.load8_u offset=1" + where);
            assertOutOfBounds(() -> i.function("store").callVoid(end - 7, 1), "i64.store" + where);
            assertOutOfBounds(() -> i.function("fill").callVoid(end - 1, 1, 2), "memory.fill" + where);
            assertOutOfBounds(() -> i.function("copy").callVoid(end - 1, 0, 2), "memory.copy" + where);
            assertOutOfBounds(() -> memory.readByte(end), "Memory.readByte" + where);
            assertEquals(pages, i.function("grow").callInt(1));
            arrays.add(memory.bytes);
        }
        assertEquals(-1, i.function("grow").callInt(1), "the declared maximum is 400 pages");
        assertEquals(400L * Memory.PAGE_SIZE, memory.bytes.length, "the array never exceeds the maximum");
        assertTrue(arrays.size() < 20, "399 grows of one page copied the memory " + arrays.size() + " times");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPILER", "INTERPRETER"})
    void storeAfterGrowWithinTheArray_reachesTheNewPage(String engine) {
        RuntimeConfig config = engine.equals("COMPILER") ? Wat.COMPILER : Wat.INTERPRETER;
        Instance i = Wat.module(WAT, config).instantiate();
        assertEquals(1, i.function("grow").callInt(1));
        int end = 2 * Memory.PAGE_SIZE;
        assertOutOfBounds(() -> i.function("load").callInt(end), "before the grow");
        assertEquals(7, i.function("growThenStore").callInt(end));
        assertEquals(3, i.function("size").callInt());
        assertEquals(7, i.function("load").callInt(end));
    }
}
