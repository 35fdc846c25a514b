package org.onex.hub.api;

import java.time.Instant;
import java.util.Set;

import org.onex.hub.notice.Notice;
import org.onex.hub.notice.NoticeStore;
import org.onex.hub.notice.Notices;
import org.onex.hub.policy.Client;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /api/v1/notices} (R-CHANNEL): the 抄告 copy notices issued to units without a system — listed, downloaded
 * as PDF to print, and receipted by an operator with the short code of the signed slip (and, optionally, the
 * SHA-256 of its scan uploaded with {@code PUT /api/v1/attachments}).
 */
@RestController
@RequestMapping(path = "/api/v1/notices", produces = MediaType.APPLICATION_JSON_VALUE)
public class NoticeApi {

    private static final Set<String> PARAMS = Set.of("department", "open", "cursor", "limit");

    private final NoticeStore store;
    private final Notices notices;

    public NoticeApi(NoticeStore store, Notices notices) {
        this.store = store;
        this.notices = notices;
    }

    /** A notice with where to download it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeView(long id, String number, String department, long deliveryId, long recordId, int version,
            String documentNumber, String title, String shortCode, Instant issuedAt, Instant receiptedAt,
            String receiptedBy, String receiptScan, String pdf) implements ApiAnswer {

        static NoticeView of(Notice n) {
            return new NoticeView(n.id(), n.number(), n.department(), n.deliveryId(), n.recordId(), n.version(),
                    n.documentNumber(), n.title(), n.shortCode(), n.issuedAt(), n.receiptedAt(), n.receiptedBy(),
                    n.receiptScan(), "/api/v1/notices/" + n.id() + "/pdf");
        }
    }

    @GetMapping
    public Page<NoticeView> list(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, PARAMS);
        String asked = q.matching("department", "[a-z][a-z0-9]{1,15}", "a department code");
        String department = Callers.departmentIfConfined(Callers.current(), asked);
        boolean open = "true".equals(q.matching("open", "true|false", "true or false"));
        long before = Cursors.decode("notices", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        return Page.of(store.list(department, open, before < 0 ? null : before, limit).stream().map(NoticeView::of)
                .toList(), limit, "notices", NoticeView::id);
    }

    /** The notice as issued, to print (the unit itself, the bureau, operators). */
    @GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable("id") String id, HttpServletRequest request) {
        QueryParams.of(request, Set.of());
        Notice n = find(id);
        Callers.departmentIfConfined(Callers.current(), n.department());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + n.number() + ".pdf\"")
                .body(store.pdf(n.id()).orElseThrow());
    }

    /** An operator records the receipt of a signed slip: {@code shortCode}, {@code by} (the signer's post), {@code scan}. */
    @PostMapping(path = "/receipt", consumes = MediaType.APPLICATION_JSON_VALUE)
    public NoticeView receipt(@RequestBody(required = false) byte[] body) {
        JsonNode json = ApiBodies.json(body, "the receipt");
        String code = json.path("shortCode").asText("");
        if (code.isBlank()) {
            throw ApiException.badParameter("shortCode", "shortCode (printed on the receipt slip) is required");
        }
        String scan = json.path("scan").asText(null);
        if (scan != null && !scan.matches("[0-9a-f]{64}")) {
            throw ApiException.badParameter("scan", "scan is the SHA-256 of the slip's scan (PUT /api/v1/attachments)");
        }
        Client client = Callers.current();
        return notices.receiptByCode(client, code, json.path("by").asText(null), scan).map(NoticeView::of)
                .orElseThrow(() -> ApiException.notFound("no notice with short code " + code));
    }

    private Notice find(String raw) {
        long id = ApiBodies.id(raw, "notice");
        return store.find(id).orElseThrow(() -> ApiException.notFound("no notice " + id));
    }
}
