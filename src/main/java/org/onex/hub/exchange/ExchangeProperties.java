package org.onex.hub.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.exchanges.*}: the settings of cooperation exchanges (issue 15).
 *
 * @param maxAttachmentSize   the largest attachment accepted (each; default 10 MB)
 * @param transferReplyWorkingDays the working days a receiver has to accept, return or dispute a transfer from
 *                            its receipt (the policy sets no period: the county agrees one; default 5)
 * @param publicSecurity      the registry code of public security, the receiver of judicial transfers (R-JUDICIAL)
 * @param scanPeriod          how often receipts from deliveries and overdue replies are looked for
 */
@ConfigurationProperties("hub.exchanges")
public record ExchangeProperties(DataSize maxAttachmentSize, Integer transferReplyWorkingDays, String publicSecurity,
        Duration scanPeriod) {

    public ExchangeProperties {
        maxAttachmentSize = maxAttachmentSize == null ? DataSize.ofMegabytes(10) : maxAttachmentSize;
        transferReplyWorkingDays = transferReplyWorkingDays == null ? 5 : transferReplyWorkingDays;
        publicSecurity = publicSecurity == null ? "gaj" : publicSecurity;
        scanPeriod = scanPeriod == null ? Duration.ofMinutes(1) : scanPeriod;
    }
}
