package org.onex.hub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.auth.BrokerRoles;
import org.onex.hub.policy.Client;
import org.onex.hub.policy.Role;
import org.onex.hub.policy.SharingEnforcer;
import org.onex.hub.policy.SharingPolicy;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.registry.RegistryConfiguration;
import org.onex.hub.schema.Category;

/**
 * The feed's Artemis addresses and their consumers follow the sharing policy and the registry (issue 6 item 2):
 * computed through {@link SharingEnforcer#access}, never a matrix of their own.
 */
class FeedTopicsTest {

    static final Path CONFIG = Path.of("config");

    @Test
    void theShippedPolicyGivesEachRoleATopicPerCategoryItReceivesAll() {
        FeedTopics topics = topics(CONFIG);
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String c : List.of("C1", "C2", "C4", "C5", "C6", "C7")) {
            expected.put("hub.feed.bureau." + c, Set.of("bureau"));
        }
        expected.put("hub.feed.department.C1", Set.of("department"));
        for (String c : List.of("C3", "C4")) {
            expected.put("hub.feed.office." + c, Set.of("office"));
        }
        for (String c : List.of("C1", "C2", "C3", "C4", "C5", "C7")) {
            expected.put("hub.feed.operator." + c, Set.of("operator"));
        }
        expected.put("hub.feed.admin.C1", Set.of("admin"));
        Map<String, Set<String>> roleTopics = new TreeMap<>();
        for (Category c : Category.values()) {
            topics.forRoles(c).forEach(t -> roleTopics.put(t.address(), t.consumers()));
        }
        assertThat(roleTopics).isEqualTo(expected);
    }

    /**
     * R-PENALTY-FEEDBACK: each department has a C3 topic of its own; issue 15: and a C7 topic for the exchanges
     * addressed to it. No other category is "own".
     */
    @Test
    void eachDepartmentHasItsOwnC3TopicOnlyItMayConsume() {
        FeedTopics topics = topics(CONFIG);
        Map<String, FeedTopic> c3 = topics.forUnits(Category.C3);
        assertThat(c3).hasSize(13).containsKeys("scjgj", "zrzyj", "qxj");
        FeedTopic scjgj = c3.get("scjgj");
        assertThat(scjgj.address()).isEqualTo("hub.feed.department.scjgj.C3");
        assertThat(scjgj.consumers()).containsExactly("department:scjgj");
        assertThat(scjgj.viewers()).containsExactly(new Client("feed:department:scjgj", Role.DEPARTMENT, "scjgj"));
        for (Category c : Category.values()) {
            assertThat(topics.hasUnitTopics(c)).as(c.name()).isEqualTo(c == Category.C3 || c == Category.C7);
        }
    }

    /** A unit of a role that the registry does not wire for a category is left out, by name. */
    @Test
    void whenOnlySomeDepartmentsReceiveACategoryTheTopicNamesThem(@TempDir Path dir) throws Exception {
        Files.copy(CONFIG.resolve(SharingPolicy.FILE), dir.resolve(SharingPolicy.FILE));
        String registry = Files.readString(CONFIG.resolve(RegistryConfiguration.FILE_NAME));
        String fgj = "code: fgj\n";
        int at = registry.indexOf(fgj);
        int consumes = registry.indexOf("consumes: [C1, C3, C7]", at);
        Files.writeString(dir.resolve(RegistryConfiguration.FILE_NAME), registry.substring(0, consumes)
                + "consumes: [C3, C7]" + registry.substring(consumes + "consumes: [C1, C3, C7]".length()));

        FeedTopic c1 = topics(dir).forRoles(Category.C1).stream()
                .filter(t -> t.address().equals("hub.feed.department.C1")).findFirst().orElseThrow();
        assertThat(c1.consumers()).hasSize(12).contains("department:scjgj").doesNotContain("department:fgj",
                "department");
        assertThat(c1.viewers()).extracting(Client::department).doesNotContain("fgj");
    }

    /** A unit sees its own records unmasked: a shared topic's message is built for a unit that did not provide it. */
    @Test
    void aSharedTopicIsViewedByAUnitThatDidNotProvideTheRecord() {
        FeedTopic c1 = topics(CONFIG).forRoles(Category.C1).stream()
                .filter(t -> t.address().equals("hub.feed.department.C1")).findFirst().orElseThrow();
        String first = c1.viewers().get(0).department();
        assertThat(c1.viewerFor("zhzf").department()).isEqualTo(first);
        assertThat(c1.viewerFor(first).department()).isNotEqualTo(first);
    }

    @Test
    void brokerSettingsKeepEverythingElseForTheHub() {
        Map<String, Set<String>> settings = new ArtemisSecurity(topics(CONFIG)).settings();
        assertThat(settings.get("#")).isEmpty();
        assertThat(settings.get("hub.alerts")).containsExactlyInAnyOrder("operator", "admin");
        assertThat(settings).doesNotContainKeys("hub.feed.C1", "hub.feed.C3", "hub.delivery.#", "hub.feed.bureau.C3");
        assertThat(settings.get("hub.feed.department.scjgj.C3")).containsExactly("department:scjgj");
    }

    /** The broker roles of a client; a mis-mapped client gets none (it must not widen access). */
    @Test
    void clientsGetTheirRoleAndUnitAsBrokerRoles() {
        SharingEnforcer enforcer = enforcer(CONFIG);
        Map<Client, Set<String>> cases = new LinkedHashMap<>();
        cases.put(new Client("a", Role.DEPARTMENT, "scjgj"), Set.of("department", "department:scjgj"));
        cases.put(new Client("b", Role.BUREAU, null), Set.of("bureau", "bureau:zhzf"));
        cases.put(new Client("c", Role.OFFICE, null), Set.of("office", "office:ldxzbgs"));
        cases.put(new Client("d", Role.OPERATOR, null), Set.of("operator"));
        cases.put(new Client("e", Role.ADMIN, null), Set.of("admin"));
        cases.put(new Client("f", Role.DEPARTMENT, "nosuch"), Set.of());
        cases.put(new Client("g", Role.DEPARTMENT, "zhzf"), Set.of()); // the bureau's code on a department key
        cases.forEach((client, roles) -> assertThat(BrokerRoles.of(client, enforcer)).as(client.toString())
                .isEqualTo(roles));
        assertThat(cases.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .doesNotContain(BrokerRoles.HUB);
    }

    static SharingEnforcer enforcer(Path config) {
        DepartmentRegistry registry = DepartmentRegistry.load(config.resolve(RegistryConfiguration.FILE_NAME));
        SharingPolicy policy = SharingPolicy.load(config.resolve(SharingPolicy.FILE), registry,
                config.resolve(RegistryConfiguration.FILE_NAME));
        return new SharingEnforcer(policy, registry);
    }

    static FeedTopics topics(Path config) {
        DepartmentRegistry registry = DepartmentRegistry.load(config.resolve(RegistryConfiguration.FILE_NAME));
        SharingPolicy policy = SharingPolicy.load(config.resolve(SharingPolicy.FILE), registry,
                config.resolve(RegistryConfiguration.FILE_NAME));
        return new FeedTopics(new SharingEnforcer(policy, registry), registry);
    }
}
