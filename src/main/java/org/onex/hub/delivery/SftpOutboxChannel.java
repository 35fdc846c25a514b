package org.onex.hub.delivery;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.Delivery;
import org.onex.hub.store.DeliveryStore;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Delivers a batch of decisions as one file in the department's SFTP folder:
 * {@code decisions-<first delivery id>-<last delivery id>.json|csv}, written under a temporary name,
 * renamed when complete, then a {@code <name>.done} file. The name depends only on the batch, so a
 * retry overwrites the same file instead of adding one; every row carries its delivery key. The
 * rename confirms the batch. A department acknowledges a file by writing {@code <name>.ack} beside it.
 */
public final class SftpOutboxChannel implements DeliveryChannel, AcknowledgingChannel {

    static final List<String> CSV_COLUMNS = List.of("deliveryKey", "deliveryId", "recordId", "version", "recordType",
            "documentNumber", "decisionDate", "matterCode", "subjectName", "creditCode", "status", "record");

    private static final java.util.regex.Pattern ACK = java.util.regex.Pattern
            .compile("decisions-(\\d+)-(\\d+)\\.(json|csv)\\.ack");

    private final Endpoint endpoint;
    private final ProducerTemplate producer;
    private final Endpoint acks;
    private final org.apache.camel.ConsumerTemplate consumer;
    private final String format;
    private final Charset charset;

    public SftpOutboxChannel(Endpoint endpoint, ProducerTemplate producer, Endpoint acks,
            org.apache.camel.ConsumerTemplate consumer, String format, Charset charset) {
        this.endpoint = endpoint;
        this.producer = producer;
        this.acks = acks;
        this.consumer = consumer;
        this.format = format.toLowerCase(Locale.ROOT);
        if (!this.format.equals("json") && !this.format.equals("csv")) {
            throw new IllegalArgumentException("format '" + format + "' is not json or csv");
        }
        this.charset = charset;
    }

    @Override
    public String kind() {
        return "sftp";
    }

    @Override
    public boolean failsAsOneUnit() {
        return true;
    }

    public static String fileName(List<DeliveryItem> items, String format) {
        return "decisions-" + items.get(0).deliveryId() + "-" + items.get(items.size() - 1).deliveryId() + "." + format;
    }

    @Override
    public void deliver(String department, List<DeliveryItem> items, Consumer<DeliveryItem> confirmed)
            throws ChannelUnavailableException, IOException {
        String name = fileName(items, format);
        byte[] content = (format.equals("json") ? json(items) : csv(items)).getBytes(charset);
        try {
            Exchange result = producer.send(endpoint, exchange -> {
                exchange.getMessage().setHeader(Exchange.FILE_NAME, name);
                exchange.getMessage().setBody(content);
            });
            if (result.getException() != null) {
                throw result.getException();
            }
        } catch (GenericFileOperationFailedException | CamelExecutionException e) {
            throw new ChannelUnavailableException("cannot write " + name + " to the SFTP folder of " + department
                    + ": " + DeliveryConsumer.reason(e), e);
        } catch (Exception e) {
            if (e.getCause() instanceof GenericFileOperationFailedException || e instanceof IOException) {
                throw new ChannelUnavailableException("cannot write " + name + " to the SFTP folder of "
                        + department + ": " + DeliveryConsumer.reason(e), e);
            }
            throw new IllegalStateException("cannot write " + name + ": " + DeliveryConsumer.reason(e), e);
        }
        items.forEach(confirmed);
    }

    /**
     * Reads and deletes the {@code <file>.ack} files the department wrote; each acknowledges the deliveries
     * of its file (delivery ids between the first and last in its name, delivered through this channel).
     */
    @Override
    public int pollAcks(String department, DeliveryStore store, java.time.Clock clock) {
        int n = 0;
        for (Exchange ack = consumer.receiveNoWait(acks); ack != null; ack = consumer.receiveNoWait(acks)) {
            try {
                String name = ack.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                java.util.regex.Matcher m = ACK.matcher(name == null ? "" : name);
                if (!m.matches()) {
                    continue;
                }
                long first = Long.parseLong(m.group(1));
                long last = Long.parseLong(m.group(2));
                for (Delivery d : store.awaitingAck(department, 10_000)) {
                    if (d.id() >= first && d.id() <= last && "sftp".equals(d.channel())
                            && store.acknowledge(d.id(), "ack file " + name, clock.instant())) {
                        n++;
                    }
                }
            } finally {
                consumer.doneUoW(ack);
            }
        }
        return n;
    }

    private static String json(List<DeliveryItem> items) {
        ArrayNode array = HubJson.mapper().createArrayNode();
        items.forEach(i -> array.add(RestInboxChannel.body(i)));
        return array.toString();
    }

    private static String csv(List<DeliveryItem> items) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(CSV_COLUMNS);
            for (DeliveryItem i : items) {
                printer.printRecord(i.key(), i.deliveryId(), i.recordId(), i.version(),
                        DeliveryValues.value(i, "record.recordType"), DeliveryValues.value(i, "record.document.number"),
                        DeliveryValues.value(i, "record.document.decisionDate"),
                        DeliveryValues.value(i, "record.document.matterCode"),
                        DeliveryValues.value(i, "record.subject.name"), DeliveryValues.value(i, "record.subject.creditCode"),
                        DeliveryValues.value(i, "record.status"), i.record().toString());
            }
        }
        return out.toString();
    }
}
