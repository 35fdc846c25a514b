package org.onex.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published JSON Schema of the stored envelope agrees with what HubJson writes and with the Java enums. */
class HubRecordSchemaTest {

    private static final ObjectMapper MAPPER = HubJson.mapper();
    private static final HubRecord LICENCE = SampleRecords.licence();
    private static final HubRecord PENALTY = SampleRecords.penalty();
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = HubRecordSchemaTest.class.getResourceAsStream("/schema/hub-record-v1.schema.json")) {
            schemaNode = MAPPER.readTree(in);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode, config);
    }

    static Stream<HubRecord> storedSamples() {
        return SampleRecords.all().stream().map(r -> SampleRecords.stored(r, 42));
    }

    @ParameterizedTest
    @MethodSource("storedSamples")
    void storedRecordsConform(HubRecord r) {
        assertThat(schema.validate(MAPPER.valueToTree(r))).isEmpty();
    }

    @Test
    void maskedAndLegacyIdNumbersConform() {
        for (String id : List.of("330723********1239", "330723900101123", "330723*****1123", "11010519491231002X")) {
            ObjectNode json = json(SampleRecords.personPenalty());
            ((ObjectNode) json.get("subject")).put("idNumber", id);
            assertThat(schema.validate(json)).as(id).isEmpty();
        }
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                bad("unknown category C9", PENALTY, j -> j.put("category", "C9"), "/category"),
                bad("licence filed as C3", LICENCE, j -> j.put("category", "C3"), "/category"),
                bad("unknown record type", PENALTY, j -> j.put("recordType", "PERMIT"), "/recordType"),
                bad("unknown status", PENALTY, j -> j.put("status", "ACTIVE"), "/status"),
                bad("urgent as text", PENALTY, j -> j.put("urgent", "yes"), "/urgent"),
                bad("unknown subject kind", LICENCE, j -> obj(j, "subject").put("kind", "COMPANY"), "/subject/kind"),
                bad("credit code with I", LICENCE, j -> obj(j, "subject").put("creditCode", "91330723IA2HQ8B77W"),
                        "/subject/creditCode"),
                bad("ID number with blanks and punctuation", PENALTY, j -> obj(j, "subject").put("idNumber", "330723 1990-0101 1239"),
                        "/subject/idNumber"),
                bad("decision date not ISO", PENALTY, j -> obj(j, "document").put("decisionDate", "2024/3/5"),
                        "/document/decisionDate"),
                bad("impossible decision date", PENALTY, j -> obj(j, "document").put("decisionDate", "2023-02-29"),
                        "/document/decisionDate"),
                bad("storedAt not a date-time", PENALTY, j -> obj(j, "times").put("storedAt", "2024-06-01 08:00"),
                        "/times/storedAt"),
                bad("storedAt missing", PENALTY, j -> obj(j, "times").remove("storedAt"), "/times"),
                bad("decision without number", PENALTY, j -> obj(j, "document").remove("number"), "/document"),
                bad("decision without subject", PENALTY, j -> j.remove("subject"), ""),
                bad("fine in jiao", PENALTY, j -> obj(obj(j, "body"), "CF_NR_FK").put("unit", "JIAO"),
                        "/body/CF_NR_FK/unit"),
                bad("negative fine", PENALTY, j -> obj(obj(j, "body"), "CF_NR_FK").put("amount", -1.5),
                        "/body/CF_NR_FK/amount"),
                bad("fine as bare number", PENALTY, j -> obj(j, "body").put("CF_NR_FK", 1.5), "/body/CF_NR_FK"),
                bad("content hash not hex", PENALTY, j -> obj(j, "identity").put("contentHash", "abc"),
                        "/identity/contentHash"),
                bad("no identity", PENALTY, j -> j.remove("identity"), ""),
                bad("unknown top-level field", PENALTY, j -> j.put("extra", 1), ""),
                bad("unknown document field", PENALTY, j -> obj(j, "document").put("fine", 1), "/document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void brokenEnvelopesFail(String name, HubRecord base, Consumer<ObjectNode> change, String location) {
        ObjectNode json = json(base);
        assertThat(schema.validate(json)).as("unchanged").isEmpty();
        change.accept(json);
        Set<ValidationMessage> errors = schema.validate(json);
        assertThat(errors).extracting(m -> m.getInstanceLocation().toString())
                .contains(location);
    }

    @Test
    void identifiesItself() {
        assertThat(schemaNode.get("$id").asText()).isEqualTo("https://onex-hub.example/schema/hub-record-v1.json");
        assertThat(schemaNode.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schemaNode.get("title").asText()).isNotBlank();
    }

    @Test
    void enumsMatchTheJavaTypes() {
        JsonNode p = schemaNode.get("properties");
        assertThat(texts(p.at("/category/enum"))).containsExactlyElementsOf(names(Category.values()));
        assertThat(texts(p.at("/recordType/enum"))).containsExactlyElementsOf(names(RecordType.values()));
        assertThat(texts(p.at("/status/enum"))).containsExactlyElementsOf(names(RecordStatus.values()));
        assertThat(texts(p.at("/subject/properties/kind/enum"))).containsExactlyElementsOf(names(SubjectKind.values()));
        assertThat(texts(schemaNode.at("/$defs/money/properties/unit/enum")))
                .containsExactlyElementsOf(names(Money.MoneyUnit.values()));
    }

    @Test
    void recordTypeToCategoryRulesMatchRecordType() {
        Map<RecordType, Category> fromSchema = new EnumMap<>(RecordType.class);
        for (JsonNode rule : schemaNode.get("allOf")) {
            JsonNode type = rule.at("/if/properties/recordType");
            JsonNode category = rule.at("/then/properties/category/const");
            if (type.isMissingNode() || category.isMissingNode()) {
                continue;
            }
            List<String> types = type.has("const") ? List.of(type.get("const").asText()) : texts(type.get("enum"));
            types.forEach(t -> fromSchema.put(RecordType.valueOf(t), Category.valueOf(category.asText())));
        }
        Map<RecordType, Category> fromJava = new EnumMap<>(RecordType.class);
        Arrays.stream(RecordType.values()).forEach(t -> fromJava.put(t, t.category()));
        assertThat(fromSchema).isEqualTo(fromJava);
    }

    private static Arguments bad(String name, HubRecord base, Consumer<ObjectNode> change, String location) {
        return Arguments.of(name, base, change, location);
    }

    private static ObjectNode json(HubRecord r) {
        return MAPPER.valueToTree(SampleRecords.stored(r, 42));
    }

    private static ObjectNode obj(ObjectNode parent, String field) {
        return (ObjectNode) parent.get(field);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
