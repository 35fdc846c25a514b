package org.onex.hub.ops;


import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.connect.TemplateContract;
import org.onex.hub.connect.TemplateContract.Parameter;
import org.onex.hub.ingest.file.FileFeedSpec;
import org.onex.hub.ingest.file.SftpSourceTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code validate} checks of {@code routes/*.camel.yaml}: each entry instantiates a hub template with its
 * declared parameters only, has a route id unique across all route files, names a registered department and, for a
 * source, a feed with a mapping; what it names in the settings is checked by {@link RouteSettingsCheck}. Values
 * written as {@code {{placeholders}}} are taken as they are.
 */
final class RouteFileCheck {

    private final Predicate<String> departmentKnown;
    private final BiPredicate<String, String> mappingExists;
    private final RouteSettingsCheck settings;
    private final List<Problem> problems;
    /** Where each route id was first seen, across all route files of one run. */
    private final Map<String, Problem> routeIds = new HashMap<>();

    /**
     * @param departmentKnown true for a registered department; null when departments.yaml is broken (not checked)
     * @param mappingExists   true when a department's feed has a mapping
     * @param settings        checks what a route names in the settings (data sources, SFTP servers, inboxes)
     * @param problems        where problems are added
     */
    RouteFileCheck(Predicate<String> departmentKnown, BiPredicate<String, String> mappingExists,
            RouteSettingsCheck settings, List<Problem> problems) {
        this.departmentKnown = departmentKnown;
        this.mappingExists = mappingExists;
        this.settings = settings;
        this.problems = problems;
    }

    /** Checks one parsed route file. */
    void check(YamlDocument doc) {
        JsonNode root = doc.root();
        if (!root.isArray()) {
            problems.add(doc.problem("", "expected a list of templatedRoute entries"));
            return;
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            if (entry.size() == 1 && entry.has("route")) {
                // a plain route is the hub team's business; only its id must not clash
                if (entry.path("route").hasNonNull("id")) {
                    routeId(doc, YamlDocument.pointer(i, "route", "id"), entry.path("route").path("id"));
                }
            } else if (entry.size() == 1 && entry.has("templatedRoute")) {
                templatedRoute(doc, YamlDocument.pointer(i, "templatedRoute"), entry.get("templatedRoute"));
            } else {
                problems.add(doc.problem(YamlDocument.pointer(i), "expected templatedRoute (a hub template with"
                        + " parameters) or route"));
            }
        }
    }

    private void templatedRoute(YamlDocument doc, String at, JsonNode route) {
        String ref = route.path("routeTemplateRef").asText("").trim();
        routeId(doc, at + "/routeId", route.path("routeId"));
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> pointers = new LinkedHashMap<>();
        parameters(doc, at + "/parameters", route.path("parameters"), values, pointers);
        if (ref.isEmpty()) {
            problems.add(doc.problem(at + "/routeTemplateRef", "routeTemplateRef is missing (one of "
                    + TemplateContracts.ids() + ")"));
            return;
        }
        TemplateContract contract = TemplateContracts.find(ref).orElse(null);
        if (contract == null) {
            problems.add(doc.problem(at + "/routeTemplateRef", "unknown template '" + ref + "' (known: "
                    + TemplateContracts.ids() + ")"));
            return;
        }
        pointers.forEach((name, pointer) -> {
            Optional<Parameter> parameter = contract.parameter(name);
            if (parameter.isEmpty()) {
                problems.add(doc.problem(pointer + "/name", ref + " has no parameter '" + name + "' (known: "
                        + contract.names() + ")"));
            } else if (values.containsKey(name)) {
                typed(doc, pointer, parameter.get(), values.get(name));
            }
        });
        for (Parameter p : contract.parameters()) {
            if (p.required() && !values.containsKey(p.name())) {
                problems.add(doc.problem(at + "/parameters", ref + " needs parameter " + p.name()));
            }
        }
        for (List<String> group : contract.oneOf()) {
            if (group.stream().noneMatch(values::containsKey)) {
                problems.add(doc.problem(at + "/parameters", ref + " needs parameter " + String.join(" or ",
                        group)));
            }
        }
        String department = values.get("department");
        boolean knownDepartment = department == null || placeholder(department) || departmentKnown == null
                || departmentKnown.test(department);
        if (!knownDepartment) {
            problems.add(doc.problem(pointers.get("department") + "/value", "department '" + department
                    + "' is not in config/departments.yaml"));
        }
        String feed = values.get("feed");
        if (contract.source() && knownDepartment && department != null && feed != null
                && !placeholder(department) && !placeholder(feed) && !mappingExists.test(department, feed)) {
            problems.add(doc.problem(pointers.get("feed") + "/value", "no mapping for department '" + department
                    + "' feed '" + feed + "' (mappings/" + department + "/" + feed + ".yaml)"));
        }
        if (ref.equals(SftpSourceTemplate.ID)) {
            fileFeed(doc, values, pointers);
        }
        settings.check(doc, ref, values, pointers);
    }

    /**
     * A value of the parameter's type (placeholders are taken as they are: their settings are checked by
     * {@link RouteSettingsCheck}), and a secret never written out in the file.
     */
    private void typed(YamlDocument doc, String pointer, Parameter parameter, String value) {
        if (parameter.secret() && !value.contains("{{")) {
            problems.add(doc.problem(pointer + "/value", parameter.name() + " is a secret: give it as"
                    + " \"{{env:NAME}}\" or a setting, never written in the route file"));
        } else if (!placeholder(value)) {
            parameter.type().problem(value).ifPresent(reason -> problems.add(doc.problem(pointer + "/value",
                    parameter.name() + ": " + reason)));
        }
    }

    /** Collects the non-blank parameter values by name and each parameter's pointer; flags malformed entries. */
    private void parameters(YamlDocument doc, String at, JsonNode list, Map<String, String> values,
            Map<String, String> pointers) {
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            problems.add(doc.problem(at, "expected a list of { name, value }"));
            return;
        }
        for (int j = 0; j < list.size(); j++) {
            String p = at + "/" + j;
            String name = list.get(j).path("name").asText("").trim();
            JsonNode value = list.get(j).path("value");
            if (name.isEmpty()) {
                problems.add(doc.problem(p, "parameter without a name"));
            } else if (pointers.containsKey(name)) {
                problems.add(doc.problem(p + "/name", "parameter '" + name + "' is given twice (first at line "
                        + doc.line(pointers.get(name)) + ")"));
            } else {
                pointers.put(name, p);
                if (!value.isValueNode() || value.asText().isBlank()) {
                    problems.add(doc.problem(p, "parameter '" + name + "' has no value"));
                } else {
                    values.put(name, value.asText().trim());
                }
            }
        }
    }

    /** sftp-source format, encoding, sheet and batchSize, by the rules the template applies when it starts. */
    private void fileFeed(YamlDocument doc, Map<String, String> values, Map<String, String> pointers) {
        String department = values.getOrDefault("department", "?");
        String feed = values.getOrDefault("feed", "?");
        String format = values.get("format");
        if (format != null && !placeholder(format)) {
            boolean formatOk = fileFeedRule(doc, pointers.get("format"), () -> FileFeedSpec.of(department, feed,
                    format, null, null, null));
            String sheet = values.get("sheet");
            if (formatOk && sheet != null) {
                fileFeedRule(doc, pointers.get("sheet"), () -> FileFeedSpec.of(department, feed, format, null, sheet,
                        null));
            }
        }
        String encoding = values.get("encoding");
        if (encoding != null && !placeholder(encoding)) {
            fileFeedRule(doc, pointers.get("encoding"), () -> FileFeedSpec.of(department, feed, "csv", encoding, null,
                    null));
        }
        String batchSize = values.get("batchSize");
        if (batchSize != null && batchSize.matches("-?\\d{1,9}")) {
            fileFeedRule(doc, pointers.get("batchSize"), () -> FileFeedSpec.of(department, feed, "csv", null, null,
                    Integer.valueOf(batchSize)));
        }
    }

    /** Runs one of FileFeedSpec's checks; false (and a problem at the parameter) when it refuses the value. */
    private boolean fileFeedRule(YamlDocument doc, String pointer, Runnable rule) {
        try {
            rule.run();
            return true;
        } catch (IllegalArgumentException e) {
            problems.add(doc.problem(pointer + "/value", e.getMessage()));
            return false;
        }
    }

    private void routeId(YamlDocument doc, String pointer, JsonNode id) {
        String text = id.asText("").trim();
        if (text.isEmpty()) {
            problems.add(doc.problem(pointer, "routeId is missing (start it with the department code)"));
            return;
        }
        Problem here = doc.problem(pointer, "");
        Problem first = routeIds.putIfAbsent(text, here);
        if (first != null) {
            problems.add(doc.problem(pointer, "routeId '" + text + "' is already used at " + first.file() + ":"
                    + first.line()));
        }
    }

    private static boolean placeholder(String value) {
        return value.contains("{{");
    }
}
