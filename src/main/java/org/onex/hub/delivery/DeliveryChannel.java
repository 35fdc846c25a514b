package org.onex.hub.delivery;

import java.util.List;
import java.util.function.Consumer;

/**
 * A department's way of receiving decisions (JDBC inbox table, SFTP folder, HTTP endpoint). A channel
 * delivers in order and confirms each item as soon as the department has it (row committed, file
 * renamed, 2xx); it must be idempotent on {@link DeliveryItem#key()}, since an item may come again
 * after a crash. It throws {@link ChannelUnavailableException} when the department cannot be reached,
 * and any other exception when this delivery failed (counted; dead after max attempts).
 */
public interface DeliveryChannel {

    /** jdbc, sftp or rest: recorded with each delivery. */
    String kind();

    /** True if a failure fails all items together (one file per batch), false if items fail one by one. */
    default boolean failsAsOneUnit() {
        return false;
    }

    void deliver(String department, List<DeliveryItem> items, Consumer<DeliveryItem> confirmed) throws Exception;
}
