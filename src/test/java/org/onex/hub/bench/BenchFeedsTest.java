package org.onex.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onex.hub.mapping.CompiledMapping;
import org.onex.hub.mapping.MappingRegistry;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Category;

/** The departments scenario's feeds (issue 18): one per providing unit, mappings the hub accepts, rows split. */
class BenchFeedsTest {

    private static final DepartmentRegistry REGISTRY = DepartmentRegistry.load(Path.of("config/departments.yaml"));

    @Test
    void everyUnitThatProvidesDataGetsAFeedOfACategoryItMayProvide() {
        List<BenchFeeds.Feed> feeds = BenchFeeds.of(REGISTRY);

        assertThat(feeds).hasSize(14); // issue 18: "the registry's size"; the office and the justice bureau provide nothing
        assertThat(feeds).extracting(BenchFeeds.Feed::department).doesNotHaveDuplicates()
                .doesNotContain("ldxzbgs", "sfj").contains("zhzf", "scjgj", "qxj");
        assertThat(feeds).allSatisfy(f -> assertThat(REGISTRY.require(f.department()).mayProvide(f.category())).isTrue());
        assertThat(feeds).filteredOn(f -> f.department().equals("zhzf")).singleElement()
                .satisfies(f -> assertThat(f.category()).isEqualTo(Category.C5)); // the bureau provides no C2
        assertThat(feeds.get(1).routeId()).startsWith(feeds.get(1).department() + "-");
    }

    @Test
    void theWrittenMappingsLoadIntoTheHubsMappingRegistry(@TempDir Path dir) throws Exception {
        List<BenchFeeds.Feed> feeds = BenchFeeds.of(REGISTRY);

        Path written = BenchFeeds.writeMappings(Path.of("mappings"), dir.resolve("mappings"), feeds);
        MappingRegistry mappings = MappingRegistry.load(written, REGISTRY, new DefaultCamelContext());

        assertThat(mappings.all()).hasSize(feeds.size());
        for (BenchFeeds.Feed f : feeds) {
            CompiledMapping m = mappings.require(f.department(), f.feed());
            assertThat(m.category()).isEqualTo(f.category());
        }
    }

    @Test
    void aTemplateWithoutTheLineToReplaceIsRefused() {
        BenchFeeds.Feed feed = BenchFeeds.of(REGISTRY).get(1);

        assertThatThrownBy(() -> BenchFeeds.mapping("department: scjgj\nfeed: licences\n", feed))
                .hasMessageContaining("0 lines matching");
    }

    @Test
    void rowsAreSplitAsEvenlyAsWholeRowsAllow() {
        int[][] cases = { { 200_000, 14 }, { 20_000, 14 }, { 14, 14 }, { 15, 14 } };
        for (int[] c : cases) {
            int[] sizes = BenchFeeds.split(c[0], c[1]);
            assertThat(sizes).hasSize(c[1]);
            assertThat(Arrays.stream(sizes).sum()).isEqualTo(c[0]);
            assertThat(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt()).isLessThanOrEqualTo(1);
        }
        assertThat(BenchFeeds.split(200_000, 14)[0]).isEqualTo(14_286);
        assertThatThrownBy(() -> BenchFeeds.split(13, 14)).hasMessageContaining("cannot split 13 rows over 14");
    }
}
