package org.onex.hub.notice;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onex.hub.alert.Alerts;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.calendar.Periods;
import org.onex.hub.policy.Client;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.RecordType;
import org.onex.hub.store.DeliveryStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issues copy notices and records their receipts (R-CHANNEL). A notice is issued once per delivery (its
 * idempotency key), from the record as the sharing policy shows it to the unit; its receipt — the one-time token
 * of its QR code, or its short code entered by an operator with the liaison's name — acknowledges the delivery,
 * which is what starts the unit's reply clocks. Notices not receipted within {@code hub.notices.remind-after}
 * raise {@value #NOTICE_UNRECEIPTED}.
 */
@Service
public class Notices {

    public static final String NOTICE_UNRECEIPTED = "NOTICE_UNRECEIPTED";
    /** Short codes avoid characters read one for another (0/O, 1/I/L). */
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final NoticeStore store;
    private final DeliveryStore deliveries;
    private final DepartmentRegistry registry;
    private final Periods periods;
    private final Alerts alerts;
    private final AuditLog audit;
    private final NoticeProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();
    private volatile NoticePdf pdf;

    public Notices(NoticeStore store, DeliveryStore deliveries, DepartmentRegistry registry, Periods periods,
            Alerts alerts, AuditLog audit, NoticeProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.deliveries = deliveries;
        this.registry = registry;
        this.periods = periods;
        this.alerts = alerts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The renderer; finds the font at first use, failing with what to install if there is none. */
    public NoticePdf renderer() {
        NoticePdf r = pdf;
        if (r == null) {
            r = NoticePdf.withFont(properties.font());
            pdf = r;
        }
        return r;
    }

    /**
     * Issues the notice of one delivery (the same notice again for a delivery issued before): draws the PDF and
     * stores it with its codes. {@code record} is the record as the unit may see it.
     */
    public Notice issue(String department, long deliveryId, String deliveryKey, JsonNode record) {
        return tx.execute(status -> {
            Optional<Notice> existing = store.byDeliveryKey(deliveryKey);
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            byte[] tokenBytes = new byte[24];
            random.nextBytes(tokenBytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
            String code = freshShortCode();
            String number = record.at("/document/number").asText(null);
            String title = record.at("/document/title").asText(null);
            long id = store.insert(deliveryId, deliveryKey, department, record.at("/identity/recordId").asLong(),
                    record.at("/identity/version").asInt(), number, title, code,
                    sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    now);
            Notice n = store.find(id).orElseThrow();
            store.setPdf(id, renderer().render(content(n, registry.require(department), record, token)));
            return n;
        });
    }

    /** What the notice says, from the record: an exchange's letter and reply period, or a decision's content. */
    NoticePdf.Content content(Notice n, Department to, JsonNode r, String token) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        String type = r.path("recordType").asText();
        String typeZh = type.isEmpty() ? "" : RecordType.valueOf(type).zh();
        JsonNode exchange = r.at("/body/EXCHANGE");
        String provider = registry.find(r.at("/identity/department").asText()).map(Department::nameZh)
                .orElse(r.at("/identity/department").asText());
        lines.add(entry("事项类型", typeZh));
        lines.add(entry("文号", r.at("/document/number").asText(null)));
        lines.add(entry(exchange.isMissingNode() ? "标题" : "案由/事由", r.at("/document/title").asText(null)));
        lines.add(entry("当事人", r.at("/subject/name").asText(null)));
        lines.add(entry("发送单位", provider));
        lines.add(entry("发出时间", n.issuedAt().atZone(HubDates.ZONE).format(CHINESE)));
        String heading;
        String note;
        if (!exchange.isMissingNode()) {
            heading = "协作事项抄告单";
            lines.add(entry("基本情况", r.at("/body/NR").asText(null)));
            int days = exchange.path("replyWorkingDays").asInt(5);
            Instant ifToday = periods.workingDays(n.issuedAt(), days);
            lines.add(entry("办理期限", "自签收之日起 " + days + " 个工作日内答复（如于发出当日签收，应于 "
                    + ifToday.minusSeconds(1).atZone(HubDates.ZONE).format(CHINESE_DAY) + " 24 时前答复；按国家法定"
                    + "节假日安排计算工作日）"));
            lines.add(entry("附件", exchange.path("materials").size() + " 件（凭回执向发送单位或平台调取）"));
            note = "依据《武义县“1+X”综合行政执法协作机制》（武政发〔2021〕15号）第五条：案件双向移送、抄告；"
                    + "协助事项应在收到函件之日起 5 个工作日内书面答复。贵单位未接入数据共享平台，特以书面方式抄告。";
        } else {
            heading = "行政执法决定抄告单";
            lines.add(entry("决定日期", r.at("/document/decisionDate").asText(null)));
            lines.add(entry("主要内容", r.at("/body/CF_NR").asText(r.at("/body/XK_NR").asText(null))));
            note = "依据《武义县“1+X”综合行政执法协作机制》（武政发〔2021〕15号）：综合行政执法局的处罚决定"
                    + "反馈业务主管部门，业务主管部门的审批决定告知综合行政执法局。贵单位未接入数据共享平台，"
                    + "特以书面方式抄告，请签收后依职责处理。";
        }
        return new NoticePdf.Content(n.number(), to.nameZh(), roleOnly(to.liaisonRole()), heading, lines, note,
                r.at("/document/number").asText("—"), n.shortCode(),
                properties.receiptBaseUrl() + "/console/receipt/" + token);
    }

    /** The notice of a one-time receipt token, if any. */
    public Optional<Notice> byToken(String token) {
        return store.byTokenSha256(sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The receipt by the one-time token of the QR code. */
    public Optional<Notice> receiptByToken(String token, String by) {
        return byToken(token).map(n -> receipt(n, by, null, new Client("receipt-link", null, n.department())));
    }

    /** The receipt entered by an operator: the short code on the slip, who signed it, optionally the slip's scan. */
    public Optional<Notice> receiptByCode(Client operator, String shortCode, String by, String scanSha256) {
        return store.byShortCode(shortCode.trim().toUpperCase(java.util.Locale.ROOT))
                .map(n -> receipt(n, by, scanSha256, operator));
    }

    private Notice receipt(Notice n, String by, String scanSha256, Client actor) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            String who = by == null || by.isBlank() ? "liaison of " + n.department() : by.trim();
            if (store.receipt(n.id(), now, who, scanSha256)) {
                deliveries.acknowledge(n.deliveryId(), "notice:" + who, now);
                audit.record(actor.role() == null ? new Client(actor.id(), org.onex.hub.policy.Role.DEPARTMENT,
                        n.department()) : actor, "NOTICE_RECEIPTED", n.number(), Map.of("department", n.department(),
                                "by", who, "scan", scanSha256 == null ? "" : scanSha256));
                alerts.resolved(NOTICE_UNRECEIPTED, n.department(), n.number(), "receipted by " + who);
            }
            return store.find(n.id()).orElseThrow();
        });
    }

    /** Raises a reminder for every notice not receipted within {@code hub.notices.remind-after}; returns how many. */
    public int remind() {
        List<Notice> open = store.unreceiptedBefore(clock.instant().minus(properties.remindAfter()), 500);
        for (Notice n : open) {
            alerts.warning(NOTICE_UNRECEIPTED, n.department(), null, n.number(), "抄告单 " + n.number() + "（"
                    + n.documentNumber() + "）于 " + n.issuedAt().atZone(HubDates.ZONE).format(CHINESE)
                    + " 发出，尚未签收：请联系该单位联络员 / copy notice not receipted since " + n.issuedAt());
        }
        return open.size();
    }

    private String freshShortCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder c = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                c.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
                if (i == 3) {
                    c.append('-');
                }
            }
            if (!store.shortCodeTaken(c.toString())) {
                return c.toString();
            }
        }
        throw new IllegalStateException("no free short code after 20 attempts");
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String roleOnly(String liaisonRole) {
        return liaisonRole == null ? null : liaisonRole.split("/")[0].trim();
    }

    private static Map.Entry<String, String> entry(String k, String v) {
        return new AbstractMap.SimpleImmutableEntry<>(k, v == null || v.isBlank() ? null : v);
    }
}
