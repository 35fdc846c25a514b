package org.onex.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.policy.SharingPolicy;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.registry.RegistryConfiguration;
import org.onex.hub.schema.HubJson;
import org.onex.hub.store.DeliveryStore;
import org.onex.hub.store.FeedRow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A feed page under the project's own sharing policy (R-CATEGORIES): the bureau gets the stored bytes as they are,
 * a masked role the masked view — also of an ID number in a remark column no field rule names, and of a 长期
 * licence written as the department wrote it (issue 18 feed path, judged by value).
 */
class RecordViewsPageTest {

    private static final Path CONFIG = Path.of("config");
    private static final String ID = "330723198506120313";

    /** As RecordStore writes a licence of a natural person: canonical, sorted, the version id still 0. */
    private static final String STORED = """
            {"body":{"BZ":"经营者身份证%s，联系电话13812345678","XK_JDRQ":"2024-03-05","XK_XDR_MC":"周小明",\
            "XK_YXQZ":"长期","XK_ZT":"1"},"category":"C2","document":{"decisionDate":"2024-03-05",\
            "number":"武市监许〔2024〕201号"},"flags":[],"identity":{"contentHash":"%s","department":"scjgj",\
            "feed":"licences","recordId":71,"sourceKey":"武市监许〔2024〕201号","sourceSystem":"市场监管行政许可系统",\
            "version":2,"versionId":0},"recordType":"LICENCE","status":"VALID","subject":{"idNumber":"%s",\
            "kind":"NATURAL_PERSON","name":"周小明"},"times":{"storedAt":"2026-12-06T03:00:00Z"},"urgent":false}"""
            .formatted(ID, "cd".repeat(32), ID);

    private final RecordViews views;

    RecordViewsPageTest() {
        DepartmentRegistry registry = DepartmentRegistry.load(CONFIG.resolve(RegistryConfiguration.FILE_NAME));
        SharingPolicy policy = SharingPolicy.load(CONFIG.resolve(SharingPolicy.FILE), registry,
                CONFIG.resolve(RegistryConfiguration.FILE_NAME));
        // no C3 on the page: the delivery look-up of concerned units is never asked
        views = new RecordViews(new SharingEnforcer(policy, registry), new DeliveryStore(null));
    }

    @Test
    void theBureauGetsTheStoredBytesAndAMaskedRoleTheMaskedView_R_CATEGORIES() throws Exception {
        List<FeedRow> rows = List.of(new FeedRow(5, 71, 2, 9_001, "C2", "LICENCE", "scjgj",
                STORED.getBytes(StandardCharsets.UTF_8)));

        String bureau = HubJson.write(views.page(new Client("bureau-app", Role.BUREAU, null), rows).items());
        RecordViews.Page operatorPage = views.page(new Client("ops-1", Role.OPERATOR, null), rows);
        String operator = HubJson.write(operatorPage.items());

        // the bureau (unmasked, allow "*"): the stored text, the identity filled in, the feed position last
        assertThat(bureau).isEqualTo("[" + STORED.replace("\"versionId\":0", "\"versionId\":9001")
                .replaceFirst("}$", ",\"feedSeq\":5}") + "]");
        // an operator: the ID number masked wherever it is, the licence's 长期 left as written
        JsonNode item = HubJson.mapper().readTree(operator).get(0);
        assertThat(operator).doesNotContain(ID).doesNotContain("13812345678");
        assertThat(item.at("/body/BZ").asText()).contains("330723********0313");
        assertThat(item.at("/body/XK_YXQZ").asText()).isEqualTo("长期");
        assertThat(item.at("/identity/versionId").asLong()).isEqualTo(9_001);
        assertThat(item.path("feedSeq").asLong()).isEqualTo(5);
        assertThat(operatorPage.recordIds()).containsExactly(71L);
    }

    @Test
    void aRoleThatReceivesNothingOfTheCategoryGetsNothing_R_CATEGORIES() {
        List<FeedRow> rows = List.of(new FeedRow(5, 71, 2, 9_001, "C2", "LICENCE", "scjgj",
                STORED.getBytes(StandardCharsets.UTF_8)));

        RecordViews.Page page = views.page(new Client("jtysj-app", Role.DEPARTMENT, "jtysj"), rows);

        assertThat(page.items()).isEmpty(); // departments receive no other department's C2
        assertThat(page.recordIds()).isEmpty();
    }
}
