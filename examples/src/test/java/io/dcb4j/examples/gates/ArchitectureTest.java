package io.dcb4j.examples.gates;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.ThrowsDeclaration;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.dcb4j.examples.gates.ProviderRoles.Presence;
import io.dcb4j.examples.gates.ProviderRoles.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Architecture gates over the main code of the library modules (the published ones: core, the providers,
 * testkit), read with ArchUnit from each module's {@code target/classes}. The modules come from the poms, so a
 * new provider module is checked without any edit here.
 */
class ArchitectureTest {

    /**
     * Public signatures of non-internal packages that name an internal type today. The list may only shrink: the
     * test fails for a violation that is not listed and for a listed one that no longer occurs.
     */
    static final Set<String> KNOWN_INTERNAL_TYPES_IN_PUBLIC_SIGNATURES = Set.of(
            "io.dcb4j.testkit.b2maoc.B2mAocSimulator (superclass) names io.dcb4j.testkit.internal.AbstractSimulator",
            "io.dcb4j.testkit.camara.CamaraSimulator (superclass) names io.dcb4j.testkit.internal.AbstractSimulator",
            "io.dcb4j.testkit.centili.CentiliSimulator (superclass) names io.dcb4j.testkit.internal.AbstractSimulator",
            "io.dcb4j.testkit.eclipsevas.EclipseVasSimulator (superclass) names io.dcb4j.testkit.internal.AbstractSimulator",
            "io.dcb4j.testkit.eklectic.EklecticSimulator (superclass) names io.dcb4j.testkit.internal.AbstractSimulator",
            "io.dcb4j.testkit.infomedia.InfomediaSimulator (superclass) names io.dcb4j.testkit.internal.AbstractSimulator");

    /** Packages without a package-info.java today. The list may only shrink, as above. */
    static final Set<String> KNOWN_PACKAGES_WITHOUT_PACKAGE_INFO = Set.of();

    private static JavaClasses library;
    private static Map<String, Reactor.Module> moduleOfClass;

    @BeforeAll
    static void importLibraryModules() {
        List<Reactor.Module> published = Reactor.published();
        moduleOfClass = published.stream().flatMap(m -> Reactor.classNames(m).stream().map(c -> Map.entry(c, m)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        library = new ClassFileImporter().importPaths(published.stream().map(Reactor.Module::classes).toList());
    }

    static Stream<Reactor.Module> publishedModules() {
        return Reactor.published().stream();
    }

    static Stream<Reactor.Module> providerModules() {
        return Reactor.providers().stream();
    }

    @Test
    void theProviderModulesAreFound() {
        assertThat(Reactor.providers()).as("provider modules (published, registering a BillingProviderFactory)")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(library.size()).isGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedModules")
    void noModuleUsesAnotherProvidersPackages(Reactor.Module module) {
        String[] others = Reactor.providers().stream().filter(p -> !p.equals(module))
                .map(p -> p.rootPackage() + "..").toArray(String[]::new);
        ArchRule rule = noClasses().that(belongTo(module)).should().dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("a provider module depends on core only, and core and testkit on no provider");
        rule.check(library);
    }

    @Test
    void noLibraryCodeWritesToStandardStreams() {
        // the examples' CLI prints its output: only the library modules are imported here
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("library code logs through SLF4J; System.out, System.err and printStackTrace are for"
                        + " applications")
                .check(library);
    }

    @Test
    void noInternalTypeInAPublicSignatureOfANonInternalPackage() {
        Set<String> violations = violations(INTERNAL_TYPES_STAY_INTERNAL.evaluate(library));
        assertThat(violations).as("internal types in public signatures (move the type out of internal, or keep it"
                + " out of the signature)").isSubsetOf(KNOWN_INTERNAL_TYPES_IN_PUBLIC_SIGNATURES);
        assertThat(KNOWN_INTERNAL_TYPES_IN_PUBLIC_SIGNATURES).as("fixed: remove from"
                + " KNOWN_INTERNAL_TYPES_IN_PUBLIC_SIGNATURES").isSubsetOf(violations);
    }

    @Test
    void theInternalTypeRuleSeesEverySignatureAndOnlyTheReachableOnes() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("io.dcb4j.examples.gates.fixtures");
        String leaky = "io.dcb4j.examples.gates.fixtures.Leaky";
        String secret = "io.dcb4j.examples.gates.fixtures.internal.Secret";
        String api = "io.dcb4j.examples.gates.fixtures.internal.SecretApi";
        assertThat(violations(INTERNAL_TYPES_STAY_INTERNAL.evaluate(fixtures))).containsExactlyInAnyOrder(
                leaky + " (superclass) names " + secret,
                leaky + " (interfaces) names " + api,
                leaky + ".field names " + secret,
                leaky + ".listField names " + secret,
                leaky + ".<init>(" + secret + ") names " + secret,
                leaky + ".find() names " + secret,
                leaky + ".bound(" + api + ") names " + api,
                leaky + ".fails() names io.dcb4j.examples.gates.fixtures.internal.SecretException",
                leaky + ".accept(" + api + ") names " + api);
    }

    @Test
    void theStandardStreamsRuleSeesAPrintln() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("io.dcb4j.examples.gates.fixtures");
        assertThat(GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.evaluate(fixtures)
                .getFailureReport().getDetails()).singleElement().asString()
                .contains("Leaky.print()", "System.out");
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Reactor.Module module : Reactor.published()) {
            Path sources = module.mainJava();
            try (Stream<Path> files = Files.walk(sources)) {
                Set<Path> packages = files.filter(f -> f.getFileName().toString().endsWith(".java")
                        && !f.getFileName().toString().equals("module-info.java")).map(Path::getParent)
                        .collect(Collectors.toCollection(TreeSet::new));
                for (Path dir : packages) {
                    if (!Files.isRegularFile(dir.resolve("package-info.java"))) {
                        missing.add(sources.relativize(dir).toString().replace('/', '.').replace('\\', '.'));
                    }
                }
            }
        }
        assertThat(missing).as("packages without package-info.java").isSubsetOf(KNOWN_PACKAGES_WITHOUT_PACKAGE_INFO);
        assertThat(KNOWN_PACKAGES_WITHOUT_PACKAGE_INFO).as("fixed: remove from KNOWN_PACKAGES_WITHOUT_PACKAGE_INFO")
                .isSubsetOf(missing);
    }

    @Test
    void theEnforcedRolesAreKnownRoles() {
        assertThat(ProviderRoles.ROLES.stream().map(Role::name)).doesNotHaveDuplicates()
                .containsAll(ProviderRoles.ENFORCED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerModules")
    void providerClassesAreNamedByTheirRoles(Reactor.Module provider) {
        List<String> problems = new ArrayList<>();
        for (Role role : ProviderRoles.enforced()) {
            String expected = role.classOf(provider);
            if (role.presence() == Presence.REQUIRED && !library.contain(expected)) {
                problems.add(role.name() + ": " + expected + " is missing");
            }
            role.type().ifPresent(type -> library.stream().filter(belongTo(provider))
                    .filter(c -> c.isTopLevelClass() && !c.isInterface() && !c.getModifiers()
                            .contains(JavaModifier.ABSTRACT))
                    .filter(c -> isOfType(c, type))
                    .filter(c -> !c.getName().equals(expected))
                    .forEach(c -> problems.add(role.name() + ": " + c.getName() + " is of type " + type
                            + " and must be named " + expected)));
        }
        assertThat(problems).as(provider + " follows the provider roles of ProviderRoles.ENFORCED").isEmpty();
    }

    private static boolean isOfType(JavaClass c, String simpleName) {
        return c.getAllRawSuperclasses().stream().anyMatch(s -> s.getSimpleName().equals(simpleName))
                || c.getAllRawInterfaces().stream().anyMatch(i -> i.getSimpleName().equals(simpleName));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static DescribedPredicate<JavaClass> belongTo(Reactor.Module module) {
        return DescribedPredicate.describe("belong to " + module.dir(),
                c -> module.equals(moduleOfClass.get(c.getName())));
    }

    static boolean internal(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains("internal");
    }

    private static DescribedPredicate<JavaClass> inNonInternalPackage() {
        return DescribedPredicate.describe("are in a non-internal package", c -> !internal(c.getPackageName()));
    }

    /** Public or protected, and so are its enclosing classes; not anonymous, local or synthetic. */
    private static DescribedPredicate<JavaClass> accessible() {
        return DescribedPredicate.describe("are accessible from other packages", ArchitectureTest::isAccessible);
    }

    private static boolean isAccessible(JavaClass c) {
        for (JavaClass t = c; t != null; t = t.getEnclosingClass().orElse(null)) {
            Set<JavaModifier> m = t.getModifiers();
            if (t.isAnonymousClass() || t.isLocalClass() || m.contains(JavaModifier.SYNTHETIC)
                    || !(m.contains(JavaModifier.PUBLIC) || m.contains(JavaModifier.PROTECTED))) {
                return false;
            }
        }
        return true;
    }

    private static boolean visibleMember(JavaClass owner, JavaMember member) {
        Set<JavaModifier> m = member.getModifiers();
        if (m.contains(JavaModifier.SYNTHETIC) || m.contains(JavaModifier.BRIDGE)) {
            return false;
        }
        boolean subclassable = !owner.getModifiers().contains(JavaModifier.FINAL) && !owner.isEnum()
                && !owner.isRecord();
        return m.contains(JavaModifier.PUBLIC) || (m.contains(JavaModifier.PROTECTED) && subclassable);
    }

    /** Public signatures of accessible classes of non-internal packages name no type of an internal package. */
    static final ArchRule INTERNAL_TYPES_STAY_INTERNAL = classes().that(inNonInternalPackage()).and(accessible())
            .should(notExposeInternalTypes());

    /** Supertypes, type parameter bounds, and visible fields, constructors and methods name no internal type. */
    private static ArchCondition<JavaClass> notExposeInternalTypes() {
        return new ArchCondition<>("not name an internal type in a public signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Set<String> found = new LinkedHashSet<>();
                Function<Collection<? extends JavaType>, Set<JavaClass>> raw = types -> types.stream()
                        .flatMap(t -> t.getAllInvolvedRawTypes().stream()).collect(Collectors.toSet());
                c.getSuperclass().ifPresent(s -> report(found, c.getName() + " (superclass)", raw.apply(List.of(s))));
                report(found, c.getName() + " (interfaces)", raw.apply(c.getInterfaces()));
                report(found, c.getName() + " (type parameter bounds)", bounds(c.getTypeParameters()));
                for (JavaField f : c.getFields()) {
                    if (visibleMember(c, f)) {
                        report(found, f.getFullName(), raw.apply(List.of(f.getType())));
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!visibleMember(c, u)) {
                        continue;
                    }
                    Set<JavaClass> types = new LinkedHashSet<>(raw.apply(u.getParameterTypes()));
                    if (u instanceof JavaMethod method) {
                        types.addAll(raw.apply(List.of(method.getReturnType())));
                    }
                    types.addAll(bounds(u.getTypeParameters()));
                    u.getThrowsClause().forEach((ThrowsDeclaration<?> t) -> types.add(t.getRawType()));
                    report(found, u.getFullName(), types);
                }
                found.forEach(v -> events.add(SimpleConditionEvent.violated(c, v)));
            }
        };
    }

    private static Set<JavaClass> bounds(List<? extends JavaTypeVariable<?>> variables) {
        return variables.stream().flatMap(v -> v.getUpperBounds().stream())
                .flatMap(b -> b.getAllInvolvedRawTypes().stream()).collect(Collectors.toSet());
    }

    private static void report(Set<String> found, String where, Set<JavaClass> types) {
        types.stream().filter(t -> internal(t.getPackageName())).map(JavaClass::getName).sorted()
                .forEach(t -> found.add(where + " names " + t));
    }

    private static Set<String> violations(EvaluationResult result) {
        return new TreeSet<>(result.getFailureReport().getDetails());
    }
}
