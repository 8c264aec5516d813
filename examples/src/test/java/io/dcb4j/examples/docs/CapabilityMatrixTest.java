package io.dcb4j.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capability matrix in docs/neutral-api.md and in README.md (between {@code <!-- capability-matrix:start -->}
 * and {@code <!-- capability-matrix:end -->}) says exactly what each provider's {@code capabilities()} returns.
 */
class CapabilityMatrixTest {

    private static final String START = "<!-- capability-matrix:start -->";
    private static final String END = "<!-- capability-matrix:end -->";

    private static final Map<String, Set<Capability>> ACTUAL = new TreeMap<>();

    @BeforeAll
    static void askEveryProvider() {
        for (String id : Simulators.ids()) {
            try (Simulator sim = Simulators.start(id); BillingProvider client = sim.newClient()) {
                assertThat(client.id()).isEqualTo(id);
                Set<Capability> caps = EnumSet.noneOf(Capability.class);
                caps.addAll(client.capabilities());
                ACTUAL.put(id, caps);
            }
        }
    }

    /** The table between the markers: provider id to the capabilities marked {@code yes}. */
    static Map<String, Set<Capability>> table(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as(file + " has " + START).isNotNegative();
        assertThat(end).as(file + " has " + END + " after the start marker").isGreaterThan(start);
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.substring(start + START.length(), end).lines().map(String::strip).toList()) {
            if (line.isEmpty()) {
                continue;
            }
            assertThat(line).as(file + ": table line").startsWith("|").endsWith("|");
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(c -> c.strip().replace("`", "")).toList();
            if (cells.stream().allMatch(c -> c.matches(":?-{3,}:?"))) {
                continue; // the separator row
            }
            rows.add(cells);
        }
        assertThat(rows).as(file + ": header and rows").isNotEmpty();
        List<String> header = rows.get(0);
        List<String> expectedHeader = new ArrayList<>();
        expectedHeader.add("provider");
        Arrays.stream(Capability.values()).map(Enum::name).forEach(expectedHeader::add);
        assertThat(header).as(file + ": columns (one per Capability, in declaration order)")
                .containsExactlyElementsOf(expectedHeader);
        Map<String, Set<Capability>> table = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).as(file + ": row " + row).hasSize(header.size());
            Set<Capability> caps = EnumSet.noneOf(Capability.class);
            for (int i = 1; i < row.size(); i++) {
                String cell = row.get(i);
                assertThat(cell).as(file + ": " + row.get(0) + " / " + header.get(i)).isIn("yes", "-");
                if (cell.equals("yes")) {
                    caps.add(Capability.valueOf(header.get(i)));
                }
            }
            assertThat(table).as(file + ": provider listed twice").doesNotContainKey(row.get(0));
            table.put(row.get(0), caps);
        }
        return table;
    }

    private static void matches(String relative) throws IOException {
        Map<String, Set<Capability>> table = table(DocSnippetsTest.root().resolve(relative));
        assertThat(table.keySet()).as(relative + ": providers").containsExactlyInAnyOrderElementsOf(ACTUAL.keySet());
        ACTUAL.forEach((id, caps) -> assertThat(table.get(id)).as(relative + ": capabilities of " + id)
                .containsExactlyInAnyOrderElementsOf(caps));
    }

    @Test
    void theNeutralApiGuideMatchesCapabilities() throws IOException {
        matches("docs/neutral-api.md");
    }

    @Test
    void theReadmeMatchesCapabilities() throws IOException {
        matches("README.md");
    }
}
