package dev.robusta.wasi.internal.preview1;

import static dev.robusta.wasi.internal.GuestMemory.u32;

import dev.robusta.wasi.internal.Clocks;
import dev.robusta.wasi.internal.Errno;
import dev.robusta.wasi.internal.GuestMemory;
import dev.robusta.wasi.internal.WasiContext;
import dev.robusta.wasi.internal.WasiFunction;
import dev.robusta.wasi.internal.abi.ClockId;
import dev.robusta.wasi.internal.abi.EventRwFlags;
import dev.robusta.wasi.internal.abi.EventType;
import dev.robusta.wasi.internal.abi.Layouts;
import dev.robusta.wasi.internal.abi.Rights;
import dev.robusta.wasi.internal.abi.Struct;
import dev.robusta.wasi.internal.abi.SubClockFlags;
import dev.robusta.wasi.internal.fd.Descriptor;
import dev.robusta.wasi.internal.fd.SocketDescriptor;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code poll_oneoff}.
 *
 * @see <a href="https://github.com/WebAssembly/WASI/blob/wasi-0.1/preview1/docs.md#-poll_oneoffin-constpointersubscription-out-pointerevent-nsubscriptions-size---resultsize-errno">poll_oneoff</a>
 */
final class Poll implements WasiFunction.Body {
    /** Waits of 2^62 ns (146 years) or more never end. */
    private static final long NEVER = 1L << 62;

    private final int op;

    private Poll(int op) {
        this.op = op;
    }

    /**
     * {@code poll_oneoff(in, out, nsubscriptions) -> size}: waits until at least one subscription is ready
     * and writes one {@code event} per ready subscription.
     *
     * <ul>
     * <li>{@code clock}: {@code realtime} and {@code monotonic}, relative or absolute
     *     ({@code subscription_clock_abstime}); ready when the time has come. The CPU-time clocks cannot be
     *     waited on: their event carries {@code ENOTSUP} (an unknown clock {@code EINVAL}).</li>
     * <li>{@code fd_read}, {@code fd_write}: files and output streams are always ready (as POSIX
     *     {@code poll}); standard input is ready when input or its end is there, and is waited for on a
     *     helper thread blocked in {@code read} ({@link dev.robusta.wasi.internal.fd.StdinDescriptor}),
     *     never by busy waiting. Sockets are waited for together on the instance's selector
     *     ({@link dev.robusta.wasi.internal.fd.SocketSelector}; standard input's helper wakes it): a
     *     listener is readable when a connection waits and never writable, a connection readable when
     *     data or the end of the stream has come (the event has {@code fd_readwrite_hangup} at the end) and
     *     writable when its send buffer has room. A bad descriptor gives an event with {@code EBADF}, one
     *     without {@code poll_fd_readwrite} an event with {@code ENOTCAPABLE}. {@code nbytes} is what can be
     *     read without blocking when known (on a socket, what has arrived), else 0.</li>
     * </ul>
     * The wait ends at the earliest clock deadline; clocks are measured on {@link System#nanoTime()}.
     *
     * <p>Errors: {@code EINVAL} for no subscriptions or an unknown event type, {@code EINTR} when the
     * thread is interrupted with nothing ready, {@code EFAULT}.
     */
    static final WasiFunction POLL_ONEOFF = WasiFunction.of("poll_oneoff",
            "in:i32 out:i32 nsubscriptions:i32 result.nevents:i32", new Poll(0));

    private static int pollOneoff(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        long in = u32(a[0]);
        long out = u32(a[1]);
        long n = u32(a[2]);
        long result = u32(a[3]);
        Layouts layouts = ctx.abi().layouts();
        if (n == 0) {
            throw Errno.EINVAL.exception("no subscriptions");
        }
        mem.check(in, n * layouts.subscription.size());
        mem.check(out, n * layouts.event.size());
        mem.check(result, 4);
        List<Subscription> subs = read(ctx, mem, in, (int) n);
        List<Subscription> ready = await(ctx, subs);
        for (int i = 0; i < ready.size(); i++) {
            write(mem, layouts, out + (long) i * layouts.event.size(), ready.get(i));
        }
        mem.writeI32(result, ready.size());
        return 0;
    }

    /** A subscription, with what its event will say once it is ready. */
    private static final class Subscription {
        final long userdata;
        final int type;
        long deadline;      // clock: System.nanoTime() deadline
        boolean never;      // clock: too far in the future to ever come
        Descriptor fd;      // fd_read / fd_write
        Errno error;        // ready at once with this error
        long nbytes;
        boolean hangup;     // fd_read on a socket whose peer closed

        Subscription(long userdata, int type) {
            this.userdata = userdata;
            this.type = type;
        }
    }

    private static List<Subscription> read(WasiContext ctx, GuestMemory mem, long in, int n) {
        Layouts l = ctx.abi().layouts();
        long now = System.nanoTime();
        List<Subscription> subs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long at = in + (long) i * l.subscription.size();
            long userdata = mem.readI64(at + l.subscription.get("userdata").offset());
            long u = at + l.subscription.get("u").offset();
            int tag = mem.readU8(u + l.subscriptionU.get("tag").offset());
            Subscription s = new Subscription(userdata, tag);
            if (tag == EventType.CLOCK) {
                long c = u + l.subscriptionU.get("payload:$subscription_clock").offset();
                Struct sc = l.subscriptionClock;
                int id = mem.readI32(c + sc.get("id").offset());
                long timeout = mem.readI64(c + sc.get("timeout").offset());
                int flags = mem.readU16(c + sc.get("flags").offset());
                clock(s, id, timeout, flags, now);
            } else if (tag == EventType.FD_READ || tag == EventType.FD_WRITE) {
                long f = u + l.subscriptionU.get("payload:$subscription_fd_readwrite").offset();
                int fd = mem.readI32(f + l.subscriptionFdReadwrite.get("file_descriptor").offset());
                Descriptor d = ctx.fds().find(fd);
                if (d == null) {
                    s.error = Errno.EBADF;
                } else if ((d.rightsBase() & Rights.POLL_FD_READWRITE) == 0) {
                    s.error = Errno.ENOTCAPABLE;
                } else {
                    s.fd = d;
                }
            } else {
                throw Errno.EINVAL.exception("event type " + tag);
            }
            subs.add(s);
        }
        return subs;
    }

    private static void clock(Subscription s, int id, long timeout, int flags, long now) {
        if ((flags & ~SubClockFlags.ALL_FLAGS) != 0) {
            s.error = Errno.EINVAL;
            return;
        }
        boolean absolute = (flags & SubClockFlags.SUBSCRIPTION_CLOCK_ABSTIME) != 0;
        long clockNow;
        switch (id) {
            case ClockId.REALTIME: clockNow = Clocks.realtime(); break;
            case ClockId.MONOTONIC: clockNow = now; break;
            case ClockId.PROCESS_CPUTIME_ID:
            case ClockId.THREAD_CPUTIME_ID:
                s.error = Errno.ENOTSUP;
                return;
            default:
                s.error = Errno.EINVAL;
                return;
        }
        // timestamps are u64: an absolute time already past waits 0
        long remaining = !absolute ? timeout
                : Long.compareUnsigned(timeout, clockNow) <= 0 ? 0 : timeout - clockNow;
        if (Long.compareUnsigned(remaining, NEVER) >= 0) {
            s.never = true;
        } else {
            s.deadline = now + remaining;
        }
    }

    /**
     * Waits until at least one subscription is ready; returns the ready ones in order. Sockets are waited
     * on together through the instance's selector (standard input, when also subscribed, wakes the
     * selector when its helper thread has read); without sockets, the first stream that can be empty is
     * waited on, else the earliest clock.
     */
    private static List<Subscription> await(WasiContext ctx, List<Subscription> subs) throws IOException {
        List<Subscription> sockets = new ArrayList<>();
        for (Subscription s : subs) {
            if (s.fd instanceof SocketDescriptor) {
                sockets.add(s);
            }
        }
        int[] readyOps = select(ctx, sockets, 0);
        while (true) {
            List<Subscription> ready = ready(subs, sockets, readyOps);
            if (!ready.isEmpty()) {
                return ready;
            }
            long now = System.nanoTime();
            long deadline = 0;
            boolean anyClock = false;
            Descriptor waitOn = null;
            for (Subscription s : subs) {
                if (s.type == EventType.CLOCK && s.error == null && !s.never) {
                    if (!anyClock || s.deadline - deadline < 0) {
                        deadline = s.deadline;
                    }
                    anyClock = true;
                } else if (waitOn == null && s.type == EventType.FD_READ && s.fd != null
                        && !(s.fd instanceof SocketDescriptor)) {
                    waitOn = s.fd;
                }
            }
            long timeout = anyClock ? Math.max(0, deadline - now) : Long.MAX_VALUE;
            readyOps = new int[sockets.size()];
            try {
                if (!sockets.isEmpty()) {
                    for (Subscription s : subs) {
                        if (s.type == EventType.FD_READ && s.fd != null && !(s.fd instanceof SocketDescriptor)) {
                            s.fd.onReadable(ctx.sockets()::wakeup);
                        }
                    }
                    readyOps = select(ctx, sockets, Math.max(1, timeout));
                } else if (waitOn != null) {
                    waitOn.awaitReadable(timeout);
                } else {
                    sleep(timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (Thread.currentThread().isInterrupted()) {
                List<Subscription> late = ready(subs, sockets, readyOps);
                if (late.isEmpty()) {
                    throw Errno.EINTR.exception();
                }
                return late;
            }
        }
    }

    /** What the selector finds ready for each socket subscription, waiting up to {@code timeoutNanos}. */
    private static int[] select(WasiContext ctx, List<Subscription> sockets, long timeoutNanos) throws IOException {
        SelectableChannel[] channels = new SelectableChannel[sockets.size()];
        int[] ops = new int[sockets.size()];
        for (int i = 0; i < channels.length; i++) {
            SocketDescriptor d = (SocketDescriptor) sockets.get(i).fd;
            channels[i] = d.channel();
            ops[i] = d.interestOps(sockets.get(i).type == EventType.FD_READ);
        }
        return channels.length == 0 ? ops : ctx.sockets().select(channels, ops, timeoutNanos);
    }

    private static void sleep(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** The ready subscriptions; {@code readyOps[i]} is what the selector found for {@code sockets.get(i)}. */
    private static List<Subscription> ready(List<Subscription> subs, List<Subscription> sockets, int[] readyOps)
            throws IOException {
        long now = System.nanoTime();
        List<Subscription> ready = new ArrayList<>();
        for (Subscription s : subs) {
            if (s.error != null) {
                ready.add(s);
            } else if (s.type == EventType.CLOCK) {
                if (!s.never && now - s.deadline >= 0) {
                    ready.add(s);
                }
            } else if (s.fd instanceof SocketDescriptor) {
                SocketDescriptor d = (SocketDescriptor) s.fd;
                boolean read = s.type == EventType.FD_READ;
                if (d.pollReady(read, readyOps[sockets.indexOf(s)])) {
                    s.nbytes = read ? d.readableBytes() : 0;
                    s.hangup = d.hungUp();
                    ready.add(s);
                }
            } else if (s.type == EventType.FD_WRITE) {
                ready.add(s);
            } else if (s.fd.readReady()) {
                s.nbytes = s.fd.readableBytes();
                ready.add(s);
            }
        }
        return ready;
    }

    private static void write(GuestMemory mem, Layouts layouts, long at, Subscription s) {
        Struct event = layouts.event;
        Struct eventFdReadwrite = layouts.eventFdReadwrite;
        mem.fill(at, (byte) 0, event.size());
        mem.writeI64(at + event.get("userdata").offset(), s.userdata);
        mem.writeU16(at + event.get("error").offset(), s.error == null ? 0 : s.error.code());
        mem.writeU8(at + event.get("type").offset(), s.type);
        if (s.type != EventType.CLOCK && s.error == null) {
            long rw = at + event.get("fd_readwrite").offset();
            mem.writeI64(rw + eventFdReadwrite.get("nbytes").offset(), s.nbytes);
            mem.writeU16(rw + eventFdReadwrite.get("flags").offset(), s.hangup ? EventRwFlags.FD_READWRITE_HANGUP : 0);
        }
    }

    /** Runs the function this value stands for (a class per family, not a lambda class per function). */
    @Override
    public int call(WasiContext ctx, GuestMemory mem, long[] a) throws IOException {
        switch (op) {
            case 0: return pollOneoff(ctx, mem, a);
            default: throw new AssertionError(op);
        }
    }
}
