package io.dcb4j.examples.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Documentation, scripts and code name no absolute path of one machine (a checkout, a temporary or a home
 * directory) and no tracker issue number: a reader of the repository has neither the machine nor the tracker.
 */
class RepositoryHygieneTest {

    /** Absolute paths of one machine; built from parts so that this file does not name them itself. */
    private static final Pattern MACHINE_PATH = Pattern.compile("(?<![\\w.~-])/(" + String.join("|",
            List.of("work", "tmp", "root")) + ")/");
    /** The word issue followed by a number, with or without a hash sign: a tracker reference. */
    private static final Pattern ISSUE_NUMBER = Pattern.compile("(?i)\\bissues?\\s*#?\\d+");
    /** A hash sign and a number on their own (not a Markdown anchor after a parenthesis, not an HTML entity). */
    private static final Pattern HASH_NUMBER = Pattern.compile("(?<![\\w(&/])#\\d+\\b");

    @Test
    void noMachinePathsAndNoIssueNumbers() throws IOException {
        Path root = Reactor.root();
        List<String> problems = new ArrayList<>();
        for (String file : RepositoryFiles.list(root)) {
            if (checked(file)) {
                problems.addAll(problems(file, Files.readString(root.resolve(file), StandardCharsets.UTF_8)));
            }
        }
        assertThat(problems).as("use repository-relative paths (and mktemp for scratch files); describe the"
                + " change instead of naming a tracker issue").isEmpty();
    }

    static boolean checked(String file) {
        return file.endsWith(".md") || file.endsWith(".sh") || file.endsWith(".java") || file.endsWith(".xml")
                || file.startsWith(".ci/");
    }

    static List<String> problems(String file, String text) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Pattern pattern : List.of(MACHINE_PATH, ISSUE_NUMBER, HASH_NUMBER)) {
                Matcher m = pattern.matcher(lines[i]);
                if (m.find()) {
                    problems.add(file + ":" + (i + 1) + ": " + m.group());
                    break;
                }
            }
        }
        return problems;
    }

    @Test
    void eachPatternIsFound() {
        String slash = "/";
        String issue = "iss" + "ue";
        String hash = "#";
        assertThat(problems("a.md", "cd " + slash + "work" + slash + "main && mvn"))
                .containsExactly("a.md:1: " + slash + "work" + slash);
        assertThat(problems("a.sh", "out=" + slash + "tmp" + slash + "x"))
                .containsExactly("a.sh:1: " + slash + "tmp" + slash);
        assertThat(problems("a.md", "see ~" + slash + "x and " + slash + "root" + slash + ".m2"))
                .containsExactly("a.md:1: " + slash + "root" + slash);
        assertThat(problems("A.java", "// I" + issue.substring(1) + " 8 point 6: cold start"))
                .containsExactly("A.java:1: I" + issue.substring(1) + " 8");
        assertThat(problems("a.md", "\nmeasured (" + issue + " " + hash + "12)"))
                .containsExactly("a.md:2: " + issue + " " + hash + "12");
        assertThat(problems("a.md", "fixed in " + hash + "34")).containsExactly("a.md:1: " + hash + "34");
    }

    @Test
    void ordinaryTextIsNotFlagged() {
        assertThat(problems("a.md", "see [5](#5-centili-start) and &#160; and target/tmp/x and ./work/x"
                + " and the provider issues a new id; a file in src/main/root/")).isEmpty();
    }
}
