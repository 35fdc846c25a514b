package org.onex.hub.policy;

import java.nio.file.Path;

import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.registry.RegistryConfiguration;
import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The project's own {@code config/departments.yaml} and {@code config/sharing-policy.yaml}, and hub records of
 * each category as the store writes them. Names are invented; ID numbers carry correct check characters.
 */
final class SharingFixtures {

    static final Path CONFIG = Path.of("config");
    static final String PERSON_ID = "330723198506120313";
    static final String PERSON_ID_MASKED = "330723********0313";

    static final Client BUREAU = new Client("bureau-app", Role.BUREAU, null);
    static final Client JTYSJ = new Client("jtysj-app", Role.DEPARTMENT, "jtysj");
    static final Client JSJ = new Client("jsj-app", Role.DEPARTMENT, "jsj");
    static final Client OFFICE = new Client("office-app", Role.OFFICE, null);
    static final Client OPERATOR = new Client("ops-1", Role.OPERATOR, null);
    static final Client ADMIN = new Client("admin-1", Role.ADMIN, null);

    private SharingFixtures() {
    }

    static DepartmentRegistry registry() {
        return DepartmentRegistry.load(CONFIG.resolve(RegistryConfiguration.FILE_NAME));
    }

    static SharingPolicy policy(DepartmentRegistry registry) {
        return SharingPolicy.load(CONFIG.resolve(SharingPolicy.FILE), registry,
                CONFIG.resolve(RegistryConfiguration.FILE_NAME));
    }

    static SharingEnforcer enforcer() {
        DepartmentRegistry registry = registry();
        return new SharingEnforcer(policy(registry), registry);
    }

    /** A licence (C2) of the market supervision bureau for a natural person (a food stall). */
    static ObjectNode personLicence() {
        return json("""
                {"identity":{"recordId":11,"version":1,"versionId":21,"contentHash":"%s","department":"scjgj",
                  "feed":"licences","sourceKey":"武市监许〔2024〕201号"},
                 "category":"C2","recordType":"LICENCE","status":"VALID","urgent":false,
                 "subject":{"name":"周小明","kind":"NATURAL_PERSON","idNumber":"%s"},
                 "document":{"number":"武市监许〔2024〕201号","decisionDate":"2024-03-05","authority":"武义县市场监督管理局"},
                 "times":{"storedAt":"2024-03-05T08:05:00Z"},
                 "body":{"XK_XDR_MC":"周小明","XK_XDR_ZJHM":"%s","XK_LXDH":"13812345678",
                   "XK_NR":"食品摊贩登记，备用电话13912345678"},
                 "flags":[]}
                """.formatted(hash(), PERSON_ID, PERSON_ID));
    }

    /** A penalty decision (C3) of the bureau on a natural person; the decision concerns the transport bureau. */
    static ObjectNode personPenalty() {
        return json("""
                {"identity":{"recordId":12,"version":1,"versionId":22,"contentHash":"%s","department":"zhzf",
                  "feed":"penalties","sourceKey":"武综执罚决字〔2024〕第00032号"},
                 "category":"C3","recordType":"PENALTY_DECISION","status":"VALID","urgent":false,
                 "subject":{"name":"周小明","kind":"NATURAL_PERSON","idNumber":"%s"},
                 "document":{"number":"武综执罚决字〔2024〕第00032号","decisionDate":"2024-03-06",
                   "authority":"武义县综合行政执法局","authorityCreditCode":"11330723002543316D",
                   "matterCode":"330723-ZHZF-JTYS-001"},
                 "times":{"storedAt":"2024-03-06T01:00:00Z"},
                 "body":{"CF_XDR_MC":"周小明","CF_XDR_ZJHM":"%s","CF_CFLB":"罚款",
                   "CF_SY":"当事人（身份证号%s，电话13812345678）未取得道路运输经营许可",
                   "CF_NR_FK":{"amount":0.30,"unit":"WAN_YUAN"}}}
                """.formatted(hash(), PERSON_ID, PERSON_ID, PERSON_ID));
    }

    /** A penalty decision (C3) on a company: its name and credit code are public, its legal representative not. */
    static ObjectNode companyPenalty() {
        return json("""
                {"identity":{"recordId":13,"version":1,"versionId":23,"contentHash":"%s","department":"zhzf",
                  "feed":"penalties","sourceKey":"武综执罚决字〔2024〕第00031号"},
                 "category":"C3","recordType":"PENALTY_DECISION","status":"VALID","urgent":false,
                 "subject":{"name":"武义示例餐饮管理有限公司","kind":"LEGAL_PERSON","creditCode":"91330723MA2KG3CX0N",
                   "legalRepresentative":"张三"},
                 "document":{"number":"武综执罚决字〔2024〕第00031号","decisionDate":"2024-03-05"},
                 "times":{"storedAt":"2024-03-05T03:00:00Z"},
                 "body":{"CF_XDR_MC":"武义示例餐饮管理有限公司","CF_XDR_SHXYM":"91330723MA2KG3CX0N","CF_FRDB":"张三"}}
                """.formatted(hash()));
    }

    /** A record of {@code category} provided by {@code department}, without personal data. */
    static ObjectNode plain(String category, String recordType, String department) {
        return json("""
                {"identity":{"recordId":14,"version":1,"versionId":24,"contentHash":"%s","department":"%s",
                  "feed":"f","sourceKey":"k-1"},
                 "category":"%s","recordType":"%s","status":"VALID","urgent":false,
                 "times":{"storedAt":"2024-03-05T03:00:00Z"},
                 "body":{"TITLE":"%s"}}
                """.formatted(hash(), department, category, recordType, recordType));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) HubJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String hash() {
        return "a".repeat(64);
    }
}
