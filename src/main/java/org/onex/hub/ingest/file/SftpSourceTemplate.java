package org.onex.hub.ingest.file;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.onex.hub.alert.Alerts;
import org.onex.hub.alert.ErrorRouteConfiguration;
import org.onex.hub.alert.SourceHealth;
import org.onex.hub.cluster.ClusterRoutes;
import org.onex.hub.connect.SftpOptions;
import org.onex.hub.connect.TemplateContract;
import org.onex.hub.connect.TemplateContract.Type;
import org.onex.hub.connect.TemplateParameters;
import org.onex.hub.ingest.IngestRoutes;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.ingest.PullSourceRoute;
import org.onex.hub.ingest.SourcePollStrategy;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.store.FileLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code sftp-source} route template: a department's file drop on an SFTP server. Wired in
 * {@code routes/<dept>.camel.yaml} with parameters only:
 *
 * <pre>
 * - templatedRoute:
 *     routeTemplateRef: sftp-source
 *     routeId: sthjj-licences
 *     parameters:
 *       - { name: department, value: sthjj }
 *       - { name: feed, value: licences }
 *       - { name: server, value: sthjj }        # hub.sftp-servers.sthjj: host, port, login
 *       - { name: directory, value: /export/licences }
 *       - { name: filePattern, value: "*.csv" }
 *       - { name: format, value: csv }
 *       - { name: encoding, value: GB18030 }
 * </pre>
 *
 * <p>Each file is downloaded to a local work file (never held in memory), ingested as a unit by
 * {@link FileIngestor}, then moved on the server to {@code .done/<yyyy-MM-dd>/} or, when it is
 * structurally broken, to {@code .error/} beside a {@code <name>.reason.txt}. Any other failure
 * leaves the file in place for the next poll. Host keys are checked against
 * {@code hub.sftp.known-hosts-file} when {@code hub.sftp.strict-host-key-checking} is {@code yes}
 * (the production profile); the embedded default relaxes it and says so in the log.
 */
@Component
public class SftpSourceTemplate extends RouteBuilder {

    public static final String ID = "sftp-source";
    /** Read lock: the file is read once its size and time have not changed for {@code stableFor}. */
    public static final String STABLE_SIZE = "stable-size";
    /** Read lock: the file is read once {@code <name>.done} exists beside it (deleted after reading). */
    public static final String DONE_FILE = "done-file";

    /** The template's parameters, declared once: Camel, {@code validate} and docs/route-templates.md use them. */
    public static final TemplateContract CONTRACT = SftpOptions.serverParameters(PullSourceRoute.sourceContract(ID,
            "Reads a department's file drop on an SFTP server (CSV, JSON, NDJSON or XLSX files)"))
            .optional("directory", Type.TEXT, ".", "Directory the department drops its files into")
            .optional("filePattern", Type.TEXT, "*", "Ant-style pattern of the files to read, e.g. *.csv")
            .required("format", Type.TEXT, "csv (a header line), json (an array of row objects), ndjson (one object"
                    + " per line) or xlsx (the first row is the header)")
            .optional("encoding", Type.TEXT, "UTF-8",
                    "Text encoding of csv/json/ndjson files: UTF-8 (a byte-order mark is skipped), GBK or GB18030")
            .optional("sheet", Type.TEXT, "xlsx: the sheet to read, by name (default: the first)")
            .optional("readLock", Type.TEXT, STABLE_SIZE, "How a finished upload is recognised: stable-size (size"
                    + " and time unchanged across listings stableFor apart) or done-file (<name>.done exists beside it,"
                    + " deleted after reading; use it when the exporter can write one)")
            .optional("stableFor", Type.DURATION, "10s", "stable-size: how long size and time must stay unchanged"
                    + " (the file is read at the first listing after that)")
            .optional("batchSize", Type.INTEGER, "500", "Rows per ingest batch (the file is still committed as a unit)")
            .optional("pollInterval", Type.DURATION, "30s", "Time between directory listings")
            .optional("initialDelay", Type.DURATION, "2s", "Delay before the first listing")
            .build();

    private static final Logger LOG = LoggerFactory.getLogger(SftpSourceTemplate.class);

    private final MappingRegistry mappings;
    private final IngestService ingest;
    private final FileLedger ledger;
    private final TransactionTemplate tx;
    private final Alerts alerts;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SourceHealth health;

    public SftpSourceTemplate(MappingRegistry mappings, IngestService ingest, FileLedger ledger, TransactionTemplate tx,
            Alerts alerts, MeterRegistry meters, Clock clock, SourceHealth health) {
        this.mappings = mappings;
        this.ingest = ingest;
        this.ledger = ledger;
        this.tx = tx;
        this.alerts = alerts;
        this.meters = meters;
        this.clock = clock;
        this.health = health;
    }

    @Override
    public void configure() {
        CONTRACT.declare(routeTemplate(ID))
                // The endpoints are built in code from the parameters, so optional ones are simply left out
                // and bad values fail at start-up with a message naming the feed.
                .templateBean("consumer", Endpoint.class, this::consumer)
                .templateBean("producer", Endpoint.class, rtc -> rtc.getCamelContext().getEndpoint(
                        "sftp:" + SftpOptions.server(rtc) + "?" + String.join("&", SftpOptions.login(rtc, TemplateParameters.text(rtc, "department") + "/" + TemplateParameters.text(rtc, "feed"))) + "&fileExist=Override"))
                .templateBean("ingestor", FileIngestor.class, rtc -> {
                    FileFeedSpec spec = FileFeedSpec.of(TemplateParameters.text(rtc, "department"),
                            TemplateParameters.text(rtc, "feed"), TemplateParameters.text(rtc, "format"),
                            TemplateParameters.text(rtc, "encoding"), TemplateParameters.text(rtc, "sheet"),
                            TemplateParameters.integer(rtc, "batchSize"));
                    return new FileIngestor(spec, mappings.require(spec.department(), spec.feed()), ingest, ledger, tx,
                            alerts, meters, clock);
                })
                .from("ref:{{consumer}}")
                .routeConfigurationId(ErrorRouteConfiguration.FILE_SOURCE)
                .routeProperty(ClusterRoutes.PROPERTY, ClusterRoutes.ONE_NODE) // one node polls a drop in a cluster
                .setHeader(IngestRoutes.DEPARTMENT, constant("{{department}}"))
                .setHeader(IngestRoutes.FEED, constant("{{feed}}"))
                .to("bean:{{ingestor}}?method=ingest")
                .filter(exchangeProperty(FileIngestor.REASON).isNotNull())
                    .setBody(exchangeProperty(FileIngestor.REASON))
                    .setHeader(Exchange.FILE_NAME, simple("${exchangeProperty." + FileIngestor.MOVE_TO + "}.reason.txt"))
                    .to("ref:{{producer}}")
                .end();
    }

    private Endpoint consumer(RouteTemplateContext rtc) {
        String department = TemplateParameters.text(rtc, "department");
        String feed = TemplateParameters.text(rtc, "feed");
        SftpEndpoint endpoint = rtc.getCamelContext().getEndpoint("sftp:" + SftpOptions.server(rtc) + "?"
                + String.join("&", consumerOptions(rtc)), SftpEndpoint.class);
        // Connection failures reach the poll strategy, which alerts on a department that stays unreachable.
        endpoint.getConfiguration().setThrowExceptionOnConnectFailed(true);
        if (STABLE_SIZE.equals(TemplateParameters.text(rtc, "readLock").trim())) {
            endpoint.setExclusiveReadLockStrategy(new StableFileReadLock<>(TemplateParameters.duration(rtc,
                    "stableFor")));
        }
        endpoint.setPollStrategy(new SourcePollStrategy(department, feed, "sftp://" + SftpOptions.host(rtc)
                + ":" + SftpOptions.port(rtc) + "/" + TemplateParameters.text(rtc, "directory"), health));
        return endpoint;
    }

    private static List<String> consumerOptions(RouteTemplateContext rtc) {
        String department = TemplateParameters.text(rtc, "department");
        String feed = TemplateParameters.text(rtc, "feed");
        List<String> consumer = SftpOptions.login(rtc, TemplateParameters.text(rtc, "department") + "/" + TemplateParameters.text(rtc, "feed"));
        if (consumer.contains("strictHostKeyChecking=no")) {
            LOG.warn("{}/{}: SFTP host keys are NOT checked (hub.sftp.strict-host-key-checking=no, embedded default);"
                    + " production checks them against hub.sftp.known-hosts-file", department, feed);
        }
        consumer.add("antInclude=" + TemplateParameters.text(rtc, "filePattern"));
        consumer.add("antExclude=*.reason.txt,*.done,.*");
        String workDir = rtc.getCamelContext().getPropertiesComponent().resolveProperty("hub.data-dir").orElse("./data")
                + "/sftp-work/" + department + "-" + feed;
        consumer.add("localWorkDirectory=" + workDir);
        consumer.add("move=${exchangeProperty." + FileIngestor.MOVE_TO + "}");
        consumer.add("sortBy=file:modified;file:name");
        consumer.add("delay=" + millis(rtc, "pollInterval"));
        consumer.add("initialDelay=" + millis(rtc, "initialDelay"));
        String readLock = TemplateParameters.text(rtc, "readLock");
        readLock = readLock.trim();
        if (DONE_FILE.equals(readLock)) {
            consumer.add("doneFileName=${file:name}.done");
        } else if (!STABLE_SIZE.equals(readLock)) {
            throw new IllegalArgumentException(department + "/" + feed + ": readLock '" + readLock
                    + "' is not one of stable-size, done-file");
        }
        return consumer;
    }

    private static long millis(RouteTemplateContext rtc, String name) {
        return TemplateParameters.duration(rtc, name).toMillis();
    }
}
