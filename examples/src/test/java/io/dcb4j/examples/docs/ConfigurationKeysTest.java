package io.dcb4j.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.testkit.Simulators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists exactly the keys each provider's factory reads ({@code configKeys()}): the
 * common keys in "Common keys", the others in the first column of the provider's table.
 */
class ConfigurationKeysTest {

    private static final Pattern FIRST_CELL = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

    private static String section(String text, String headingStart) {
        int start = text.indexOf("\n" + headingStart);
        assertThat(start).as("docs/configuration.md has a heading starting '" + headingStart + "'").isNotNegative();
        int next = start + 1;
        int end = text.length();
        for (String h : List.of("\n### ", "\n## ")) {
            int i = text.indexOf(h, next + headingStart.length());
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return text.substring(start, end);
    }

    private static Set<String> firstColumnKeys(String section) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : section.lines().toList()) {
            Matcher m = FIRST_CELL.matcher(line.strip());
            if (m.find()) {
                keys.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }

    private static String text() throws IOException {
        return Files.readString(DocSnippetsTest.root().resolve("docs/configuration.md"), StandardCharsets.UTF_8);
    }

    @Test
    void theCommonKeysAreListed() throws IOException {
        assertThat(firstColumnKeys(section(text(), "### Common keys")))
                .containsExactlyInAnyOrderElementsOf(ProviderConfig.COMMON_KEYS);
    }

    @Test
    void everyProviderSectionListsExactlyItsOwnKeys() throws IOException {
        String text = text();
        for (String id : Simulators.ids()) {
            Set<String> own = new LinkedHashSet<>();
            BillingProviders.factory(id).orElseThrow().configKeys()
                    .forEach(k -> own.add(k.toLowerCase(Locale.ROOT)));
            int at = text.indexOf("(`" + id + "`)");
            assertThat(at).as("a section for " + id).isNotNegative();
            String section = section(text, text.substring(text.lastIndexOf("\n### ", at) + 1, at + id.length() + 4));
            Set<String> listed = firstColumnKeys(section);
            assertThat(own).as(id + ": keys in configKeys() missing from its section").containsAll(listed);
            Set<String> expected = new LinkedHashSet<>(own);
            expected.removeAll(ProviderConfig.COMMON_KEYS);
            assertThat(listed).as(id + ": configKeys() entries missing from its section").containsAll(expected);
        }
    }
}
