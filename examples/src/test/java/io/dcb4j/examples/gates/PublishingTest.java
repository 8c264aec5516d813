package io.dcb4j.examples.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The poms carry what Maven Central requires; the BOM lists exactly the published modules, and pins OkHttp's own
 * dependencies at the versions the build uses.
 */
class PublishingTest {

    @Test
    void theBomListsExactlyThePublishedModules() {
        Element bom = Reactor.parse(Reactor.root().resolve("bom/pom.xml"));
        Element managed = Reactor.child(Reactor.child(bom, "dependencyManagement").orElseThrow(), "dependencies")
                .orElseThrow();
        List<String> listed = Reactor.children(managed, "dependency").stream()
                .filter(d -> Reactor.text(d, "groupId").orElseThrow().equals("io.dcb4j"))
                .map(d -> Reactor.text(d, "artifactId").orElseThrow()).toList();
        assertThat(listed).as("bom/pom.xml").containsExactlyInAnyOrderElementsOf(
                Reactor.published().stream().map(Reactor.Module::artifactId).toList());
    }

    @Test
    void theBomPinsKotlinAndOkioAtTheVersionsTheBuildUses() {
        Element parent = Reactor.parse(Reactor.root().resolve("pom.xml"));
        Element bom = Reactor.parse(Reactor.root().resolve("bom/pom.xml"));
        Element managed = Reactor.child(Reactor.child(bom, "dependencyManagement").orElseThrow(), "dependencies")
                .orElseThrow();
        Element parentProperties = Reactor.child(parent, "properties").orElseThrow();
        Element bomProperties = Reactor.child(bom, "properties").orElseThrow();
        for (String[] pin : new String[][] {{"org.jetbrains.kotlin", "kotlin-stdlib", "kotlin.version"},
                {"com.squareup.okio", "okio-jvm", "okio.version"}}) {
            assertThat(Reactor.children(managed, "dependency")).as("bom/pom.xml pins " + pin[1])
                    .anySatisfy(d -> {
                        assertThat(Reactor.text(d, "groupId")).contains(pin[0]);
                        assertThat(Reactor.text(d, "artifactId")).contains(pin[1]);
                        assertThat(Reactor.text(d, "version")).contains("${" + pin[2] + "}");
                    });
            assertThat(Reactor.text(bomProperties, pin[2])).as("bom/pom.xml " + pin[2] + " is the parent's")
                    .isEqualTo(Reactor.text(parentProperties, pin[2])).isPresent();
        }
    }

    @Test
    void theParentAndTheBomCarryCentralsMetadata() {
        for (String pom : List.of("pom.xml", "bom/pom.xml")) {
            Element project = Reactor.parse(Reactor.root().resolve(pom));
            for (String element : List.of("name", "description", "url")) {
                assertThat(Reactor.text(project, element)).as(pom + " <" + element + ">").get().asString()
                        .isNotBlank();
            }
            Element license = Reactor.child(Reactor.child(project, "licenses").orElseThrow(), "license")
                    .orElseThrow();
            assertThat(Reactor.text(license, "name")).as(pom + " license").contains("Apache-2.0");
            assertThat(Reactor.child(Reactor.child(project, "developers").orElseThrow(), "developer"))
                    .as(pom + " <developers>").isPresent();
            Element scm = Reactor.child(project, "scm").orElseThrow();
            assertThat(List.of("connection", "developerConnection", "url")).allSatisfy(e ->
                    assertThat(Reactor.text(scm, e)).as(pom + " <scm><" + e + ">").isPresent());
        }
    }

    @Test
    void everyPublishedModuleDescribesItself() {
        for (Reactor.Module module : Reactor.published()) {
            Element project = Reactor.parse(module.basedir().resolve("pom.xml"));
            assertThat(Reactor.text(project, "name")).as(module + " <name>").isPresent();
            assertThat(Reactor.text(project, "description")).as(module + " <description>").get().asString()
                    .isNotBlank();
        }
    }
}
