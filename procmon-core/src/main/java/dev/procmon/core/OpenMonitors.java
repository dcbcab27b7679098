package dev.procmon.core;

import java.util.Arrays;

/**
 * The label queues of the monitors of <em>this</em> process that are open now: where
 * {@link ProcessMonitor#label} delivers. A label goes to every one of them (two monitors both carry
 * it); a monitor of another process is never here; with none open a label is refused, not kept.
 * {@link #offer} allocates nothing and returns at once when none is open; it holds the lock
 * while it offers one label to every queue (short: never across I/O or a wait for the ProcMon
 * thread), so that labels from several threads reach every monitor in one and the same order.
 */
final class OpenMonitors {

    private static final Object LOCK = new Object();
    private static volatile LabelQueue[] open = new LabelQueue[0];

    private OpenMonitors() {}

    static void add(LabelQueue queue) {
        synchronized (LOCK) {
            LabelQueue[] now = Arrays.copyOf(open, open.length + 1);
            now[now.length - 1] = queue;
            open = now;
        }
    }

    /**
     * Closes the queue to further offers (what it holds stays to be drained), then removes it.
     * Closing comes first so that a monitor that ends by an error (even one thrown while this
     * copies the array) never takes another label.
     */
    static void remove(LabelQueue queue) {
        queue.close();
        synchronized (LOCK) {
            LabelQueue[] now = open;
            for (int i = 0; i < now.length; i++) {
                if (now[i] == queue) {
                    LabelQueue[] less = new LabelQueue[now.length - 1];
                    System.arraycopy(now, 0, less, 0, i);
                    System.arraycopy(now, i + 1, less, i, now.length - i - 1);
                    open = less;
                    break;
                }
            }
        }
    }

    /** Offers the label to every open monitor of this process; true if at least one took it. */
    static boolean offer(QueuedLabel label) {
        LabelQueue[] now = open;
        if (now.length == 0) {
            return false;
        }
        boolean taken = false;
        synchronized (LOCK) {
            for (LabelQueue queue : now) {
                taken |= queue.offer(label);
            }
        }
        return taken;
    }
}
