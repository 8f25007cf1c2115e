package dev.robusta.wasi.internal.preview1;

import dev.robusta.wasi.internal.Abi;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.abi.Field;
import dev.robusta.wasi.internal.abi.Struct;
import dev.robusta.wasi.internal.fd.Descriptor;
import dev.robusta.wasi.internal.fs.Filestat;

/** Writes the WASI structs the functions return, in the layout of the caller's ABI version. */
final class Structs {
    private Structs() {
    }

    /** A {@code filestat} at {@code ptr} (64 bytes in preview1, 56 in wasi_unstable). */
    static void writeFilestat(GuestMemory mem, Abi abi, long ptr, Filestat s) {
        Struct st = abi.layouts().filestat;
        mem.check(ptr, st.size());
        mem.fill(ptr, (byte) 0, st.size());
        mem.writeI64(ptr + st.get("dev").offset(), s.dev());
        mem.writeI64(ptr + st.get("ino").offset(), s.ino());
        mem.writeU8(ptr + st.get("filetype").offset(), s.filetype());
        Field nlink = st.get("nlink");
        if (nlink.size() == 4) {
            mem.writeI32(ptr + nlink.offset(), (int) Math.min(s.nlink(), 0xFFFF_FFFFL));
        } else {
            mem.writeI64(ptr + nlink.offset(), s.nlink());
        }
        mem.writeI64(ptr + st.get("size").offset(), s.size());
        mem.writeI64(ptr + st.get("atim").offset(), s.atim());
        mem.writeI64(ptr + st.get("mtim").offset(), s.mtim());
        mem.writeI64(ptr + st.get("ctim").offset(), s.ctim());
    }

    /** An {@code fdstat} at {@code ptr}. */
    static void writeFdstat(GuestMemory mem, Abi abi, long ptr, Descriptor d) {
        Struct st = abi.layouts().fdstat;
        mem.check(ptr, st.size());
        mem.fill(ptr, (byte) 0, st.size());
        mem.writeU8(ptr + st.get("fs_filetype").offset(), d.filetype());
        mem.writeU16(ptr + st.get("fs_flags").offset(), d.flags());
        mem.writeI64(ptr + st.get("fs_rights_base").offset(), d.rightsBase());
        mem.writeI64(ptr + st.get("fs_rights_inheriting").offset(), d.rightsInheriting());
    }
}
