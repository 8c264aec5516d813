package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dcb4j.b2maoc.B2mAocClient;
import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.b2maoc.model.SpTransactionId;
import io.dcb4j.centili.CentiliClient;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.infomedia.InfomediaClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transport security: {@code http://} is refused unless allowed, by every provider builder and for every URL
 * key; TLS is verified (by default against the JVM trust store); certificate pinning works through the
 * caller's OkHttp client ({@link ClientOptions.Builder#okHttpClient}).
 */
class TransportSecurityTest {

    static WireMockServer https;

    @BeforeAll
    static void start() {
        https = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        https.start();
        https.stubFor(get("/api/chargeStatus/AOC5f2b9c7e01").willReturn(Fixtures.json(200, Fixtures.B2M_CHARGE_STATUS)));
    }

    @AfterAll
    static void stop() {
        https.stop();
    }

    static final ClientOptions HTTPS_ONLY = ClientOptions.builder().build();

    /** Each builder, given an http:// URL for one key and the defaults (no opt-in). */
    static final Map<String, Function<String, Object>> BUILDERS = Map.of(
            "eklectic base-url", url -> EklecticClient.builder().clientId("id").clientSecret("s").baseUrl(url)
                    .options(HTTPS_ONLY).build(),
            "infomedia base-url", url -> InfomediaClient.builder().apiKey("k").username("u").password("p").baseUrl(url)
                    .options(HTTPS_ONLY).build(),
            "eclipse-vas base-url", url -> EclipseVasClient.builder().baseUrl(url).tenantId(1).credentials("i", "p")
                    .options(HTTPS_ONLY).build(),
            "centili base-url", url -> CentiliClient.builder().clientId("c").username("u").password("p")
                    .tokenUrl("https://auth.example/token").baseUrl(url).options(HTTPS_ONLY).build(),
            "centili token-url", url -> CentiliClient.builder().clientId("c").username("u").password("p")
                    .tokenUrl(url).baseUrl("https://api.example/v3").options(HTTPS_ONLY).build(),
            "b2m-aoc base-url", url -> B2mAocClient.builder().baseUrl(url).options(HTTPS_ONLY).build());

    @Test
    void everyBuilderRefusesPlainHttpUnlessAllowed() {
        BUILDERS.forEach((name, build) -> {
            String key = name.substring(name.indexOf(' ') + 1);
            assertThatThrownBy(() -> build.apply("http://api.example/x")).as(name)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'")
                    .hasMessageContaining("https");
        });
        // and https builds
        BUILDERS.forEach((name, build) -> {
            try (io.dcb4j.core.BillingProvider client = (io.dcb4j.core.BillingProvider) build.apply("https://api.example/x")) {
                assertThat(client.id()).as(name).isNotBlank();
            }
        });
    }

    @Test
    void aSelfSignedServerIsRefusedByTheDefaultTrustStore() {
        try (B2mAocClient client = B2mAocClient.builder().baseUrl("https://localhost:" + https.httpsPort())
                .options(Fixtures.options()).build()) {
            assertThatThrownBy(() -> client.chargeStatus(AocTransactionId.of("AOC5f2b9c7e01"))).isInstanceOf(DcbTransportException.class)
                    .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                    .hasMessageContaining("before the request was sent");
        }
    }

    @Test
    void aWrongPinFailsAndTheRightPinSucceeds() throws Exception {
        X509Certificate serverCert = fetchServerCertificate();
        OkHttpClient trusting = trusting(serverCert);
        String base = "https://localhost:" + https.httpsPort();
        String rightPin = CertificatePinner.pin(serverCert);

        OkHttpClient wrong = trusting.newBuilder().certificatePinner(new CertificatePinner.Builder()
                .add("localhost", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").build()).build();
        try (B2mAocClient client = B2mAocClient.builder().baseUrl(base)
                .options(Fixtures.options().toBuilder().readTimeout(java.time.Duration.ofSeconds(5)).okHttpClient(wrong).build()).build()) {
            assertThatThrownBy(() -> client.chargeStatus(AocTransactionId.of("AOC5f2b9c7e01"))).isInstanceOf(DcbTransportException.class)
                    .hasRootCauseInstanceOf(SSLPeerUnverifiedException.class)
                    .hasMessageContaining("before the request was sent");
        }
        https.verify(0, getRequestedFor(urlPathEqualTo("/api/chargeStatus/AOC5f2b9c7e01")));

        OkHttpClient right = trusting.newBuilder().certificatePinner(new CertificatePinner.Builder()
                .add("localhost", rightPin).build()).build();
        try (B2mAocClient client = B2mAocClient.builder().baseUrl(base)
                .options(Fixtures.options().toBuilder().readTimeout(java.time.Duration.ofSeconds(5)).okHttpClient(right).build()).build()) {
            assertThat(client.chargeStatus(AocTransactionId.of("AOC5f2b9c7e01")).rawStatus()).isEqualTo("Charged");
        }
        https.verify(1, getRequestedFor(urlPathEqualTo("/api/chargeStatus/AOC5f2b9c7e01")));
    }

    /** The caller's client trusting exactly WireMock's self-signed certificate. */
    static OkHttpClient trusting(X509Certificate cert) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("wiremock", cert);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {tm}, new SecureRandom());
        return new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(), tm)
                .hostnameVerifier((host, session) -> "localhost".equals(host)).build();
    }

    /** Reads the test server's certificate (a handshake that trusts anything, used for nothing else). */
    static X509Certificate fetchServerCertificate() throws Exception {
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                .createSocket("localhost", https.httpsPort())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
