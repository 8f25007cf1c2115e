package dev.robusta.compiler.internal;

import dev.robusta.wasm.TrapException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link UnsafeMem} does what {@link Mem} does: every load and store of the one, called with the same memory,
 * address and offset as the other's, gives the same value, leaves the same bytes, or traps the same way; in
 * particular around the end of the memory and with addresses and offsets that overflow 32 bits. The array is
 * often longer than the memory (a memory has room to grow), and neither lets an access past the memory's
 * length reach the bytes beyond it.
 */
class UnsafeMemTest {
    private static final int[] SIZES = {0, 1, 3, 8, 17, 65536};

    @Test
    void everyAccess_sameAsTheVarHandleOne() throws ReflectiveOperationException {
        assumeTrue(UnsafeMem.AVAILABLE, "sun.misc.Unsafe is not used on this platform or JDK");
        List<Method> accesses = new ArrayList<>();
        for (Method u : UnsafeMem.class.getDeclaredMethods()) {
            if (Modifier.isPublic(u.getModifiers()) && Modifier.isStatic(u.getModifiers())) {
                accesses.add(u);
            }
        }
        assertEquals(23, accesses.size(), "14 loads and 9 stores");
        Random random = new Random(42);
        int calls = 0;
        for (Method u : accesses) {
            Method m = Mem.class.getMethod(u.getName(), u.getParameterTypes());
            for (int size : SIZES) {
                for (int k = 0; k < 300; k++) {
                    int room = random.nextBoolean() ? 0 : 1 + random.nextInt(16);
                    byte[] memory = new byte[size + room];
                    random.nextBytes(memory);
                    Arrays.fill(memory, size, size + room, (byte) 0);
                    int addr = address(random, size);
                    int offset = offset(random, size);
                    Object value = value(u.getParameterTypes()[1], random);
                    byte[] viaUnsafe = memory.clone();
                    byte[] viaVarHandle = memory.clone();
                    Object expected = call(m, args(u, addr, value, viaVarHandle, size, offset));
                    Object actual = call(u, args(u, addr, value, viaUnsafe, size, offset));
                    String where = u.getName() + " at " + Integer.toUnsignedString(addr) + "+"
                            + Integer.toUnsignedString(offset) + " in " + size + " bytes (" + room + " more in the array)";
                    assertEquals(expected, actual, where);
                    assertArrayEquals(viaVarHandle, viaUnsafe, where);
                    if (Integer.toUnsignedLong(addr) + Integer.toUnsignedLong(offset) >= size) {
                        assertEquals("trap: out of bounds memory access", actual, where);
                    }
                    for (int i = size; i < size + room; i++) {
                        assertEquals(0, viaUnsafe[i], where + ": a byte past the memory was written");
                    }
                    calls++;
                }
            }
        }
        assertTrue(calls > 40_000);
    }

    /** An address near the end of a memory of {@code size} bytes, or anywhere in the 32-bit space. */
    private static int address(Random random, int size) {
        switch (random.nextInt(3)) {
            case 0:
                return size - random.nextInt(10);
            case 1:
                return random.nextInt();
            default:
                return random.nextInt(size + 1);
        }
    }

    /** A static offset as the generated code passes it: a non-negative int (see {@link Mem#index}). */
    private static int offset(Random random, int size) {
        switch (random.nextInt(8)) {
            case 0:
                return Integer.MAX_VALUE;
            case 1:
                return address(random, size) & Integer.MAX_VALUE;
            default:
                return random.nextInt(16);
        }
    }

    private static Object value(Class<?> type, Random random) {
        if (type == int.class) {
            return random.nextInt();
        } else if (type == long.class) {
            return random.nextLong();
        } else if (type == float.class) {
            return Float.intBitsToFloat(random.nextInt());
        } else if (type == double.class) {
            return Double.longBitsToDouble(random.nextLong());
        }
        return null;
    }

    /** (addr, m, length, offset) for a load, (addr, value, m, length, offset) for a store. */
    private static Object[] args(Method access, int addr, Object value, byte[] memory, int length, int offset) {
        return access.getParameterCount() == 4 ? new Object[] {addr, memory, length, offset}
                : new Object[] {addr, value, memory, length, offset};
    }

    /** The result (bit patterns for floats, so that NaNs compare), or the trap's message. */
    private static Object call(Method access, Object[] args) throws IllegalAccessException {
        try {
            Object r = access.invoke(null, args);
            if (r instanceof Float) {
                return Float.floatToRawIntBits((Float) r);
            } else if (r instanceof Double) {
                return Double.doubleToRawLongBits((Double) r);
            }
            return r;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof TrapException) {
                return "trap: " + e.getCause().getMessage();
            }
            throw new AssertionError(access.getName() + Arrays.toString(args), e.getCause());
        }
    }
}
