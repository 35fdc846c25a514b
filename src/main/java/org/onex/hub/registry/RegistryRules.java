package org.onex.hub.registry;

import static org.onex.hub.config.YamlDocument.pointer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.schema.Category;

/**
 * The registry rules a JSON Schema cannot express, checked after the schema passed:
 * codes are unique, there is exactly one BUREAU and at most one JUSTICE, and the decision categories stay with their
 * owners (R-CATEGORIES: C2 are the departments' decisions, C3 the bureau's).
 */
final class RegistryRules {

    private RegistryRules() {
    }

    /** All rule violations of a schema-valid file, in file order; {@code departments} is its content. */
    static List<Problem> check(YamlDocument doc, List<Department> departments) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        int firstBureau = -1;
        int firstJustice = -1;
        for (int i = 0; i < departments.size(); i++) {
            Department d = departments.get(i);
            Integer first = firstIndex.putIfAbsent(d.code(), i);
            if (first != null) {
                problems.add(doc.problem(pointer("departments", i, "code"), "duplicate code '" + d.code()
                        + "', already used by " + where(doc, first)));
            }
            if (d.kind() == DepartmentKind.BUREAU) {
                if (firstBureau < 0) {
                    firstBureau = i;
                } else {
                    problems.add(doc.problem(pointer("departments", i, "kind"), "a second BUREAU; exactly one is"
                            + " allowed and '" + departments.get(firstBureau).code() + "' is the bureau ("
                            + where(doc, firstBureau) + ")"));
                }
            }
            if (d.kind() == DepartmentKind.JUSTICE) {
                if (firstJustice < 0) {
                    firstJustice = i;
                } else {
                    problems.add(doc.problem(pointer("departments", i, "kind"), "a second JUSTICE; at most one decides"
                            + " jurisdiction disputes and '" + departments.get(firstJustice).code() + "' does ("
                            + where(doc, firstJustice) + ")"));
                }
            }
            ownership(doc, i, d, problems);
        }
        if (firstBureau < 0) {
            problems.add(doc.problem(pointer("departments"), "no entry has kind BUREAU; exactly one is required"));
        }
        return problems;
    }

    /** R-CATEGORIES: only the bureau provides C3 (its decisions), only departments provide C2 (theirs). */
    private static void ownership(YamlDocument doc, int i, Department d, List<Problem> problems) {
        List<String> provides = new ArrayList<>();
        doc.root().path("departments").path(i).path("provides").forEach(c -> provides.add(c.asText()));
        if (d.kind() != DepartmentKind.BUREAU && d.mayProvide(Category.C3)) {
            problems.add(doc.problem(pointer("departments", i, "provides", provides.indexOf("C3")),
                    "only the BUREAU provides C3 (bureau decisions, R-CATEGORIES)"));
        }
        if (d.kind() != DepartmentKind.DEPARTMENT && d.mayProvide(Category.C2)) {
            problems.add(doc.problem(pointer("departments", i, "provides", provides.indexOf("C2")),
                    "only a DEPARTMENT provides C2 (department decisions, R-CATEGORIES)"));
        }
    }

    private static String where(YamlDocument doc, int index) {
        String at = pointer("departments", index);
        return doc.key(at) + " at line " + doc.line(at);
    }
}
