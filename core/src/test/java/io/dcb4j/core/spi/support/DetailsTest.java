package io.dcb4j.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DetailsTest {

    @Test
    void readsLikeTheMapOfEachValuesTextInTheOrderPut() {
        Map<String, String> details = Details.builder().put("id", "23939206").put("count", 3)
                .put("at", Instant.parse("2022-02-10T21:46:07Z")).put("none", null).put(null, "x")
                .put("id", "again").build();

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "again");
        expected.put("count", "3");
        expected.put("at", "2022-02-10T21:46:07Z");
        assertThat(details).containsExactlyEntriesOf(expected).isEqualTo(expected);
        assertThat(details.hashCode()).isEqualTo(expected.hashCode());
        assertThat(details.get("none")).isNull();
        assertThatThrownBy(() -> details.put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> details.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void valuesAreMadeTextOnceWhenFirstReadNotWhenPut() {
        AtomicInteger rendered = new AtomicInteger();
        Object value = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "rendered";
            }
        };
        SubscriptionInfo info = new SubscriptionInfo(SubscriptionRef.of("s1"), SubscriptionState.ACTIVE, "ACTIVE",
                null, null, Details.builder().put("v", value).build());
        assertThat(rendered).hasValue(0);

        assertThat(info.details()).containsEntry("v", "rendered").hasSize(1);
        assertThat(info.details().get("v")).isEqualTo("rendered");
        assertThat(rendered).hasValue(1);
    }

    @Test
    void aResultShowsItsDetailsScrubbedAndEqualToTheSameDetailsAsAPlainMap() {
        Map<String, String> lazy = Details.builder().put("msisdn", "21698765432").put("password", "hunter22")
                .build();
        SubscriptionInfo info = new SubscriptionInfo(SubscriptionRef.of("s1"), SubscriptionState.ACTIVE, null, null,
                null, lazy);
        SubscriptionInfo plain = new SubscriptionInfo(SubscriptionRef.of("s1"), SubscriptionState.ACTIVE, null, null,
                null, Map.of("msisdn", "21698765432", "password", "hunter22"));

        assertThat(info).isEqualTo(plain);
        assertThat(info.toString()).doesNotContain("21698765432").doesNotContain("hunter22");
        assertThat(info.details().toString()).doesNotContain("21698765432").doesNotContain("hunter22");
    }

    @Test
    void aBuilderIsUsedOnce() {
        Details.Builder b = Details.builder().put("a", "1");
        b.build();
        assertThatThrownBy(() -> b.put("b", "2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void growsPastItsFirstCapacity() {
        Details.Builder b = Details.builder();
        for (int i = 0; i < 40; i++) {
            b.put("k" + i, i);
        }
        Map<String, String> details = b.build();
        assertThat(details).hasSize(40).containsEntry("k0", "0").containsEntry("k39", "39");
    }
}
