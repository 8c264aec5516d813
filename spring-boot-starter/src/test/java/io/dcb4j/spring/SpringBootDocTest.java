package io.dcb4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The property tables of docs/spring-boot.md agree with the generated metadata. */
class SpringBootDocTest {

    private static final Path DOC = Path.of("..", "docs", "spring-boot.md");

    /** The cells of each row of the table between the markers, without backticks. */
    static List<List<String>> table(String marker) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("<!-- " + marker + ":start -->");
        int end = doc.indexOf("<!-- " + marker + ":end -->");
        assertThat(start).as(marker + " markers in " + DOC).isNotNegative();
        assertThat(end).isGreaterThan(start);
        List<List<String>> rows = new ArrayList<>();
        for (String line : doc.substring(start, end).lines().toList()) {
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| property")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            rows.add(Arrays.stream(cells).map(c -> c.strip().replace("`", "")).toList());
        }
        return rows;
    }

    static String simpleType(String type) {
        String raw = type.contains("<") ? type.substring(0, type.indexOf('<')) : type;
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    @Test
    void theGeneralTableListsEveryPropertyOutsideTheProviderBlocksWithItsTypeAndDefault() throws IOException {
        Map<String, List<String>> documented = new TreeMap<>();
        table("spring-properties").forEach(row -> documented.put(row.get(0), row));
        Map<String, JsonNode> generated = new TreeMap<>();
        for (JsonNode p : PropertyMetadataTest.metadata().get("properties")) {
            String name = p.get("name").asText();
            if (Dcb4jProperties.TYPED_PROVIDERS.stream().noneMatch(id -> name.startsWith("dcb4j.providers." + id
                    + "."))) {
                generated.put(name, p);
            }
        }
        assertThat(documented.keySet()).isEqualTo(generated.keySet());
        generated.forEach((name, p) -> {
            List<String> row = documented.get(name);
            assertThat(row.get(1)).as(name + " type").isEqualTo(simpleType(p.get("type").asText()));
            String def = p.has("defaultValue") ? p.get("defaultValue").asText() : "";
            assertThat(row.get(2)).as(name + " default").isEqualTo(def);
        });
    }

    @Test
    void theProviderTableListsEveryPropertyWithTheProvidersThatHaveIt() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        Map<String, String> documentedTypes = new TreeMap<>();
        for (List<String> row : table("spring-provider-properties")) {
            documented.put(row.get(0), new TreeSet<>(Arrays.asList(row.get(1).split(",\\s*"))));
            documentedTypes.put(row.get(0), row.get(2));
        }
        Map<String, Set<String>> generated = new TreeMap<>();
        Map<String, String> types = new TreeMap<>();
        for (JsonNode p : PropertyMetadataTest.metadata().get("properties")) {
            String name = p.get("name").asText();
            for (String id : Dcb4jProperties.TYPED_PROVIDERS) {
                String prefix = "dcb4j.providers." + id + ".";
                if (name.startsWith(prefix)) {
                    String key = name.substring(prefix.length());
                    generated.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
                    types.put(key, simpleType(p.get("type").asText()));
                }
            }
        }
        assertThat(documented).isEqualTo(generated);
        types.forEach((key, type) -> assertThat(documentedTypes.get(key)).as(key).startsWith(type));
    }
}
