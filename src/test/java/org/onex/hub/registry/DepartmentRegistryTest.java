package org.onex.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onex.hub.schema.Category.C1;
import static org.onex.hub.schema.Category.C2;
import static org.onex.hub.schema.Category.C3;
import static org.onex.hub.schema.Category.C4;
import static org.onex.hub.schema.Category.C5;
import static org.onex.hub.schema.Category.C6;
import static org.onex.hub.schema.Category.C7;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The project's real config/departments.yaml: who takes part and what each provides and consumes. */
class DepartmentRegistryTest {

    private static final DepartmentRegistry REGISTRY = DepartmentRegistry.load(Path.of("config/departments.yaml"));

    @Test
    void listsTheBureauTheThirteenDepartmentsTheOfficeAndTheJusticeBureau() {
        assertThat(REGISTRY.all()).extracting(Department::code).containsExactly(
                "zhzf", "fgj", "jsswj", "jyj", "gaj", "zrzyj", "jsj", "jtysj", "swj", "nyncj", "yjglj",
                "scjgj", "sthjj", "qxj", "ldxzbgs", "sfj");
        assertThat(REGISTRY.all()).filteredOn(d -> d.kind() == DepartmentKind.DEPARTMENT).hasSize(13);
        assertThat(REGISTRY.require("ldxzbgs").kind()).isEqualTo(DepartmentKind.OFFICE);
        // R-TRANSFER-BOUNDARY: the Justice Bureau decides jurisdiction disputes; it provides and consumes no data
        assertThat(REGISTRY.justice()).map(Department::code).contains("sfj");
        assertThat(REGISTRY.require("sfj").provides()).isEmpty();
    }

    @Test
    void theBureauProvidesItsDecisions() {
        Department bureau = REGISTRY.bureau();
        assertThat(bureau.code()).isEqualTo("zhzf");
        assertThat(bureau.kind()).isEqualTo(DepartmentKind.BUREAU);
        assertThat(bureau.nameZh()).isEqualTo("县综合行政执法局");
        assertThat(bureau.mayProvide(C3)).isTrue();
        assertThat(bureau.provides()).containsExactly(C1, C3, C4, C5, C6, C7);
        assertThat(bureau.consumes()).containsExactly(C1, C2, C4, C5, C6, C7);
        assertThat(REGISTRY.providersOf(C3)).containsExactly(bureau);
    }

    @Test
    void departmentsProvideTheirDataAndConsumeTheBureauDecisions() {
        Department gaj = REGISTRY.require("gaj");
        assertThat(gaj.nameZh()).isEqualTo("县公安局");
        assertThat(gaj.nameEn()).isEqualTo("County Public Security Bureau");
        assertThat(gaj.provides()).containsExactly(C1, C2, C4, C5, C6, C7);
        assertThat(gaj.consumes()).containsExactly(C1, C3, C7); // issue 15: the exchanges addressed to it
        assertThat(gaj.mayConsume(C3)).isTrue();
        assertThat(gaj.mayConsume(C2)).isFalse();
        assertThat(gaj.creditCode()).isNull();

        Department fgj = REGISTRY.require("fgj");
        assertThat(fgj.provides()).containsExactly(C1, C2, C4, C5, C7);
        assertThat(fgj.mayProvide(C6)).isFalse();
    }

    @Test
    void camerasAreRegisteredForTheSevenCameraDepartmentsAndTheBureau() {
        assertThat(REGISTRY.providersOf(C6)).extracting(Department::code)
                .containsExactly("zhzf", "gaj", "zrzyj", "jsj", "jtysj", "swj", "yjglj", "sthjj");
    }

    @Test
    void theOfficeConsumesForTheAssessment() {
        Department office = REGISTRY.require("ldxzbgs");
        assertThat(office.provides()).isEmpty();
        assertThat(office.consumes()).containsExactly(C3, C4);
        assertThat(REGISTRY.consumersOf(C3)).hasSize(14);
        assertThat(REGISTRY.consumersOf(C2)).extracting(Department::code).containsExactly("zhzf");
    }

    @Test
    void liaisonIsARoleNotAPerson() {
        // R-CONTACT: every unit names a liaison post; Appendix 2's individuals never appear in data
        assertThat(REGISTRY.all()).allSatisfy(d -> assertThat(d.liaisonRole()).contains("联络员").contains("liaison"));
        assertThat(REGISTRY.all()).extracting(Department::liaisonRole)
                .noneMatch(r -> r.contains("涂英建") || r.contains("叶杰成") || r.contains("王建峰"));
    }

    @Test
    void lookups() {
        assertThat(REGISTRY.find("swj")).map(Department::nameZh).contains("县水务局");
        assertThat(REGISTRY.find("xyz")).isEmpty();
        assertThatThrownBy(() -> REGISTRY.require("xyz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown department 'xyz'");
        assertThatThrownBy(() -> REGISTRY.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> REGISTRY.bureau().provides().add(C2)).isInstanceOf(UnsupportedOperationException.class);
    }
}
