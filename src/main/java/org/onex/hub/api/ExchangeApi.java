package org.onex.hub.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

import org.onex.hub.exchange.Answer;
import org.onex.hub.exchange.Attachments;
import org.onex.hub.exchange.Exchange;
import org.onex.hub.exchange.ExchangeKind;
import org.onex.hub.exchange.ExchangeRefusedException;
import org.onex.hub.exchange.ExchangeState;
import org.onex.hub.exchange.ExchangeStore;
import org.onex.hub.exchange.Exchanges;
import org.onex.hub.exchange.Letter;
import org.onex.hub.policy.Client;
import org.onex.hub.schema.HubJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /api/v1/exchanges} (issue 15): cooperation exchanges between the bureau and the departments — case
 * transfers, judicial transfers, assistance requests — submitted, listed, read with their history and materials,
 * and answered ({@code POST /api/v1/exchanges/{id}/{action}}); {@code /api/v1/attachments} stores and serves
 * their attachments by SHA-256. A refusal is 422 with one reason per item ({@code refusals}); acting for another
 * unit is 403.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ExchangeApi {

    private static final Set<String> PARAMS = Set.of("unit", "role", "kind", "state", "cursor", "limit");

    private final Exchanges exchanges;

    public ExchangeApi(Exchanges exchanges) {
        this.exchanges = exchanges;
    }

    /** An exchange in a list: who, what, where it stands and until when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExchangeSummary(long id, String number, ExchangeKind kind, String kindZh, ExchangeState state,
            String stateZh, String sender, String receiver, String receiverWhy, String title, boolean urgent,
            Instant discoveredAt, Instant submittedAt, Instant receivedAt, Instant replyDueAt, Instant answeredAt,
            long recordId, String href) implements ApiAnswer {

        static ExchangeSummary of(Exchange x) {
            return new ExchangeSummary(x.id(), x.number(), x.kind(), x.kind().zh(), x.state(), x.state().zh(),
                    x.sender(), x.receiver(), x.receiverWhy(), x.title(), x.urgent(), x.discoveredAt(),
                    x.submittedAt(), x.receivedAt(), x.replyDueAt(), x.answeredAt(), x.recordId(),
                    "/api/v1/exchanges/" + x.id());
        }
    }

    /** One event of an exchange's history. */
    public record EventView(int seq, Instant at, String actor, String actorUnit, String event, ExchangeState state,
            JsonNode detail) {
    }

    /** One material, with where to download it. */
    public record MaterialView(int eventSeq, String material, String materialZh, String fileName, String sha256,
            String mediaType, long sizeBytes, String href) {
    }

    /** An exchange with its letter (attachments by SHA-256), its history and its materials. */
    public record ExchangeDetail(@JsonUnwrapped ExchangeSummary exchange, JsonNode letter, List<EventView> events,
            List<MaterialView> materials) implements ApiAnswer {
    }

    /** An attachment as stored: its name (SHA-256), the type detected from its bytes, its size. */
    public record AttachmentAnswer(String sha256, String mediaType, long sizeBytes, String href) implements ApiAnswer {
    }

    @PostMapping(path = "/exchanges", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ExchangeDetail submit(@RequestBody(required = false) byte[] body) {
        Letter letter = read(body, Letter.class, "the letter");
        Client client = Callers.current();
        Exchange x = call(() -> exchanges.submit(client, letter));
        return detail(client, x.id());
    }

    @GetMapping("/exchanges")
    public Page<ExchangeSummary> list(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, PARAMS);
        String unit = q.matching("unit", "[a-z][a-z0-9]{1,15}", "a unit code");
        String role = q.matching("role", "sender|receiver", "sender or receiver");
        ExchangeKind kind = enumParam(q, "kind", ExchangeKind.class);
        ExchangeState state = enumParam(q, "state", ExchangeState.class);
        long before = Cursors.decode("exchanges", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        List<Exchange> list = exchanges.list(Callers.current(), unit, role, kind, state, before < 0 ? null : before,
                limit);
        return Page.of(list.stream().map(ExchangeSummary::of).toList(), limit, "exchanges", ExchangeSummary::id);
    }

    @GetMapping("/exchanges/{id}")
    public ExchangeDetail get(@PathVariable("id") String id, HttpServletRequest request) {
        QueryParams.of(request, Set.of());
        return detail(Callers.current(), ApiBodies.id(id, "exchange"));
    }

    /**
     * Does one action to an exchange: {@code receipt}, {@code accept}, {@code return}, {@code dispute}, {@code reply},
     * {@code extend}, {@code extension-answer}, {@code staff-dispatched} or {@code decide}; the body carries what the
     * action needs ({@code caseNumber}, {@code reasons}, {@code text}, {@code newDueDate}, {@code agreed},
     * {@code competentUnit}, {@code materials}).
     */
    @PostMapping("/exchanges/{id}/{action}")
    public ExchangeDetail act(@PathVariable("id") String id, @PathVariable("action") String action,
            @RequestBody(required = false) byte[] body) {
        long exchangeId = ApiBodies.id(id, "exchange");
        Answer.Action a = action(action);
        JsonNode json = ApiBodies.json(body, "the answer");
        if (!json.isObject()) {
            throw ApiException.badParameter("body", "the answer is a JSON object");
        }
        ((ObjectNode) json).put("action", a.name());
        Answer answer = convert(json, Answer.class, "the answer");
        Client client = Callers.current();
        call(() -> exchanges.act(client, exchangeId, answer));
        return detail(client, exchangeId);
    }

    /** Stores an attachment (any bytes; the type is detected from them) to be named in a letter by its SHA-256. */
    @PutMapping("/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    public AttachmentAnswer upload(@RequestBody(required = false) byte[] body) {
        Client client = Callers.current();
        Attachments.Content c = call(() -> exchanges.upload(client, body == null ? new byte[0] : body));
        return new AttachmentAnswer(c.sha256(), c.type().mediaType(), c.bytes().length,
                "/api/v1/attachments/" + c.sha256());
    }

    /** An attachment's bytes, to a caller who may see an exchange carrying it; 404 otherwise. */
    @GetMapping(path = "/attachments/{sha256}", produces = MediaType.ALL_VALUE)
    public ResponseEntity<byte[]> download(@PathVariable("sha256") String sha256, HttpServletRequest request) {
        QueryParams.of(request, Set.of());
        String sha = sha256.toLowerCase(Locale.ROOT);
        if (!sha.matches("[0-9a-f]{64}")) {
            throw ApiException.badParameter("sha256", "'" + sha256 + "' is not a SHA-256 (64 hex digits)");
        }
        ExchangeStore.Stored stored = exchanges.attachment(Callers.current(), sha)
                .orElseThrow(() -> ApiException.notFound("no attachment " + sha + " in an exchange you take part in"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + sha + "\"")
                .header("X-Content-Type-Options", "nosniff").body(stored.bytes());
    }

    private ExchangeDetail detail(Client client, long id) {
        Exchanges.View v = exchanges.view(client, id)
                .orElseThrow(() -> ApiException.notFound("no exchange " + id + " that you take part in"));
        List<EventView> events = v.events().stream().map(e -> new EventView(e.seq(), e.at(), e.actor(), e.actorUnit(),
                e.event(), e.state(), e.detail())).toList();
        List<MaterialView> materials = v.materials().stream().map(m -> new MaterialView(m.eventSeq(),
                m.material().name(), m.material().zh(), m.fileName(), m.sha256(), m.mediaType(), m.sizeBytes(),
                "/api/v1/attachments/" + m.sha256())).toList();
        return new ExchangeDetail(ExchangeSummary.of(v.exchange()), v.exchange().letter(), events, materials);
    }

    /** Runs an exchange call, answering its refusals as 422 with every reason, a foreign unit as 403. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ExchangeRefusedException e) {
            throw new ApiException(422, null, e.getMessage()).with("refusals", e.refusals());
        } catch (SecurityException e) {
            throw new ApiException(403, null, e.getMessage());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private static Answer.Action action(String raw) {
        try {
            return Answer.Action.valueOf(raw.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no action '" + raw + "': one of " + EnumSet.allOf(Answer.Action.class)
                    .stream().map(a -> a.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
    }

    private static <E extends Enum<E>> E enumParam(QueryParams q, String name, Class<E> type) {
        String raw = q.text(name);
        if (raw == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, name + " '" + raw + "' is not one of " + EnumSet.allOf(type));
        }
    }

    private static <T> T read(byte[] body, Class<T> type, String what) {
        return convert(ApiBodies.json(body, what), type, what);
    }

    private static <T> T convert(JsonNode json, Class<T> type, String what) {
        try {
            return HubJson.mapper().treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw ApiException.badParameter("body", what + " cannot be read: " + why);
        }
    }

}
