package io.dcb4j.examples.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads each published module's compiled descriptor: no internal package is open to the world. */
class ModuleDescriptorsTest {

    @ParameterizedTest
    @CsvSource({"core,io.dcb4j.core", "eklectic,io.dcb4j.eklectic", "infomedia,io.dcb4j.infomedia",
            "eclipse-vas,io.dcb4j.eclipsevas", "centili,io.dcb4j.centili", "b2m-aoc,io.dcb4j.b2maoc",
            "micrometer,io.dcb4j.micrometer", "testkit,io.dcb4j.testkit"})
    void exportsEveryPublicPackageAndNoInternalOne(String dir, String name) {
        Path classes = Path.of("..", dir, "target", "classes");
        assertThat(Files.exists(classes.resolve("module-info.class"))).as(classes + " has a module descriptor")
                .isTrue();
        ModuleDescriptor d = ModuleFinder.of(classes).findAll().stream().map(ModuleReference::descriptor)
                .findFirst().orElseThrow();
        assertThat(d.name()).isEqualTo(name);
        Set<String> unqualified = d.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        Set<String> publicPackages = d.packages().stream().filter(p -> !p.contains(".internal"))
                .collect(Collectors.toSet());
        assertThat(unqualified).as("exported to everyone").containsExactlyInAnyOrderElementsOf(publicPackages);
        d.exports().stream().filter(e -> e.source().contains(".internal")).forEach(e -> assertThat(e.targets())
                .as(e.source() + " is exported only to dcb4j modules").isNotEmpty()
                .allMatch(t -> t.startsWith("io.dcb4j.")));
        assertThat(d.opens()).allMatch(o -> o.isQualified(), "packages are opened only to named modules");
        if (!name.equals("io.dcb4j.core") && !name.equals("io.dcb4j.testkit") && !name.equals("io.dcb4j.micrometer")) {
            assertThat(d.provides()).extracting(ModuleDescriptor.Provides::service)
                    .containsExactly("io.dcb4j.core.spi.BillingProviderFactory");
        }
    }
}
