package io.dcb4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/cli.md keeps up with the CLI: every command and every exit code is described there. */
class CliDocTest {

    static String doc() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/cli.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root, with docs/cli.md").isNotNull();
        return Files.readString(dir.resolve("docs/cli.md"), StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandHasASection() throws Exception {
        String doc = doc();
        CommandLine cl = DcbCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of());
        for (String name : cl.getSubcommands().keySet()) {
            if (name.equals("help") || name.equals("receive")) {
                continue;
            }
            assertThat(doc).as(name).containsPattern("### `dcb " + name + "`|### `dcb \\w+` and `dcb " + name + "`");
        }
        for (String name : cl.getSubcommands().get("sim").getSubcommands().keySet()) {
            assertThat(doc).as("sim " + name).contains("`dcb sim " + name);
        }
    }

    @Test
    void everyExitCodeIsInTheTable() throws Exception {
        String doc = doc();
        ExitCodes.CATEGORIES.forEach((code, category) ->
                assertThat(doc).as(category).contains("| " + code + " | `" + category + "` |"));
    }
}
