package org.onex.hub.policy;

import static org.onex.hub.config.YamlDocument.pointer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.onex.hub.config.ConfigException.Problem;
import org.onex.hub.config.YamlDocument;
import org.onex.hub.policy.SharingPolicy.CategoryRule;
import org.onex.hub.registry.Department;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;

/**
 * Keeps {@code config/departments.yaml} and {@code config/sharing-policy.yaml} from contradicting each other. The
 * registry states what each unit is wired to provide and consume; the policy states what a unit of its kind may
 * ever provide and receive (R-CATEGORIES). A registry entry beyond the policy is reported at its own line in
 * departments.yaml, naming the policy rule it breaks. The registry may grant less than the policy (a department
 * without cameras does not provide C6); that is no contradiction.
 */
final class RegistryCrossCheck {

    private RegistryCrossCheck() {
    }

    static List<Problem> check(SharingPolicy policy, DepartmentRegistry registry, Path registryFile) {
        YamlDocument doc = YamlDocument.load(registryFile);
        List<Problem> problems = new ArrayList<>();
        List<Department> units = registry.all(); // in file order, as read from this document
        for (int i = 0; i < units.size(); i++) {
            Department unit = units.get(i);
            Role role = roleOf(unit);
            JsonList provides = new JsonList(doc, pointer("departments", i, "provides"));
            for (int j = 0; j < provides.size(); j++) {
                Category c = Category.valueOf(provides.text(j));
                if (!policy.admitsProvider(unit, c)) {
                    CategoryRule rule = policy.rule(c).orElseThrow();
                    problems.add(doc.problem(provides.at(j), unit.code() + " (" + SharingPolicy.key(role)
                            + ") provides " + c + ", but " + rule.where() + " categories." + c + ".providers allows only "
                            + rule.providers() + " to provide it (R-CATEGORIES)"));
                }
            }
            JsonList consumes = new JsonList(doc, pointer("departments", i, "consumes"));
            for (int j = 0; j < consumes.size(); j++) {
                Category c = Category.valueOf(consumes.text(j));
                if (policy.access(role, c) == Access.NONE) {
                    CategoryRule rule = policy.rule(c).orElseThrow();
                    problems.add(doc.problem(consumes.at(j), unit.code() + " (" + SharingPolicy.key(role)
                            + ") consumes " + c + ", but " + rule.where() + " categories." + c
                            + ".consumers gives " + SharingPolicy.key(role) + " nothing of it (R-CATEGORIES)"));
                }
            }
        }
        return problems;
    }

    /** The role a unit's clients have: the Justice Bureau's are DEPARTMENT clients (it takes part in exchanges only). */
    static Role roleOf(Department unit) {
        return unit.kind() == org.onex.hub.registry.DepartmentKind.JUSTICE ? Role.DEPARTMENT
                : Role.valueOf(unit.kind().name());
    }

    /** A list in the registry document, with the pointer of each item for messages. */
    private record JsonList(YamlDocument doc, String pointer) {
        int size() {
            return doc.root().at(pointer).size();
        }

        String text(int i) {
            return doc.root().at(pointer).get(i).asText();
        }

        String at(int i) {
            return pointer + "/" + i;
        }
    }
}
