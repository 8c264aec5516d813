package io.dcb4j.examples.snippets;

import io.dcb4j.b2maoc.B2mAocClient;
import io.dcb4j.b2maoc.model.TokenRequestMethod;
import io.dcb4j.camara.CamaraClient;
import io.dcb4j.centili.CentiliClient;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.infomedia.InfomediaClient;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;

/** The provider builders of docs/configuration.md. */
final class ProviderBuilders {

    private ProviderBuilders() {
    }

    static EklecticClient eklectic(ClientOptions options) {
        // tag::eklectic-builder[]
        EklecticClient eklectic = EklecticClient.builder()
                .clientId(System.getenv("EKLECTIC_CLIENT_ID"))
                .clientSecret(System.getenv("EKLECTIC_CLIENT_SECRET"))
                .baseUrl(EklecticClient.DEFAULT_BASE_URL)
                .zone(ZoneId.of("Africa/Tunis"))
                .currency(Currency.getInstance("TND"))
                .notificationSecret(System.getenv("EKLECTIC_CALLBACK_SECRET"))
                .notificationSecretParameter("secret")
                .options(options)
                .build();
        // end::eklectic-builder[]
        return eklectic;
    }

    static InfomediaClient infomedia(ClientOptions options) {
        // tag::infomedia-builder[]
        InfomediaClient infomedia = InfomediaClient.builder()
                .apiKey(System.getenv("INFOMEDIA_API_KEY"))
                .username(System.getenv("INFOMEDIA_USERNAME"))
                .password(System.getenv("INFOMEDIA_PASSWORD"))
                .mcc("424")
                .mnc("02")
                .options(options)
                .notificationSecret(System.getenv("INFOMEDIA_CALLBACK_SECRET"))
                .notificationAllowedSources("192.0.2.10", "192.0.2.11")
                .currency(Currency.getInstance("AED"))
                .build();
        // end::infomedia-builder[]
        return infomedia;
    }

    static EclipseVasClient eclipseVas(ClientOptions options) {
        // tag::eclipse-vas-builder[]
        EclipseVasClient eclipse = EclipseVasClient.builder()
                .baseUrl(System.getenv("ECLIPSE_BASE_URL"))
                .tenantId(Long.parseLong(System.getenv("ECLIPSE_TENANT_ID")))
                .credentials(System.getenv("ECLIPSE_IDENTITY"), System.getenv("ECLIPSE_PASSWORD"))
                .notificationSecret(System.getenv("ECLIPSE_CALLBACK_KEY"))   // the HMAC key of Eclipse-Signature
                .defaultCustomerId(1001)
                .defaultWalletId(2002)
                .defaultCallbackUrl("https://shop.example/dcb/callbacks/eclipse")
                .options(options)
                .build();
        // end::eclipse-vas-builder[]
        return eclipse;
    }

    static CentiliClient centili(ClientOptions options) {
        // tag::centili-builder[]
        CentiliClient centili = CentiliClient.builder()
                .clientId(System.getenv("CENTILI_CLIENT_ID"))
                .clientSecret(System.getenv("CENTILI_CLIENT_SECRET"))   // confidential clients only
                .username(System.getenv("CENTILI_USERNAME"))
                .password(System.getenv("CENTILI_PASSWORD"))
                .zone(ZoneId.of("UTC"))
                .defaultServiceKey("my-service-key")
                .options(options)
                .notificationSecret(System.getenv("CENTILI_CALLBACK_SECRET"))
                .notificationSecretParameter("secret")
                .notificationAllowedSources("192.0.2.20")
                .build();
        // end::centili-builder[]
        return centili;
    }

    static B2mAocClient b2mAoc(ClientOptions options) {
        // tag::b2m-aoc-builder[]
        B2mAocClient b2m = B2mAocClient.builder()
                .baseUrl(B2mAocClient.DEFAULT_BASE_URL)
                .tokenRequestMethod(TokenRequestMethod.GET)
                .currency(Currency.getInstance("BDT"))
                .zone(ZoneId.of("Asia/Dhaka"))
                .extraHeader("X-Partner-Id", System.getenv("B2M_PARTNER_ID"))
                .notificationSecret(System.getenv("B2M_CALLBACK_SECRET"))
                .notificationSecretParameter("secret")
                .notificationAllowedSources(SourceAddressAllowList.of("198.51.100.0/24"))
                .options(options)
                .build();
        // end::b2m-aoc-builder[]
        return b2m;
    }

    static CamaraClient camara(ClientOptions options) {
        // tag::camara-builder[]
        CamaraClient camara = CamaraClient.builder()
                .baseUrl("https://api.operator.example")                 // the operator's apiRoot
                .tokenUrl("https://auth.operator.example/oauth2/token")
                .clientId(System.getenv("CAMARA_CLIENT_ID"))
                .clientSecret(System.getenv("CAMARA_CLIENT_SECRET"))
                .clientAuth("basic")                                     // or "post"
                .sink("https://shop.example/dcb/camara")                 // where the operator sends events
                .notificationSecret(System.getenv("CAMARA_SINK_TOKEN"))  // the sink credential it presents
                .sinkCredentialLifetime(Duration.ofDays(30))
                .twoStepCharges(false)                                   // neutral charges: createPayment
                .options(options)
                .build();
        // end::camara-builder[]
        return camara;
    }
}
