package io.dcb4j.core.spi.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;

/**
 * Cancels the OkHttp calls that are still running at their deadline, from one daemon thread shared by every
 * transport: what OkHttp's call timeout does, at a lower price. OkHttp's timer wakes its thread (a system call)
 * on every call whose timeout becomes the earliest one, which on a sequential caller is every call, about 5 % of a
 * call's CPU on loopback. Here a deadline later than the time the thread already means to wake up at is only put
 * in a list; the thread, when it wakes, cancels what has passed and sleeps until the earliest deadline left.
 * A call's deadline is usually far (the call timeout) and later than those of the calls before it, so arming and
 * disarming are a lock, an allocation and two links. The thread starts on first use and ends after a minute
 * without calls. Internal.
 */
final class CallDeadlines {

    /** The one instance. */
    static final CallDeadlines SHARED = new CallDeadlines();

    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The sentinel of the circular list of armed calls. */
    private final Armed armed = new Armed(null, 0);
    /** Whether a watchdog thread is running. */
    private boolean running;
    /** Whether the watchdog waits, and until when ({@link System#nanoTime()}). */
    private boolean waiting;
    private long wakeAt;

    private CallDeadlines() {
    }

    /** A call with its deadline, until it is disarmed. */
    static final class Armed {
        private final Call call;
        private final long deadline;
        private Armed previous = this;
        private Armed next = this;
        private boolean fired;

        private Armed(Call call, long deadline) {
            this.call = call;
            this.deadline = deadline;
        }

        private void unlink() {
            previous.next = next;
            next.previous = previous;
            previous = this;
            next = this;
        }
    }

    /**
     * Cancels {@code call} if it is still armed at {@code deadline}.
     *
     * @param call the call, not yet executed
     * @param deadline the deadline, a {@link System#nanoTime()} value
     * @return what to hand to {@link #disarm} once the call and its answer are done
     */
    Armed arm(Call call, long deadline) {
        Armed a = new Armed(call, deadline);
        lock.lock();
        try {
            a.previous = armed.previous;
            a.next = armed;
            armed.previous.next = a;
            armed.previous = a;
            if (!running) {
                running = true;
                Thread t = new Thread(this::watch, "dcb4j-call-deadlines");
                t.setDaemon(true);
                t.start();
            } else if (waiting && deadline - wakeAt < 0) {
                waiting = false;
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
        return a;
    }

    /**
     * Ends the watch of a call.
     *
     * @param a what {@link #arm} returned
     * @return whether the deadline passed first, so that the call was (or is being) cancelled
     */
    boolean disarm(Armed a) {
        lock.lock();
        try {
            a.unlink();
            return a.fired;
        } finally {
            lock.unlock();
        }
    }

    private void watch() {
        List<Call> expired = new ArrayList<>();
        long idleSince = System.nanoTime();
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long earliest = 0;
                boolean any = false;
                for (Armed a = armed.next; a != armed; ) {
                    Armed next = a.next;
                    if (a.deadline - now <= 0) {
                        a.fired = true;
                        a.unlink();
                        expired.add(a.call);
                    } else if (!any || a.deadline - earliest < 0) {
                        earliest = a.deadline;
                        any = true;
                    }
                    a = next;
                }
                if (!expired.isEmpty()) {
                    // OkHttp's own locks are taken by cancel(): not while holding this one
                    lock.unlock();
                    try {
                        for (Call call : expired) {
                            try {
                                call.cancel();
                            } catch (RuntimeException e) {
                                // the call ends by itself then; the others are still cancelled
                            }
                        }
                    } finally {
                        expired.clear();
                        lock.lock();
                    }
                    continue;
                }
                long wait;
                if (any) {
                    idleSince = now;
                    wait = earliest - now;
                } else {
                    wait = IDLE_NANOS - (now - idleSince);
                    if (wait <= 0) {
                        running = false;
                        return;
                    }
                }
                waiting = true;
                wakeAt = now + wait;
                try {
                    changed.awaitNanos(wait);
                } catch (InterruptedException e) {
                    // nobody interrupts this thread; keep watching
                }
                waiting = false;
            }
        } finally {
            lock.unlock();
        }
    }
}
