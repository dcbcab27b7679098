package dev.procmon.core;

import java.util.Arrays;

/**
 * The label queues of the monitors of <em>this</em> process that are open now: where
 * {@link ProcessMonitor#label} delivers. A label goes to every one of them (two monitors both carry
 * it); a monitor of another process is never here; with none open a label is refused, not kept.
 * Copy on write: {@link #offer} reads one volatile array and allocates nothing.
 */
final class OpenMonitors {

    private static final Object LOCK = new Object();
    private static volatile LabelQueue[] open = new LabelQueue[0];

    private OpenMonitors() {
    }

    static void add(LabelQueue queue) {
        synchronized (LOCK) {
            LabelQueue[] now = Arrays.copyOf(open, open.length + 1);
            now[now.length - 1] = queue;
            open = now;
        }
    }

    /** Removes the queue and closes it to further offers (what it holds stays to be drained). */
    static void remove(LabelQueue queue) {
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
        queue.close();
    }

    /** Offers the label to every open monitor of this process; true if at least one took it. */
    static boolean offer(QueuedLabel label) {
        boolean taken = false;
        for (LabelQueue queue : open) {
            taken |= queue.offer(label);
        }
        return taken;
    }
}
