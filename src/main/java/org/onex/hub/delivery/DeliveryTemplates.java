package org.onex.hub.delivery;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Endpoint;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.onex.hub.alert.Alerts;
import org.onex.hub.alert.SourceHealth;
import org.onex.hub.config.HubPaths;
import org.onex.hub.connect.DepartmentDataSources;
import org.onex.hub.connect.MillisFunction;
import org.onex.hub.connect.SftpOptions;
import org.onex.hub.connect.TemplateContract;
import org.onex.hub.connect.TemplateContract.Type;
import org.onex.hub.connect.TemplateParameters;
import org.onex.hub.notice.Notices;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;
import org.onex.hub.store.DeliveryStore;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import jakarta.jms.ConnectionFactory;

/**
 * The delivery channel templates (item 3), instantiated per department in
 * {@code routes/<dept>.camel.yaml} with parameters only:
 * <ul>
 * <li>{@code delivery-jdbc}: INSERT into the department's inbox table, declared in
 * {@code config/inboxes/<dept>.yaml} ({@link InboxDefinition}); data source under
 * {@code hub.datasources.<name>} with {@code writable: true};</li>
 * <li>{@code delivery-sftp}: one file per batch (json or csv) in the department's SFTP folder, written
 * under a temporary name, renamed, then a done-file; acknowledgements as {@code <file>.ack};</li>
 * <li>{@code delivery-rest}: POST per decision with an {@code Idempotency-Key} header;</li>
 * <li>{@code delivery-notice}: a printable 抄告 copy notice per decision, for a unit without a system (R-CHANNEL);
 * its receipt is the acknowledgement.</li>
 * </ul>
 * Each consumes the department's durable queue {@code hub.delivery.<dept>} in one JMS transaction per
 * batch, one consumer, so decisions arrive in order. An unreachable department is retried with
 * exponential back-off (from {@code retryDelay} up to {@code maxRetryDelay}) for as long as it takes;
 * a delivery that fails otherwise is retried the same way {@code maxAttempts} times in all, then dead.
 */
@Component
public class DeliveryTemplates extends RouteBuilder {

    public static final String JDBC = "delivery-jdbc";
    public static final String SFTP = "delivery-sftp";
    public static final String REST = "delivery-rest";
    public static final String NOTICE = "delivery-notice";

    /** The templates' parameters, declared once: Camel, {@code validate} and docs/route-templates.md use them. */
    public static final TemplateContract JDBC_CONTRACT = common(JDBC,
            "Delivers decisions into a department's inbox table")
            .required("dataSource", Type.TEXT, "Name under hub.datasources (writable: true), the inbox database")
            .optional("inbox", Type.TEXT, "Inbox definition file (default config/inboxes/<department>.yaml)")
            .build();
    public static final TemplateContract SFTP_CONTRACT = SftpOptions.serverParameters(common(SFTP,
            "Delivers decisions as files in a department's SFTP folder"))
            .optional("directory", Type.TEXT, ".", "Folder the department reads decisions from")
            .optional("format", Type.TEXT, "json", "json (an array) or csv (one row per decision)")
            .optional("encoding", Type.TEXT, "UTF-8", "File encoding (UTF-8 or GB18030 for older systems)")
            .build();
    public static final TemplateContract REST_CONTRACT = common(REST,
            "Delivers decisions by POST to a department endpoint")
            .required("url", Type.URL, "Endpoint receiving one decision per POST")
            .optional("authHeader", Type.TEXT, "Header carrying the credential, e.g. Authorization")
            .secret("authValue", "Value of authHeader, as {{env:NAME}}")
            .optional("connectTimeout", Type.DURATION, "5s", "Time allowed to connect")
            .optional("timeout", Type.DURATION, "30s", "Time allowed for an answer")
            .build();

    public static final TemplateContract NOTICE_CONTRACT = common(NOTICE,
            "Issues a printable 抄告 copy notice (PDF) per decision or exchange, for a unit without a system")
            .build();

    private final DeliveryStore store;
    private final DeliveryChannels channels;
    private final DepartmentRegistry registry;
    private final DepartmentDataSources dataSources;
    private final HubPaths paths;
    private final Alerts alerts;
    private final JmsTemplate deadLetters;
    private final Clock clock;
    private final SourceHealth health;
    private final Notices notices;

    public DeliveryTemplates(DeliveryStore store, DeliveryChannels channels, DepartmentRegistry registry,
            DepartmentDataSources dataSources, HubPaths paths, Alerts alerts, ConnectionFactory connectionFactory,
            Clock clock, SourceHealth health, Notices notices) {
        this.store = store;
        this.channels = channels;
        this.registry = registry;
        this.dataSources = dataSources;
        this.paths = paths;
        this.alerts = alerts;
        this.deadLetters = new JmsTemplate(connectionFactory);
        this.clock = clock;
        this.health = health;
        this.notices = notices;
    }

    @Override
    public void configure() {
        getContext().getPropertiesComponent().addPropertiesFunction(new MillisFunction());
        getContext().getPropertiesComponent().addPropertiesFunction(new RetriesFunction());
        route(JDBC_CONTRACT.declare(routeTemplate(JDBC))
                .templateBean("consumer", DeliveryConsumer.class, rtc -> consumer(rtc, jdbc(rtc))));
        route(SFTP_CONTRACT.declare(routeTemplate(SFTP))
                .templateBean("consumer", DeliveryConsumer.class, rtc -> consumer(rtc, sftp(rtc))));
        route(REST_CONTRACT.declare(routeTemplate(REST))
                .templateBean("consumer", DeliveryConsumer.class, rtc -> consumer(rtc, rest(rtc))));
        route(NOTICE_CONTRACT.declare(routeTemplate(NOTICE))
                .templateBean("consumer", DeliveryConsumer.class, rtc -> consumer(rtc, new NoticeChannel(notices))));
    }

    /** The parameters every delivery template has: the department and the retry policy. */
    private static TemplateContract.Builder common(String id, String description) {
        return TemplateContract.of(id, description, false)
                .required("department", Type.TEXT, "Department code (a consumer of C3 in config/departments.yaml)")
                .optional("maxAttempts", Type.INTEGER, "8", "Attempts of a failing delivery before it is dead")
                .optional("retryDelay", Type.DURATION, "1s", "Wait before the first retry, doubled after each")
                .optional("maxRetryDelay", Type.DURATION, "5m", "Longest wait between retries");
    }

    private void route(RouteTemplateDefinition t) {
        RouteDefinition route = t.from("jms:queue:" + DeliveryMessages.QUEUE_PREFIX
                + "{{department}}?transacted=true&concurrentConsumers=1&maxConcurrentConsumers=1");
        // Unreachable: retried for as long as it takes (a stopping hub leaves the batch in the queue).
        retries(route.onException(ChannelUnavailableException.class), "-1")
                .log(LoggingLevel.WARN, "org.onex.hub.delivery",
                        "${routeId}: delivery interrupted, left in the queue: ${exception.message}")
                .end();
        // Failed: maxAttempts in all, then dead.
        retries(route.onException(Exception.class), "{{" + RetriesFunction.NAME + ":{{maxAttempts}}}}").handled(true)
                .to("bean:{{consumer}}?method=dead")
                .end();
        route.to("bean:{{consumer}}?method=deliver");
    }

    private static OnExceptionDefinition retries(OnExceptionDefinition on, String maximumRedeliveries) {
        on.maximumRedeliveries(maximumRedeliveries)
                .redeliveryDelay("{{" + MillisFunction.NAME + ":{{retryDelay}}}}")
                .useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay("{{" + MillisFunction.NAME + ":{{maxRetryDelay}}}}")
                .retryAttemptedLogLevel(LoggingLevel.WARN).logExhausted(false).logStackTrace(false);
        on.getRedeliveryPolicyType().allowRedeliveryWhileStopping(false);
        return on;
    }

    private DeliveryConsumer consumer(RouteTemplateContext rtc, DeliveryChannel channel) {
        String department = TemplateParameters.text(rtc, "department");
        var d = registry.require(department);
        if (!d.consumes().contains(Category.C3)) {
            throw new IllegalArgumentException(department + ": does not consume C3 in config/departments.yaml;"
                    + " it cannot receive decisions (R-CATEGORIES)");
        }
        channels.register(department, channel);
        return new DeliveryConsumer(department, channel, store, alerts, deadLetters, clock, health);
    }

    private DeliveryChannel jdbc(RouteTemplateContext rtc) {
        String department = TemplateParameters.text(rtc, "department");
        String inbox = TemplateParameters.text(rtc, "inbox");
        Path file = inbox == null || inbox.isBlank() ? paths.configDir().resolve("inboxes").resolve(department + ".yaml")
                : Path.of(inbox);
        return new JdbcInboxChannel(InboxDefinition.load(file), dataSources.get(TemplateParameters.text(rtc,
                "dataSource")));
    }

    private DeliveryChannel sftp(RouteTemplateContext rtc) {
        String department = TemplateParameters.text(rtc, "department");
        List<String> options = new ArrayList<>(SftpOptions.login(rtc, department + "/deliveries"));
        String format = TemplateParameters.text(rtc, "format");
        Endpoint files = rtc.getCamelContext().getEndpoint("sftp:" + SftpOptions.server(rtc) + "?"
                + String.join("&", options) + "&tempFileName=${file:name}.part&fileExist=Override"
                + "&doneFileName=${file:name}.done&throwExceptionOnConnectFailed=true");
        Endpoint acks = rtc.getCamelContext().getEndpoint("sftp:" + SftpOptions.server(rtc) + "?"
                + String.join("&", options) + "&antInclude=*.ack&delete=true&throwExceptionOnConnectFailed=true");
        return new SftpOutboxChannel(files, rtc.getCamelContext().createProducerTemplate(), acks,
                rtc.getCamelContext().createConsumerTemplate(), format,
                Charset.forName(TemplateParameters.text(rtc, "encoding")));
    }

    private DeliveryChannel rest(RouteTemplateContext rtc) {
        return new RestInboxChannel(URI.create(TemplateParameters.text(rtc, "url")),
                TemplateParameters.text(rtc, "authHeader"), TemplateParameters.text(rtc, "authValue"),
                TemplateParameters.duration(rtc, "connectTimeout"), TemplateParameters.duration(rtc, "timeout"));
    }
}
