package io.dcb4j.examples.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CONTRIBUTING's list of the files a new provider adds and the existing files it touches holds for every provider
 * module of the reactor, and core names no provider: adding a provider needs no edit to core.
 */
class NewProviderFilesTest {

    private static final Pattern ROW = Pattern.compile("^\\| (adds|touches) \\| `([^`]+)` \\| (always|where it applies) \\|$");

    record Row(String change, String file, boolean always) {
        Path fileFor(Reactor.Module provider) {
            String segment = provider.dir().replace("-", "");
            return Reactor.root().resolve(file.replace("io/dcb4j/foo", provider.rootPackage().replace('.', '/'))
                    .replace("testkit/foo/", "testkit/" + segment + "/")
                    .replace("Foo", provider.namePrefix()).replace("foo", provider.dir()));
        }
    }

    static List<Row> rows() throws IOException {
        String text = Files.readString(Reactor.root().resolve("CONTRIBUTING.md"));
        int start = text.indexOf("<!-- provider-files:start -->");
        int end = text.indexOf("<!-- provider-files:end -->");
        assertThat(start).as("CONTRIBUTING.md has the provider-files markers").isNotNegative();
        List<Row> rows = new ArrayList<>();
        for (String line : text.substring(start, end).split("\n")) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.add(new Row(m.group(1), m.group(2), m.group(3).equals("always")));
            }
        }
        return rows;
    }

    @Test
    void everyProviderHasTheFilesItAddsAndIsNamedInTheFilesItTouches() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).as("rows of the list").hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        for (Reactor.Module provider : Reactor.providers()) {
            boolean someOptionalFound = false;
            for (Row row : rows) {
                Path file = row.fileFor(provider);
                if (row.change().equals("adds")) {
                    if (Files.isRegularFile(file)) {
                        someOptionalFound |= !row.always();
                    } else if (row.always()) {
                        problems.add(provider + ": missing " + Reactor.root().relativize(file));
                    }
                } else {
                    String content = Files.readString(Reactor.root().resolve(row.file()));
                    String segment = "." + provider.dir().replace("-", "") + ".";
                    if (!content.contains(provider.dir()) && !content.contains(provider.rootPackage())
                            && !content.contains(segment)) {
                        problems.add(provider + ": " + row.file() + " does not name it");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void coreAndTheBuildConfigurationNameNoProvider() throws IOException {
        List<String> ids = Reactor.providers().stream().map(Reactor.Module::dir).toList();
        List<String> packages = Reactor.providers().stream().map(Reactor.Module::rootPackage).toList();
        List<String> problems = new ArrayList<>();
        Path coreMain = Reactor.root().resolve("core/src/main");
        try (Stream<Path> files = Files.walk(coreMain)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String content = Files.readString(f);
                for (String pkg : packages) {
                    if (content.contains(pkg + ".") || content.contains(pkg + ";") || content.contains(pkg + ",")) {
                        problems.add(Reactor.root().relativize(f) + " names " + pkg);
                    }
                }
            }
        }
        // the root pom lists the modules and their versions, and nothing else about them (no plugin configuration)
        String pom = Files.readString(Reactor.root().resolve("pom.xml"));
        String rest = pom.replaceAll("(?s)<modules>.*?</modules>", "")
                .replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "");
        for (String id : ids) {
            if (rest.toLowerCase(Locale.ROOT).contains(id)) {
                problems.add("pom.xml names " + id + " outside <modules> and <dependencyManagement>");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theListIsReadFromTheMarkers() throws IOException {
        assertThat(rows()).extracting(Row::file).contains("pom.xml", "foo/src/main/java/io/dcb4j/foo/FooClient.java");
        Reactor.Module eclipse = Reactor.providers().stream().filter(m -> m.dir().equals("eclipse-vas")).findFirst()
                .orElseThrow();
        assertThat(new Row("adds", "foo/src/main/java/io/dcb4j/foo/internal/FooWire.java", true).fileFor(eclipse))
                .isEqualTo(Reactor.root().resolve("eclipse-vas/src/main/java/io/dcb4j/eclipsevas/internal/EclipseVasWire.java"));
    }
}
