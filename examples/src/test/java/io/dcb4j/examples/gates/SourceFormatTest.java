package io.dcb4j.examples.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.examples.gates.RepositoryFiles.EditorConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every source file of the repository follows the committed {@code .editorconfig}: UTF-8, LF line ends, a final
 * newline, no trailing whitespace, spaces (not tabs) for indentation, wherever the file says so.
 */
class SourceFormatTest {

    @Test
    void everySourceFileFollowsTheEditorConfig() throws IOException {
        Path root = Reactor.root();
        EditorConfig config = EditorConfig.read(root.resolve(".editorconfig"));
        List<String> files = RepositoryFiles.list(root);
        assertThat(files).contains("pom.xml", "README.md", ".editorconfig", ".ci/run");
        List<String> problems = new ArrayList<>();
        for (String file : files) {
            problems.addAll(problems(file, Files.readAllBytes(root.resolve(file)), config.propertiesOf(file)));
        }
        assertThat(problems).as("files that do not follow .editorconfig (fix them; an editor with EditorConfig"
                + " support does it on save)").isEmpty();
    }

    /** What is wrong with one file under the given EditorConfig properties (at most one line per rule). */
    static List<String> problems(String file, byte[] content, Map<String, String> properties) {
        List<String> problems = new ArrayList<>();
        if (RepositoryFiles.binary(content) || content.length == 0) {
            return problems;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            problems.add(file + ": not UTF-8");
            return problems;
        }
        if ("utf-8".equals(properties.get("charset")) && text.startsWith("\uFEFF")) {
            problems.add(file + ": starts with a byte order mark");
        }
        if ("lf".equals(properties.get("end_of_line")) && text.indexOf('\r') >= 0) {
            problems.add(file + ":" + lineOf(text, text.indexOf('\r')) + ": CR line end");
        }
        if ("true".equals(properties.get("insert_final_newline")) && !text.endsWith("\n")) {
            problems.add(file + ": no newline at the end");
        }
        String[] lines = text.split("\n", -1);
        boolean trim = "true".equals(properties.get("trim_trailing_whitespace"));
        boolean spaces = "space".equals(properties.get("indent_style"));
        boolean trailingReported = false;
        boolean tabReported = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            boolean trailing = !line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1));
            if (trim && !trailingReported && trailing) {
                problems.add(file + ":" + (i + 1) + ": trailing whitespace");
                trailingReported = true;
            }
            if (spaces && !tabReported && line.substring(0, line.length() - line.stripLeading().length())
                    .indexOf('\t') >= 0) {
                problems.add(file + ":" + (i + 1) + ": tab in the indentation");
                tabReported = true;
            }
        }
        return problems;
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void eachRuleIsReported() {
        Map<String, String> all = Map.of("charset", "utf-8", "end_of_line", "lf", "insert_final_newline", "true",
                "trim_trailing_whitespace", "true", "indent_style", "space");
        assertThat(problems("ok.java", bytes("class A {\n    int a;\n}\n"), all)).isEmpty();
        assertThat(problems("a.java", bytes("class A {\r\n}\r\n"), all)).containsExactly("a.java:1: CR line end");
        assertThat(problems("a.java", bytes("class A {\n}"), all)).containsExactly("a.java: no newline at the end");
        assertThat(problems("a.java", bytes("class A {\n  int a; \n}\n"), all))
                .containsExactly("a.java:2: trailing whitespace");
        assertThat(problems("a.java", bytes("class A {\n\tint a;\n}\n"), all))
                .containsExactly("a.java:2: tab in the indentation");
        assertThat(problems("a.java", new byte[] {'a', (byte) 0xC3, '\n'}, all)).containsExactly("a.java: not UTF-8");
        assertThat(problems("a.txt", bytes("a \n"), Map.of("trim_trailing_whitespace", "false"))).isEmpty();
        assertThat(problems("a.bin", new byte[] {1, 0, 2}, all)).isEmpty();
    }

    @Test
    void theEditorConfigSectionsApplyAsEditorsReadThem() {
        EditorConfig config = EditorConfig.read(Reactor.root().resolve(".editorconfig"));
        assertThat(config.propertiesOf("core/src/main/java/io/dcb4j/core/Capability.java"))
                .containsEntry("indent_size", "4").containsEntry("trim_trailing_whitespace", "true");
        assertThat(config.propertiesOf("pom.xml")).containsEntry("indent_size", "2");
        assertThat(config.propertiesOf("core/pom.xml")).containsEntry("indent_size", "2");
        assertThat(config.propertiesOf("benchmarks/cold-start.sh")).containsEntry("indent_size", "2");
        assertThat(config.propertiesOf(".ci/run")).containsEntry("indent_size", "2");
        assertThat(config.propertiesOf("benchmarks/results/cold-start.txt"))
                .containsEntry("trim_trailing_whitespace", "false").containsEntry("insert_final_newline", "true");
    }

    @Test
    void ignoredAndGitFilesAreNotListed() {
        List<String> files = RepositoryFiles.list(Reactor.root());
        assertThat(files).noneMatch(f -> f.contains("/target/") || f.startsWith("target/") || f.startsWith(".git/")
                || f.endsWith(".class"));
        assertThat(files).contains("examples/src/test/java/io/dcb4j/examples/gates/SourceFormatTest.java");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
