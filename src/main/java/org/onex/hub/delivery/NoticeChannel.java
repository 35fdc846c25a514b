package org.onex.hub.delivery;

import java.util.List;
import java.util.function.Consumer;

import org.onex.hub.notice.Notices;

/**
 * {@code delivery-notice}: a unit without a system receives each decision or exchange as a printable 抄告 copy
 * notice (R-CHANNEL). Issuing the notice is the delivery (the hub has done its part: the notice is there to print,
 * download or send); the unit's receipt of it, recorded later, is the delivery's acknowledgement.
 */
final class NoticeChannel implements DeliveryChannel {

    private final Notices notices;

    NoticeChannel(Notices notices) {
        this.notices = notices;
        notices.renderer(); // no CJK font: the route does not start, and says what to install
    }

    @Override
    public String kind() {
        return "notice";
    }

    @Override
    public void deliver(String department, List<DeliveryItem> items, Consumer<DeliveryItem> confirmed) {
        for (DeliveryItem item : items) {
            notices.issue(department, item.deliveryId(), item.key(), item.record());
            confirmed.accept(item);
        }
    }
}
