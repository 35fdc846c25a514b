package org.onex.hub.api;

import java.util.List;
import java.util.Set;

import org.onex.hub.ops.OperatorActions;
import org.onex.hub.policy.Client;
import org.onex.hub.store.Alert;
import org.onex.hub.store.AlertStore;
import org.onex.hub.store.FileEntry;
import org.onex.hub.store.FileLedger;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** Operator views: {@code GET /api/v1/files}, {@code GET /api/v1/alerts}, {@code POST /api/v1/alerts/{id}/ack}. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class OpsApi {

    private static final Set<String> FILE_PARAMS = Set.of("department", "feed", "status", "cursor", "limit");
    private static final Set<String> ALERT_PARAMS = Set.of("department", "kind", "status", "cursor", "limit");
    private static final String DEPARTMENT = "[a-z][a-z0-9]{1,15}";

    private final FileLedger files;
    private final AlertStore alerts;
    private final OperatorActions actions;

    public OpsApi(FileLedger files, AlertStore alerts, OperatorActions actions) {
        this.files = files;
        this.alerts = alerts;
        this.actions = actions;
    }

    @GetMapping("/files")
    public Page<FileEntry> files(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, FILE_PARAMS);
        String status = q.text("status");
        if (status != null && !Set.of(FileEntry.INGESTED, FileEntry.REJECTED, FileEntry.DUPLICATE).contains(status)) {
            throw ApiException.badParameter("status", "status '" + status
                    + "' is not one of [INGESTED, REJECTED, DUPLICATE]");
        }
        long before = Cursors.decode("files", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        Client client = Callers.current();
        List<FileEntry> entries = files.list(Callers.department(client, q.matching("department", DEPARTMENT,
                "a department code")),
                q.text("feed"), status, before < 0 ? null : before, limit);
        return Page.of(entries, limit, "files", FileEntry::id);
    }

    @GetMapping("/alerts")
    public Page<Alert> alerts(HttpServletRequest request) {
        QueryParams q = QueryParams.of(request, ALERT_PARAMS);
        String status = q.text("status");
        if (status != null && !Set.of(Alert.OPEN, Alert.ACKNOWLEDGED).contains(status)) {
            throw ApiException.badParameter("status", "status '" + status + "' is not one of [OPEN, ACKNOWLEDGED]");
        }
        long before = Cursors.decode("alerts", q.text("cursor"), "cursor");
        int limit = q.limit(50, 500);
        Client client = Callers.current();
        List<Alert> list = alerts.list(status, Callers.department(client, q.matching("department", DEPARTMENT,
                "a department code")),
                q.matching("kind", "[A-Z_]{1,48}", "an alert kind"), before < 0 ? null : before, limit);
        return Page.of(list, limit, "alerts", Alert::id);
    }

    /** Body: {@code {"by": "operator name or role", "comment": "what was done"}}. */
    @PostMapping("/alerts/{id}/ack")
    public Alert acknowledge(@PathVariable("id") String raw, @RequestBody(required = false) byte[] body) {
        long id = ApiBodies.id(raw, "alert");
        return actions.acknowledgeAlert(id, Callers.current(), ApiBodies.json(body, "the body").path("comment").asText(""));
    }
}
