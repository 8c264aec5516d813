package io.dcb4j.infomedia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event ids are what a de-duplication store keeps across deployments: the digest of the sorted, lower-cased
 * parameters must stay what earlier versions computed, whatever way the parameters are read.
 */
class InfomediaEventIdStabilityTest {

    final InfomediaNotificationParser parser = InfomediaNotificationParser.builder().sharedSecret("secret", "s3")
            .build();

    private BillingEvent parse(String url) {
        return parser.parse(InboundNotification.get(url));
    }

    @Test
    void theIdsOfEarlierVersions() {
        assertThat(parse("/n?msisdn=971500000000&mcc=424&mnc=2&productid=92000000&etid=5&pt=Your+pass+through+value"
                + "&chargeAmount=20&currencyCode=AED&productDescription=Your+product+description"
                + "&transactionStatus=00&success=1&secret=s3").eventId())
                .isEqualTo("infomedia-5-fa7a38c27ece82b6feac8a0a565a7cd0");
        BillingEvent mixedCase = parse("/n?Etid=1&MSISDN=971500000000&ProductId=9&pt=caf%C3%A9&secret=s3");
        assertThat(mixedCase.eventId()).isEqualTo("infomedia-1-5d815b1c8f9bf7d974919f65002001ca");
        assertThat(mixedCase.rawParameters()).containsExactly(Map.entry("Etid", "1"),
                Map.entry("MSISDN", "971500000000"), Map.entry("ProductId", "9"), Map.entry("pt", "caf\u00e9"));
        assertThat(parse("/n?etid=2&mx=abc&productid=9&zeta=1&alpha=2&Beta=3&secret=s3").eventId())
                .isEqualTo("infomedia-2-4dd1f49931303eb34d8dc3f56ec9de68");
        BillingEvent mangled = parse("/n?msisdn=971500000000&etid=5&chargeAmount=20%C2%A4cyCode=EUR&txid=T9"
                + "&secret=s3");
        assertThat(mangled.eventId()).isEqualTo("infomedia-5-f35802848765ec0eb9ce7cafc121da85");
        assertThat(mangled.rawParameters()).containsExactly(Map.entry("msisdn", "971500000000"),
                Map.entry("etid", "5"), Map.entry("chargeAmount", "20"), Map.entry("txid", "T9"),
                Map.entry("currencyCode", "EUR"));
        assertThat(mangled.amount().orElseThrow().currency().getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void theOrderAndTheSpellingOfTheParametersDoNotChangeTheId() {
        assertThat(parse("/n?secret=s3&pt=caf%C3%A9&ProductId=9&MSISDN=971500000000&Etid=1").eventId())
                .isEqualTo("infomedia-1-5d815b1c8f9bf7d974919f65002001ca");
        assertThat(parse("/n?Beta=3&alpha=2&zeta=1&productid=9&mx=abc&etid=2&secret=s3").eventId())
                .isEqualTo("infomedia-2-4dd1f49931303eb34d8dc3f56ec9de68");
    }

    @Test
    void callbacksWithOtherNamesInBetweenKeepTheirIds() {
        String charge = "/n?msisdn=971500000000&mcc=424&mnc=2&productid=92000000&etid=5&pt=Your+pass+through+value"
                + "&chargeAmount=20&currencyCode=AED&productDescription=Your+product+description"
                + "&transactionStatus=00&success=1&secret=s3";
        String mixed = "/n?Etid=1&MSISDN=971500000000&ProductId=9&pt=caf%C3%A9&secret=s3";
        for (int round = 0; round < 3; round++) {
            assertThat(parse(charge).eventId()).isEqualTo("infomedia-5-fa7a38c27ece82b6feac8a0a565a7cd0");
            assertThat(parse(mixed).eventId()).isEqualTo("infomedia-1-5d815b1c8f9bf7d974919f65002001ca");
            assertThat(parse(mixed.replace("pt=caf%C3%A9", "pt=other")).eventId())
                    .isNotEqualTo("infomedia-1-5d815b1c8f9bf7d974919f65002001ca").startsWith("infomedia-1-");
            // the same names in another order are other lines to sort, giving the same text
            assertThat(parse("/n?secret=s3&pt=caf%C3%A9&ProductId=9&MSISDN=971500000000&Etid=1").eventId())
                    .isEqualTo("infomedia-1-5d815b1c8f9bf7d974919f65002001ca");
        }
    }
}
