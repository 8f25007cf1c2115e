package dev.robusta.wasi.internal.abi;

import java.util.List;

/**
 * The memory layouts of the WASI structs of one ABI version. {@code wasi_unstable} differs from
 * {@code wasi_snapshot_preview1} in {@code filestat} (56 bytes, a u32 {@code nlink}) and in
 * {@code subscription_clock} (an extra leading u64 {@code identifier}), and so in {@code subscription_u}
 * and {@code subscription}. Checked against {@code wasi_preview1_layouts.tsv} by {@code LayoutsTest}.
 */
public final class Layouts {
    /** {@code wasi_snapshot_preview1}. */
    public static final Layouts PREVIEW1 = new Layouts(
            Struct.of("filestat", 64, 8).field("dev", 0, 8).field("ino", 8, 8).field("filetype", 16, 1)
                    .field("nlink", 24, 8).field("size", 32, 8).field("atim", 40, 8).field("mtim", 48, 8)
                    .field("ctim", 56, 8),
            Struct.of("subscription_clock", 32, 8).field("id", 0, 4).field("timeout", 8, 8)
                    .field("precision", 16, 8).field("flags", 24, 2),
            40);

    /** {@code wasi_unstable} (snapshot 0). */
    public static final Layouts UNSTABLE = new Layouts(
            Struct.of("filestat", 56, 8).field("dev", 0, 8).field("ino", 8, 8).field("filetype", 16, 1)
                    .field("nlink", 20, 4).field("size", 24, 8).field("atim", 32, 8).field("mtim", 40, 8)
                    .field("ctim", 48, 8),
            Struct.of("subscription_clock", 40, 8).field("identifier", 0, 8).field("id", 8, 4)
                    .field("timeout", 16, 8).field("precision", 24, 8).field("flags", 32, 2),
            48);

    public final Struct iovec = Struct.of("iovec", 8, 4).field("buf", 0, 4).field("buf_len", 4, 4);
    public final Struct ciovec = Struct.of("ciovec", 8, 4).field("buf", 0, 4).field("buf_len", 4, 4);
    public final Struct dirent = Struct.of("dirent", 24, 8).field("d_next", 0, 8).field("d_ino", 8, 8)
            .field("d_namlen", 16, 4).field("d_type", 20, 1);
    public final Struct fdstat = Struct.of("fdstat", 24, 8).field("fs_filetype", 0, 1).field("fs_flags", 2, 2)
            .field("fs_rights_base", 8, 8).field("fs_rights_inheriting", 16, 8);
    public final Struct eventFdReadwrite = Struct.of("event_fd_readwrite", 16, 8).field("nbytes", 0, 8)
            .field("flags", 8, 2);
    public final Struct event = Struct.of("event", 32, 8).field("userdata", 0, 8).field("error", 8, 2)
            .field("type", 10, 1).field("fd_readwrite", 16, 16);
    public final Struct subscriptionFdReadwrite = Struct.of("subscription_fd_readwrite", 4, 4)
            .field("file_descriptor", 0, 4);
    public final Struct prestatDir = Struct.of("prestat_dir", 4, 4).field("pr_name_len", 0, 4);
    public final Struct prestat = Struct.of("prestat", 8, 4).field("tag", 0, 1)
            .field("payload:$prestat_dir", 4, 4);

    public final Struct filestat;
    public final Struct subscriptionClock;
    public final Struct subscriptionU;
    public final Struct subscription;

    private Layouts(Struct filestat, Struct subscriptionClock, int unionSize) {
        this.filestat = filestat;
        this.subscriptionClock = subscriptionClock;
        this.subscriptionU = Struct.of("subscription_u", unionSize, 8).field("tag", 0, 1)
                .field("payload:$subscription_clock", 8, subscriptionClock.size())
                .field("payload:$subscription_fd_readwrite", 8, 4);
        this.subscription = Struct.of("subscription", 8 + unionSize, 8).field("userdata", 0, 8)
                .field("u", 8, unionSize);
    }

    /** Every struct and union of this version. */
    public List<Struct> all() {
        return List.of(iovec, ciovec, dirent, fdstat, filestat, eventFdReadwrite, event, subscriptionClock,
                subscriptionFdReadwrite, subscriptionU, subscription, prestatDir, prestat);
    }
}
