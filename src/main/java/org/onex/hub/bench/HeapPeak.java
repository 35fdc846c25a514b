package org.onex.hub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap of this JVM from the memory pools' own peak counters (eden, survivor, old generation): the
 * sum of each heap pool's peak usage since the last {@link #reset}. The pools peak at different moments,
 * so the sum is an upper bound of what was live plus garbage not yet collected.
 */
final class HeapPeak {

    private static final long MIB = 1024 * 1024;

    private HeapPeak() {
    }

    /** Collects garbage, then restarts every heap pool's peak counter. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since {@link #reset}, in MiB. */
    static long peakMib() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / MIB;
    }

    /** Heap in use now (after {@link #reset}: what survived a full collection), in MiB. */
    static long usedMib() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
    }

    /** The heap limit of this JVM (-Xmx), in MiB. */
    static long maxMib() {
        return Runtime.getRuntime().maxMemory() / MIB;
    }

    /** The last -Xmx option this JVM was started with (the one in effect), or a note that there was none. */
    static String xmxOption() {
        String xmx = "no -Xmx: the JVM's default";
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx")) {
                xmx = arg;
            }
        }
        return xmx;
    }
}
