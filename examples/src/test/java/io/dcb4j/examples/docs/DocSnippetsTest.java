package io.dcb4j.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md and docs/*.md (provider pages excluded) comes from compiled code:
 * it is preceded by {@code <!-- snippet:NAME -->} and equals, up to common indentation and trailing spaces,
 * the region between {@code // tag::NAME[]} and {@code // end::NAME[]} in the snippet sources.
 */
class DocSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:([A-Za-z0-9_.-]+)\\s*-->\\s*$");
    private static final Pattern TAG = Pattern.compile("//\\s*tag::([A-Za-z0-9_.-]+)\\[\\]");
    private static final Pattern END = Pattern.compile("//\\s*end::([A-Za-z0-9_.-]+)\\[\\]");
    private static final Pattern ANY_TAG_LINE = Pattern.compile("^\\s*//\\s*(tag|end)::[A-Za-z0-9_.-]+\\[\\]\\s*$");

    /** A fenced block of a Markdown file. */
    record Block(Path file, int line, String language, String marker, String text) {
        String where() {
            return root().relativize(file) + ":" + line;
        }
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isDirectory(dir.resolve("examples"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("project root (with README.md, docs/ and examples/) not found");
    }

    /** README.md and docs/*.md; docs/providers/ is left to the provider pages' authors. */
    static List<Path> markdownFiles() {
        Path root = root();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".md")).sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<Block> blocks(Path file) {
        List<String> lines = read(file);
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                String fence = trimmed.substring(0, trimmed.length() - trimmed.replaceFirst("^`+", "").length());
                String language = trimmed.substring(fence.length()).strip();
                int start = i;
                String marker = null;
                for (int j = i - 1; j >= 0; j--) {
                    if (!lines.get(j).isBlank()) {
                        Matcher m = MARKER.matcher(lines.get(j));
                        marker = m.matches() ? m.group(1) : null;
                        break;
                    }
                }
                StringBuilder text = new StringBuilder();
                i++;
                while (i < lines.size() && !lines.get(i).strip().equals(fence)) {
                    text.append(lines.get(i)).append('\n');
                    i++;
                }
                if (i == lines.size()) {
                    fail(root().relativize(file) + ":" + (start + 1) + ": code block never closed");
                }
                blocks.add(new Block(file, start + 1, language, marker, text.toString()));
            }
            i++;
        }
        return blocks;
    }

    /** Every tagged region of the snippet sources, by name. */
    static Map<String, String> regions() {
        Path root = root();
        List<Path> sources = new ArrayList<>();
        for (Path dir : List.of(root.resolve("examples/src/main/java/io/dcb4j/examples/snippets"),
                root.resolve("examples/src/test/java/io/dcb4j/examples/docs"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> regions = new LinkedHashMap<>();
        for (Path source : sources) {
            List<String> lines = read(source);
            Map<String, StringBuilder> open = new LinkedHashMap<>();
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                Matcher tag = TAG.matcher(line);
                Matcher end = END.matcher(line);
                if (ANY_TAG_LINE.matcher(line).matches()) {
                    if (tag.find()) {
                        String name = tag.group(1);
                        assertThat(open).as(source + ":" + (n + 1) + " opens " + name + " twice").doesNotContainKey(name);
                        assertThat(regions).as(source + ":" + (n + 1) + ": tag " + name + " defined twice")
                                .doesNotContainKey(name);
                        open.put(name, new StringBuilder());
                    } else if (end.find()) {
                        String name = end.group(1);
                        StringBuilder region = open.remove(name);
                        assertThat(region).as(source + ":" + (n + 1) + " ends " + name + " that was not opened")
                                .isNotNull();
                        regions.put(name, region.toString());
                    }
                    continue;
                }
                open.values().forEach(sb -> sb.append(line).append('\n'));
            }
            assertThat(open.keySet()).as(source + ": tags never ended").isEmpty();
        }
        return regions;
    }

    /** Trailing spaces removed, leading and trailing blank lines dropped, common indentation removed. */
    static String normalize(String text) {
        List<String> lines = text.lines().map(String::stripTrailing).collect(Collectors.toCollection(ArrayList::new));
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theGuidesExist() {
        Path docs = root().resolve("docs");
        for (String page : List.of("README.md", "getting-started.md", "neutral-api.md", "errors.md", "notifications.md",
                "testing.md", "configuration.md")) {
            assertThat(docs.resolve(page)).as("docs/" + page).isRegularFile();
        }
    }

    @Test
    void everyJavaBlockHasASnippetMarker() {
        List<String> unmarked = new ArrayList<>();
        for (Path file : markdownFiles()) {
            for (Block b : blocks(file)) {
                if (b.language().equalsIgnoreCase("java") && b.marker() == null) {
                    unmarked.add(b.where());
                }
            }
        }
        assertThat(unmarked).as("```java blocks without a <!-- snippet:NAME --> marker on the line before").isEmpty();
    }

    @Test
    void everyMarkedBlockEqualsItsTaggedRegion() {
        Map<String, String> regions = regions();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : markdownFiles()) {
            for (Block b : blocks(file)) {
                if (b.marker() == null) {
                    continue;
                }
                if (!b.language().equalsIgnoreCase("java")) {
                    problems.add(b.where() + ": snippet:" + b.marker() + " marks a ```" + b.language() + " block");
                    continue;
                }
                String region = regions.get(b.marker());
                if (region == null) {
                    problems.add(b.where() + ": no // tag::" + b.marker() + "[] region in the snippet sources");
                    continue;
                }
                String expected = normalize(region);
                String actual = normalize(b.text());
                if (!expected.equals(actual)) {
                    problems.add(b.where() + ": snippet:" + b.marker() + " differs from its source.\n--- source:\n"
                            + expected + "\n--- Markdown:\n" + actual);
                }
                checked++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("marked blocks checked").isPositive();
    }

    @Test
    void normalizationIgnoresOnlyIndentationAndTrailingSpace() {
        assertThat(normalize("\n    a  \n      b\n\n    c\n")).isEqualTo("a\n  b\n\nc");
        assertThat(normalize("a\nb")).isNotEqualTo(normalize("a\n b"));
    }
}
