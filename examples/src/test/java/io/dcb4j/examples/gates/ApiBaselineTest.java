package io.dcb4j.examples.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.examples.gates.ApiSignatures.Line;
import io.dcb4j.examples.gates.ApiSignatures.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public API of every published module equals its committed API files ({@code <module>/api/*.api}), so that
 * every API change shows in review. With {@code -Ddcb4j.api.update=true} the files are rewritten instead.
 */
class ApiBaselineTest {

    static Stream<Reactor.Module> publishedModules() {
        return Reactor.published().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedModules")
    void apiFilesMatchTheCompiledClasses(Reactor.Module module) {
        Map<String, String> expected = ApiBaseline.render(module.artifactId(), ApiBaseline.compiled(module));
        if (Boolean.getBoolean(ApiBaseline.UPDATE_PROPERTY)) {
            ApiBaseline.write(module.basedir().resolve("api"), expected);
            return;
        }
        check(module.dir() + "/api", ApiBaseline.committed(module.basedir().resolve("api")), expected);
    }

    /** Fails with the diff and the update command when the committed files differ from the expected ones. */
    static void check(String where, Map<String, String> committed, Map<String, String> expected) {
        List<String> differences = ApiBaseline.differences(where, committed, expected);
        if (!differences.isEmpty()) {
            throw new AssertionError("The public API differs from the committed API files (- committed,"
                    + " + compiled):\n" + String.join("\n", differences) + "\n\nIf the change is intended, update"
                    + " the API files with\n    " + ApiBaseline.UPDATE_COMMAND + "\nand commit them with the"
                    + " change.");
        }
    }

    @Test
    void aChangedSignatureFailsWithTheDiffAndTheUpdateCommand() {
        Reactor.Module core = Reactor.published().stream().filter(m -> m.dir().equals("core")).findFirst()
                .orElseThrow();
        Map<String, String> expected = ApiBaseline.render(core.artifactId(), ApiBaseline.compiled(core));
        String publicFile = core.artifactId() + ".api";
        String removed = expected.get(publicFile).lines().filter(l -> !l.startsWith("#") && l.contains("("))
                .findFirst().orElseThrow();

        Map<String, String> doctored = new LinkedHashMap<>(expected);
        doctored.put(publicFile, expected.get(publicFile).replace(removed + "\n", "")
                + "io.dcb4j.core.Gone: public final class Gone\n");

        assertThatThrownBy(() -> check("core/api", doctored, expected))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("core/api/" + publicFile + ":")
                .hasMessageContaining("  - io.dcb4j.core.Gone: public final class Gone")
                .hasMessageContaining("  + " + removed)
                .hasMessageContaining(ApiBaseline.UPDATE_COMMAND);
    }

    @Test
    void aMissingFileAndAStaleFileFail() {
        Map<String, String> expected = Map.of("x.api", "# header\na: public class A\n");
        assertThatThrownBy(() -> check("m/api", Map.of(), expected)).hasMessageContaining("m/api/x.api (missing):")
                .hasMessageContaining("  + a: public class A");
        Map<String, String> stale = Map.of("x.api", "a: public class A\n", "x-spi.api", "b: public class B\n");
        assertThatThrownBy(() -> check("m/api", stale, expected))
                .hasMessageContaining("m/api/x-spi.api (no longer has any signature: delete it):")
                .hasMessageContaining("  - b: public class B");
    }

    @Test
    void commentsBlankLinesAndTheHeaderAreNotCompared() {
        Map<String, String> expected = Map.of("x.api", "# header\na: public class A\n");
        check("m/api", Map.of("x.api", "# another header\n\na: public class A\n"), expected);
    }

    @Test
    void internalAndSpiPackagesGoToTheirOwnFiles() {
        assertThat(Section.of("io.dcb4j.core")).isEqualTo(Section.PUBLIC);
        assertThat(Section.of("io.dcb4j.core.spi")).isEqualTo(Section.SPI);
        assertThat(Section.of("io.dcb4j.core.spi.http")).isEqualTo(Section.SPI);
        assertThat(Section.of("io.dcb4j.core.internal.http")).isEqualTo(Section.INTERNAL);
        assertThat(Section.of("io.dcb4j.internals")).isEqualTo(Section.PUBLIC);
        List<Line> lines = List.of(new Line(Section.PUBLIC, "a.A", 0, "a.A: x"),
                new Line(Section.SPI, "a.spi.B", 0, "a.spi.B: y"), new Line(Section.INTERNAL, "a.internal.C", 0,
                        "a.internal.C: z"));
        Map<String, String> files = ApiBaseline.render("m", lines);
        assertThat(files).containsOnlyKeys("m.api", "m-spi.api", "m-internal.api");
        assertThat(files.get("m-spi.api")).contains("a.spi.B: y").doesNotContain("a.A: x");
    }

    /** The renderer, on fixtures with every kind of member. */
    @Test
    void rendersDeclarationsAsSourceWritesThem() {
        List<String> lines = ApiSignatures.of(List.of(ApiSamples.Hidden.class,
                ApiSamples.Sample.class, ApiSamples.Pair.class, ApiSamples.Shape.class, ApiSamples.Square.class,
                ApiSamples.Circle.class)).stream().map(Line::text).toList();
        String sample = "io.dcb4j.examples.gates.ApiSamples.Sample: ";
        String pair = "io.dcb4j.examples.gates.ApiSamples.Pair: ";
        String shape = "io.dcb4j.examples.gates.ApiSamples.Shape: ";
        String square = "io.dcb4j.examples.gates.ApiSamples.Square: ";
        String circle = "io.dcb4j.examples.gates.ApiSamples.Circle: ";
        assertThat(lines).containsExactly(
                circle + "public enum Circle implements io.dcb4j.examples.gates.ApiSamples.Shape",
                circle + "enum constant UNIT",
                circle + "public abstract double area()",
                circle + "public static io.dcb4j.examples.gates.ApiSamples.Circle valueOf(java.lang.String)",
                circle + "public static io.dcb4j.examples.gates.ApiSamples.Circle[] values()",
                pair + "public record Pair<A>(A left, java.util.List<A> right) implements java.io.Serializable",
                pair + "public Pair(A, java.util.List<A>)",
                pair + "public A left()",
                pair + "public final boolean equals(java.lang.Object)",
                pair + "public final int hashCode()",
                pair + "public final java.lang.String toString()",
                pair + "public java.util.List<A> right()",
                pair + "public static <A> io.dcb4j.examples.gates.ApiSamples.Pair<A> of(A)",
                sample + "public abstract static class Sample<T extends java.lang.Comparable<? super T>> extends"
                        + " io.dcb4j.examples.gates.ApiSamples.Hidden implements java.util.function.Supplier<T>",
                sample + "protected java.util.List<? extends java.lang.Number> numbers",
                sample + "public static final int LIMIT",
                sample + "public Sample(java.lang.String...)",
                sample + "@Deprecated public static java.util.Map.Entry<java.lang.String, java.util.List<"
                        + "java.lang.Integer>> entry()",
                sample + "protected abstract <R> java.util.Optional<R> map(java.util.function.Function<? super T, R>,"
                        + " int[][]) throws java.io.IOException",
                sample + "public java.lang.String inherited() (from io.dcb4j.examples.gates.ApiSamples.Hidden)",
                shape + "public sealed interface Shape permits io.dcb4j.examples.gates.ApiSamples.Circle,"
                        + " io.dcb4j.examples.gates.ApiSamples.Square",
                shape + "public default java.lang.String label()",
                shape + "public double area()",
                square + "public static final class Square implements io.dcb4j.examples.gates.ApiSamples.Shape",
                square + "public Square()",
                square + "public double area()");
    }
}
