package dev.robusta.runtime.internal.simd;

import static dev.robusta.runtime.internal.simd.Vectors.assertSlots;
import static dev.robusta.runtime.internal.simd.Vectors.i16x8;
import static dev.robusta.runtime.internal.simd.Vectors.i32x4;
import static dev.robusta.runtime.internal.simd.Vectors.i64x2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.robusta.wasm.ImmKind;
import dev.robusta.wasm.Opcode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SimdTest {

    private static boolean isMemory(Opcode op) {
        return op.immKind() == ImmKind.MEMARG || op.immKind() == ImmKind.MEMARG_LANE;
    }

    @Test
    void execute_everyNonMemorySimdOpcode_isImplementedWithItsSignature() {
        int count = 0;
        for (Opcode op : Opcode.values()) {
            if (op.prefix() != Opcode.PREFIX_SIMD || isMemory(op)) {
                continue;
            }
            String sig = op == Opcode.V128_CONST ? ">V" : op.signature();
            String params = sig.substring(0, sig.indexOf('>'));
            long[][] operands = params.chars()
                    .mapToObj(c -> c == 'V' ? new long[2] : new long[1])
                    .toArray(long[][]::new);
            Vectors.run(op, operands); // checks the returned sp and the slot below
            count++;
        }
        // 236 fixed-width instructions, 22 of them memory accesses, plus 20 relaxed ones
        assertEquals(236 - 22 + 20, count);
    }

    @Test
    void execute_memoryAndUnassignedCodes_throwIllegalArgument() {
        long[] s = new long[16];
        for (Opcode op : Opcode.values()) {
            if (op.prefix() == Opcode.PREFIX_SIMD && isMemory(op)) {
                assertThrows(IllegalArgumentException.class, () -> Simd.execute(op.code(), s, 8, 0, 0), op.mnemonic());
            }
        }
        for (int code : new int[] {-1, 0x9A, 0xA2, 0xA5, 0xAF, 0xB0, 0xBB, 0xC2, 0xCF, 0xE2, 0xEE, 0x114, 0x200}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Simd.execute(code, s, 8, 0, 0));
            assertTrue(e.getMessage().startsWith("unknown SIMD instruction"), e.getMessage());
        }
    }

    @Test
    void execute_keepsSlotsBelowTheOperands() {
        long[] s = {1, 2, 3, 4, 5, 6, 0, 0};
        int sp = Simd.execute(Opcode.I64X2_ADD.code(), s, 6, 0, 0);
        assertEquals(4, sp);
        assertEquals(Arrays.toString(new long[] {1, 2, 3 + 5, 4 + 6}), Arrays.toString(Arrays.copyOf(s, 4)));
    }

    @Test
    void const_pushesBothHalves() {
        assertSlots(i64x2(0x0706050403020100L, 0x0F0E0D0C0B0A0908L),
                Vectors.runWith(Opcode.V128_CONST, 0x0706050403020100L, 0x0F0E0D0C0B0A0908L));
    }

    /** The bytes at offsets 10 and 20 of the data in simd_load_extend.wast. */
    private static final long AT10 = 0x8180_0F0E_0D0C_0B0AL;
    private static final long AT20 = 0x0000_8988_8786_8584L;

    private static long[] loadExtend(Opcode op, long bytes) {
        long[] s = {7, 0, 0, 9};
        Simd.loadExtend(op.code(), bytes, s, 1);
        assertEquals(7, s[0]);
        assertEquals(9, s[3]);
        return new long[] {s[1], s[2]};
    }

    @Test
    void loadExtend_signedAndUnsigned_matchSpecVectors() {
        assertSlots(i16x8(0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0xFF80, 0xFF81), loadExtend(Opcode.V128_LOAD8X8_S, AT10));
        assertSlots(i16x8(0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x80, 0x81), loadExtend(Opcode.V128_LOAD8X8_U, AT10));
        assertSlots(i32x4(0x0B0A, 0x0D0C, 0x0F0E, 0xFFFF8180), loadExtend(Opcode.V128_LOAD16X4_S, AT10));
        assertSlots(i32x4(0x0B0A, 0x0D0C, 0x0F0E, 0x8180), loadExtend(Opcode.V128_LOAD16X4_U, AT10));
        assertSlots(i64x2(0x0D0C0B0AL, 0xFFFFFFFF81800F0EL), loadExtend(Opcode.V128_LOAD32X2_S, AT10));
        assertSlots(i64x2(0x0D0C0B0AL, 0x81800F0EL), loadExtend(Opcode.V128_LOAD32X2_U, AT10));
        assertSlots(i16x8(0xff84, 0xff85, 0xff86, 0xff87, 0xff88, 0xff89, 0, 0), loadExtend(Opcode.V128_LOAD8X8_S, AT20));
        assertSlots(i32x4(0xffff8584, 0xffff8786, 0xffff8988, 0), loadExtend(Opcode.V128_LOAD16X4_S, AT20));
        assertSlots(i64x2(0xFFFFFFFF87868584L, 0x8988L), loadExtend(Opcode.V128_LOAD32X2_S, AT20));
        assertSlots(i64x2(0x87868584L, 0x8988L), loadExtend(Opcode.V128_LOAD32X2_U, AT20));
    }

    @Test
    void loadExtend_otherCodes_throwIllegalArgument() {
        long[] s = new long[4];
        for (int code : new int[] {0, 7, 0x0C}) {
            assertThrows(IllegalArgumentException.class, () -> Simd.loadExtend(code, 0, s, 0));
        }
    }
}
