package org.onex.hub.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onex.hub.alert.AlertText;
import org.onex.hub.alert.Alerts;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.calendar.Periods;
import org.onex.hub.deadline.ObligationEngine;
import org.onex.hub.deadline.ObligationRule;
import org.onex.hub.deadline.ObligationRules;
import org.onex.hub.delivery.DeliveryChannels;
import org.onex.hub.delivery.MatterTable;
import org.onex.hub.ingest.IngestService;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.HubDates;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.DeliveryStore;
import org.onex.hub.store.ObligationStore;
import org.onex.hub.store.StoreOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Submits exchanges and carries out their answers (issue 15). Each call is one transaction that locks the
 * exchange, checks who may do what in its state, stores the attachments, writes the exchange, an event, the next
 * version of its C7 record (through {@link IngestService#storeOwn}, so the feed, the policy and the obligations
 * see it like any record), plans its delivery to the other party's channel where one is wired, moves or
 * completes the obligations it meets, and appends the audit entry. A refusal stores nothing.
 */
@Service
public class Exchanges {

    private static final Logger LOG = LoggerFactory.getLogger(Exchanges.class);

    /** The alert raised when a receiver's answer is past due. */
    public static final String EXCHANGE_OVERDUE = "EXCHANGE_OVERDUE";
    /** The alert raised when an urgent assistance request has no staff on the way within "immediately". */
    public static final String ASSIST_URGENT_UNANSWERED = "ASSIST_URGENT_UNANSWERED";

    private final ExchangeStore store;
    private final Attachments attachments;
    private final LetterChecks checks;
    private final DepartmentRegistry registry;
    private final IngestService ingest;
    private final DeliveryStore deliveries;
    private final DeliveryChannels channels;
    private final ObligationRules rules;
    private final ObligationStore obligations;
    private final ObligationEngine engine;
    private final Periods periods;
    private final Alerts alerts;
    private final AuditLog audit;
    private final ExchangeProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    public Exchanges(ExchangeStore store, DepartmentRegistry registry, MatterTable matters, IngestService ingest,
            DeliveryStore deliveries, DeliveryChannels channels, ObligationRules rules, ObligationStore obligations,
            ObligationEngine engine, Periods periods, Alerts alerts, AuditLog audit, ExchangeProperties properties,
            Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.attachments = new Attachments(properties.maxAttachmentSize().toBytes());
        this.checks = new LetterChecks(registry, matters, properties.publicSecurity(), store::findByNumber);
        this.registry = registry;
        this.ingest = ingest;
        this.deliveries = deliveries;
        this.channels = channels;
        this.rules = rules;
        this.obligations = obligations;
        this.engine = engine;
        this.periods = periods;
        this.alerts = alerts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public Attachments attachments() {
        return attachments;
    }

    /**
     * Submits a letter in the name of {@code letter.sender().unit()}: a unit's own client submits for its unit
     * only; an operator or admin enters a letter received on paper for the unit it names.
     *
     * @throws ExchangeRefusedException with every reason, when the letter may not be submitted
     * @throws SecurityException when the caller may not write for the unit
     */
    public Exchange submit(Client caller, Letter letter) {
        if (letter.sender() != null) {
            actingFor(caller, letter.sender().unit());
        }
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Refusal> refusals = new ArrayList<>(checks.check(letter, now));
            List<Attachments.Content> contents = refusals.isEmpty() ? contents(letter.materials(), refusals)
                    : List.of();
            if (!refusals.isEmpty()) {
                throw new ExchangeRefusedException(refusals);
            }
            LetterChecks.Receiver receiver = checks.receiver(letter, refusals);
            ObjectNode stored = storedLetter(letter, contents);
            long id = store.insert(letter.kind(), letter.sender().unit(), receiver.unit(), receiver.why(),
                    letter.title().trim(), letter.urgent(), stored, letter.discoveredAt(), now);
            String number = letter.kind().prefix() + "-" + Year.from(now.atZone(HubDates.ZONE)) + "-"
                    + String.format("%06d", id);
            Exchange x = store.find(id).orElseThrow();
            x = new Exchange(id, number, x.kind(), x.state(), x.sender(), x.receiver(), x.receiverWhy(), x.title(),
                    x.urgent(), x.letter(), x.discoveredAt(), x.submittedAt(), null, null, null, 0, 0, now);
            saveMaterials(id, 1, letter.materials(), contents, now);
            ObjectNode detail = HubJson.mapper().createObjectNode().put("receiverWhy", receiver.why());
            // the office answers a joint application before the action day; an emergency report at once
            Instant due = letter.kind() != ExchangeKind.JOINT_APPLICATION ? null : letter.urgent()
                    ? periods.immediately(now) : Periods.endOf(letter.actionDate().minusDays(1));
            Exchange done = change(caller, x, "SUBMITTED", ExchangeState.SUBMITTED, null, null, due, detail, now);
            audit.record(caller, "EXCHANGE_SUBMITTED", number, Map.of("kind", letter.kind().name(), "sender",
                    x.sender(), "receiver", x.receiver(), "materials", contents.size()));
            return done;
        });
    }

    /**
     * Does {@code answer.action()} to exchange {@code id} as {@code caller}.
     *
     * @throws ExchangeRefusedException when the action is not allowed in the exchange's state, or lacks what it needs
     * @throws SecurityException when the caller is not the party the action belongs to
     * @throws java.util.NoSuchElementException when there is no such exchange
     */
    public Exchange act(Client caller, long id, Answer answer) {
        if (answer == null || answer.action() == null) {
            throw new ExchangeRefusedException(new Refusal("action", "EXCHANGE", "缺少操作类型",
                    "action is required: one of " + java.util.EnumSet.allOf(Answer.Action.class)));
        }
        return tx.execute(status -> {
            Instant now = clock.instant();
            Exchange x = store.lock(id).orElseThrow(() -> new java.util.NoSuchElementException("no exchange " + id));
            String unit = actingFor(caller, partyOf(x, answer.action(), caller));
            List<Refusal> refusals = new ArrayList<>();
            ExchangeTransitions.Next next = ExchangeTransitions.next(x, answer, store.events(id), registry, now,
                    refusals);
            List<Attachments.Content> contents = contents(answer.materials(), refusals);
            if (!refusals.isEmpty() || next == null) {
                throw new ExchangeRefusedException(refusals);
            }
            int seq = x.rowVersion() + 1;
            saveMaterials(id, seq, answer.materials(), contents, now);
            ObjectNode detail = answerDetail(answer, contents);
            Instant received = x.receivedAt() == null && next.receipt() ? now : x.receivedAt();
            Instant due = x.replyDueAt();
            if (x.receivedAt() == null && received != null) {
                due = replyDue(x, received);
            }
            if (next.extendTo() != null) {
                due = next.extendTo();
            }
            if (next.clearDue()) {
                due = null; // the policy sets the Justice Bureau no period
            }
            Instant answered = next.state().closed() ? now : x.answeredAt();
            Exchange moved = new Exchange(x.id(), x.number(), x.kind(), x.state(), x.sender(), x.receiver(),
                    x.receiverWhy(), x.title(), x.urgent(), x.letter(), x.discoveredAt(), x.submittedAt(), received, due,
                    answered, x.recordId(), x.rowVersion(), x.updatedAt());
            Exchange done = change(caller, moved, answer.action().name(), next.state(), unit, received, due, detail,
                    now);
            obligationsAfter(x, done, answer, now);
            audit.record(caller, "EXCHANGE_" + answer.action().name(), x.number(), Map.of("state",
                    done.state().name(), "unit", unit));
            if (done.state() != ExchangeState.SUBMITTED) {
                alerts.resolved(EXCHANGE_OVERDUE, x.receiver(), x.number(), "answered: " + done.state());
            }
            if (answer.action() == Answer.Action.STAFF_DISPATCHED || done.state() == ExchangeState.REPLIED) {
                alerts.resolved(ASSIST_URGENT_UNANSWERED, x.receiver(), x.number(), "staff on the way");
            }
            return done;
        });
    }

    /** An exchange with its events and materials, if {@code caller} may see it (a party, the office, staff). */
    public Optional<View> view(Client caller, long id) {
        return store.find(id).filter(x -> maySee(caller, x))
                .map(x -> new View(x, store.events(id), store.materials(id)));
    }

    /** An exchange with its history and attachments. */
    public record View(Exchange exchange, List<ExchangeStore.Event> events, List<ExchangeStore.MaterialRef> materials) {
    }

    /** Exchanges {@code caller} may see, newest first: its unit's own, or any for the office and staff. */
    public List<Exchange> list(Client caller, String unit, String role, ExchangeKind kind, ExchangeState state,
            Long beforeId, int limit) {
        String own = ownUnit(caller);
        if (own != null && !registry.find(own).map(d -> d.kind() == org.onex.hub.registry.DepartmentKind.OFFICE)
                .orElse(false)) {
            if (unit != null && !unit.equals(own)) {
                return List.of();
            }
            unit = own;
        }
        return store.list(unit, role, kind, state, beforeId, limit);
    }

    /** An attachment's content, if {@code caller} may see an exchange that carries it. */
    public Optional<ExchangeStore.Stored> attachment(Client caller, String sha256) {
        boolean allowed = store.exchangesWith(sha256).stream().map(store::find).flatMap(Optional::stream)
                .anyMatch(x -> maySee(caller, x));
        return allowed ? store.attachment(sha256) : Optional.empty();
    }

    /** Stores an attachment uploaded before the letter or answer that names it by its SHA-256. */
    public Attachments.Content upload(Client caller, byte[] bytes) {
        if (caller.role() == Role.OFFICE) {
            throw new SecurityException(caller.id() + " (" + caller.role() + ") does not send exchanges");
        }
        Attachments.Content content = attachments.check("body", bytes);
        tx.executeWithoutResult(status -> {
            store.putAttachment(content, clock.instant());
            audit.record(caller, "ATTACHMENT_UPLOADED", content.sha256(), Map.of("type", content.type().name(),
                    "sizeBytes", bytes.length));
        });
        return content;
    }

    /**
     * One scan: receipts of exchanges whose first version the receiver's channel confirmed (their reply clocks
     * start), and alerts for answers past due. Returns how many exchanges it changed or alerted.
     */
    public int scan() {
        int n = 0;
        for (long[] row : store.deliveredNotReceived(500)) {
            Instant at = Instant.ofEpochMilli(row[1]);
            try {
                receiptByChannel(row[0], at);
                n++;
            } catch (RuntimeException e) {
                LOG.warn("exchange {}: receipt from its delivery not recorded: {}", row[0], e.toString());
            }
        }
        Instant now = clock.instant();
        for (Exchange x : store.pastDue(now, 500)) {
            n += alertIfStill(x, e -> (e.state() == ExchangeState.SUBMITTED || e.state() == ExchangeState.DISPUTED)
                    && e.replyDueAt() != null && e.replyDueAt().isBefore(now), this::alertOverdue);
        }
        Instant before = now.minus(periods.immediatePeriod());
        for (Exchange x : store.urgentWithoutStaff(before, 500)) {
            n += alertIfStill(x, e -> store.urgentWithoutStaff(e.id(), before), this::alertUrgent);
        }
        return n;
    }

    /**
     * Raises the scan's alert for {@code listed} under its row lock, if it still qualifies: an answer ({@link #act},
     * which takes the same lock) that committed after the scan read its list has resolved the exchange's alerts,
     * and an alert raised after it would stay open for good. 1 if raised, else 0.
     */
    private int alertIfStill(Exchange listed, java.util.function.Predicate<Exchange> still,
            java.util.function.Consumer<Exchange> alert) {
        return Boolean.TRUE.equals(tx.execute(s -> store.lock(listed.id()).filter(still).map(x -> {
            alert.accept(x);
            return true;
        }).orElse(false))) ? 1 : 0;
    }

    private void alertOverdue(Exchange x) {
        String owes = x.state() == ExchangeState.DISPUTED
                ? registry.justice().map(Department::code).orElse(x.receiver()) : x.receiver();
        alerts.rule(EXCHANGE_OVERDUE, "WARNING", ruleOf(x), owes, x.number(), x.kind().zh() + " " + x.number()
                + " 应于 " + x.replyDueAt() + " 前答复，尚未答复", x.kind() + " " + x.number()
                        + " was due an answer by " + x.replyDueAt() + " and has none", x.recordId(), null,
                AlertText.of(EXCHANGE_OVERDUE).label(x.kind()).text(x.number()).deadline(x.replyDueAt()).build());
    }

    private void alertUrgent(Exchange x) {
        alerts.rule(ASSIST_URGENT_UNANSWERED, "ERROR", "R-ASSIST-URGENT", x.receiver(), x.number(),
                "紧急协助 " + x.number() + " 发出已超过 " + periods.immediatePeriod().toMinutes()
                        + " 分钟，尚未确认派员到场", "urgent assistance " + x.number() + " was sent more than "
                        + periods.immediatePeriod().toMinutes() + " minutes ago and no staff are confirmed on the way",
                x.recordId(), null);
    }

    private void receiptByChannel(long id, Instant at) {
        tx.executeWithoutResult(status -> {
            Exchange x = store.lock(id).orElseThrow();
            if (x.receivedAt() != null || x.state() != ExchangeState.SUBMITTED) {
                return;
            }
            Instant due = replyDue(x, at);
            Exchange moved = new Exchange(x.id(), x.number(), x.kind(), x.state(), x.sender(), x.receiver(),
                    x.receiverWhy(), x.title(), x.urgent(), x.letter(), x.discoveredAt(), x.submittedAt(), at, due,
                    null, x.recordId(), x.rowVersion(), x.updatedAt());
            ObjectNode detail = HubJson.mapper().createObjectNode().put("by", "channel").put("deliveredAt",
                    at.toString());
            Exchange done = change(AuditLog.HUB, moved, "RECEIPT", ExchangeState.SUBMITTED, x.receiver(), at, due,
                    detail, clock.instant());
            obligationsAfter(x, done, new Answer(Answer.Action.RECEIPT, null, null, null, null, null, null, null),
                    clock.instant());
        });
    }

    /** Writes the state change: exchange row, event, record version, delivery to the other party. */
    private Exchange change(Client caller, Exchange x, String event, ExchangeState state, String actorUnit,
            Instant received, Instant due, ObjectNode detail, Instant now) {
        int version = x.rowVersion() + 1;
        Exchange next = new Exchange(x.id(), x.number(), x.kind(), state, x.sender(), x.receiver(), x.receiverWhy(),
                x.title(), x.urgent(), x.letter(), x.discoveredAt(), x.submittedAt(), received, due, x.answeredAt(),
                x.recordId(), version, now);
        Department sender = registry.require(x.sender());
        Department receiver = registry.require(x.receiver());
        JsonNode lastAnswer = version == 1 ? null : detail.deepCopy().put("action", event);
        List<StoreOutcome> out = ingest.storeOwn(x.sender(), ExchangeRecords.FEED, List.of(ExchangeRecords.candidate(
                next, sender, receiver, store.materials(x.id()), lastAnswer, replyWorkingDays(x), now)));
        StoreOutcome s = out.get(0);
        if (version == 1) {
            store.number(x.id(), x.number(), s.recordId());
            next = new Exchange(next.id(), next.number(), next.kind(), next.state(), next.sender(), next.receiver(),
                    next.receiverWhy(), next.title(), next.urgent(), next.letter(), next.discoveredAt(),
                    next.submittedAt(), received, due, next.answeredAt(), s.recordId(), version, now);
        }
        store.update(x.id(), state, received, due, next.answeredAt(), version, now);
        store.addEvent(x.id(), version, now, caller.id(), actorUnit == null ? x.sender() : actorUnit, event, state,
                detail, s.version());
        String actor = actorUnit == null ? x.sender() : actorUnit;
        List<String> recipients = new ArrayList<>(List.of(x.receiver(), x.sender()));
        if (state == ExchangeState.APPROVED && "APPROVE".equals(event)) {
            recipients.addAll(participants(x)); // the office's approval reaches every participating unit
        }
        for (String to : new java.util.LinkedHashSet<>(recipients)) {
            if (!to.equals(actor) && channels.departments().contains(to) && !"RECEIPT".equals(event)) {
                deliveries.plan(s.recordId(), s.version(), to, "exchange " + x.number() + " " + event, null, now);
            }
        }
        return next;
    }

    /** The working days the receiver has from receipt (printed on a copy notice). */
    private int replyWorkingDays(Exchange x) {
        if (x.kind() == ExchangeKind.ASSISTANCE_REQUEST) {
            ObligationRule.Period p = rules.require("R-ASSIST-REPLY").period();
            return p.kind() == ObligationRule.Period.Kind.WORKING_DAYS ? p.amount() : 5;
        }
        return properties.transferReplyWorkingDays();
    }

    /** The due time of the receiver's answer, counted on the official calendar from its receipt. */
    private Instant replyDue(Exchange x, Instant received) {
        if (x.kind() == ExchangeKind.JOINT_APPLICATION) {
            return x.replyDueAt(); // set by the action day, not by the receipt
        }
        if (x.kind() == ExchangeKind.ASSISTANCE_REQUEST) {
            ObligationRule rule = rules.require("R-ASSIST-REPLY");
            return rule.period().due(periods, received);
        }
        return periods.workingDays(received, properties.transferReplyWorkingDays());
    }

    /**
     * The obligations an answer meets or moves: the receipt moves R-ASSIST-REPLY's due time to 5 working days from
     * receipt; an agreed extension moves it again (counted as extended); the written reply completes it.
     */
    private void obligationsAfter(Exchange before, Exchange after, Answer answer, Instant now) {
        if (before.kind() != ExchangeKind.ASSISTANCE_REQUEST) {
            return;
        }
        Optional<ObligationRule> rule = rules.rules().stream().filter(r -> r.id().equals("R-ASSIST-REPLY")).findFirst();
        if (rule.isEmpty()) {
            return;
        }
        Optional<org.onex.hub.store.Obligation> o = obligations.find(rule.get().id(), before.recordId(),
                before.receiver());
        if (o.isEmpty()) {
            return;
        }
        if (before.receivedAt() == null && after.receivedAt() != null) {
            obligations.moveDue(o.get().id(), after.receivedAt(), after.replyDueAt(), false, now);
        }
        if (answer.action() == Answer.Action.EXTENSION_ANSWER && Boolean.TRUE.equals(answer.agreed())) {
            obligations.moveDue(o.get().id(), o.get().eventAt(), after.replyDueAt(), true, now);
        }
        if (after.state() == ExchangeState.REPLIED) {
            engine.completeExternally(rule.get(), obligations.find(o.get().id()).orElseThrow(), now);
        }
    }

    private List<Attachments.Content> contents(List<Letter.Attached> materials, List<Refusal> refusals) {
        List<Attachments.Content> out = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            Letter.Attached a = materials.get(i);
            String item = "materials/" + i;
            try {
                if (a.content() != null && !a.content().isBlank()) {
                    out.add(attachments.decode(item, a.content()));
                } else if (a.sha256() != null) {
                    String sha = a.sha256().trim().toLowerCase(java.util.Locale.ROOT);
                    Optional<ExchangeStore.Stored> s = store.attachment(sha);
                    if (s.isEmpty()) {
                        refusals.add(new Refusal(item, "ATTACHMENT", "未找到 SHA-256 为 " + sha + " 的附件，请先上传",
                                "no attachment with sha256 " + sha + ": upload it first (PUT /api/v1/attachments)"));
                        out.add(null);
                    } else {
                        out.add(new Attachments.Content(sha, Attachments.detect(s.get().bytes()).orElseThrow(),
                                s.get().bytes()));
                    }
                } else {
                    out.add(null);
                }
            } catch (ExchangeRefusedException e) {
                refusals.addAll(e.refusals());
                out.add(null);
            }
        }
        return out;
    }

    private void saveMaterials(long id, int seq, List<Letter.Attached> materials, List<Attachments.Content> contents,
            Instant now) {
        for (int i = 0; i < materials.size(); i++) {
            Attachments.Content c = contents.get(i);
            if (c == null) {
                continue;
            }
            store.putAttachment(c, now);
            Letter.Attached a = materials.get(i);
            String name = a.fileName() == null || a.fileName().isBlank() ? a.material().zh() : a.fileName().trim();
            store.addMaterial(id, seq, a.material(), name, c.sha256());
        }
    }

    /** The letter as stored: everything but the attachments' bytes, which are named by SHA-256 instead. */
    private static ObjectNode storedLetter(Letter letter, List<Attachments.Content> contents) {
        ObjectNode node = HubJson.mapper().valueToTree(letter);
        ArrayNode materials = node.putArray("materials");
        for (int i = 0; i < letter.materials().size(); i++) {
            Letter.Attached a = letter.materials().get(i);
            materials.addObject().put("material", a.material().name()).put("fileName", a.fileName())
                    .put("sha256", contents.get(i).sha256());
        }
        return node;
    }

    private static ObjectNode answerDetail(Answer answer, List<Attachments.Content> contents) {
        ObjectNode node = HubJson.mapper().valueToTree(answer);
        node.remove("action");
        ArrayNode materials = node.putArray("materials");
        for (int i = 0; i < answer.materials().size(); i++) {
            Letter.Attached a = answer.materials().get(i);
            materials.addObject().put("material", a.material().name()).put("fileName", a.fileName())
                    .put("sha256", contents.get(i).sha256());
        }
        if (materials.isEmpty()) {
            node.remove("materials");
        }
        Map<String, JsonNode> nonNull = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                nonNull.put(e.getKey(), e.getValue());
            }
        });
        ObjectNode out = HubJson.mapper().createObjectNode();
        out.setAll(nonNull);
        return out;
    }

    /** The unit whose turn an action is: the receiver answers, the sender agrees extensions, Justice decides. */
    private String partyOf(Exchange x, Answer.Action action, Client caller) {
        return switch (action) {
        case EXTENSION_ANSWER -> x.sender();
        case DECIDE -> registry.justice().map(Department::code).orElse(null);
        case LINK_CASE -> participants(x).contains(caller.department()) ? caller.department() : x.sender();
        default -> x.receiver();
        };
    }

    /** The applicant and the participating units of a joint action (R-JOINT-SPLIT: each files its own cases). */
    private static List<String> participants(Exchange x) {
        List<String> out = new ArrayList<>(List.of(x.sender()));
        x.letter().path("participants").forEach(p -> out.add(p.asText()));
        return out;
    }

    /**
     * The unit {@code caller} acts for: its own (a unit's client may act only for it), or {@code unit} for an
     * operator or admin entering a paper document.
     */
    private String actingFor(Client caller, String unit) {
        if (caller.role() == Role.OPERATOR || caller.role() == Role.ADMIN || caller == AuditLog.HUB) {
            return unit;
        }
        String own = caller.department() != null ? caller.department() : caller.role() == Role.OFFICE
                ? registry.all().stream().filter(d -> d.kind() == org.onex.hub.registry.DepartmentKind.OFFICE)
                        .map(Department::code).findFirst().orElse(null) : null;
        if (own == null || !own.equals(unit)) {
            throw new SecurityException(caller.id() + " acts for " + own + ", not for " + unit);
        }
        return unit;
    }

    private boolean maySee(Client caller, Exchange x) {
        if (caller.role() == Role.OPERATOR || caller.role() == Role.ADMIN || caller.role() == Role.OFFICE) {
            return true;
        }
        String own = caller.department();
        if (own == null) {
            return false;
        }
        return x.involves(own) || (x.state() == ExchangeState.DISPUTED || x.state() == ExchangeState.DECIDED)
                && registry.justice().map(j -> j.code().equals(own)).orElse(false)
                || x.state() == ExchangeState.APPROVED && participants(x).contains(own); // a joint action's units
    }

    private static String ownUnit(Client caller) {
        return caller.role() == Role.OPERATOR || caller.role() == Role.ADMIN ? null : caller.department();
    }

    private static String ruleOf(Exchange x) {
        return x.state() == ExchangeState.DISPUTED ? "R-TRANSFER-BOUNDARY" : LetterChecks.ruleOf(x.kind());
    }
}
