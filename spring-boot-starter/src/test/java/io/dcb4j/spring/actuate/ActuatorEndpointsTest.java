package io.dcb4j.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.spring.TestApplication;
import io.dcb4j.spring.test.DcbSimulators;
import io.dcb4j.spring.test.RunningSimulators;
import io.dcb4j.testkit.centili.CentiliSimulator;
import io.dcb4j.testkit.eklectic.EklecticSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health, info, and the secrets the configprops and env endpoints never show, even with show-values=always. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,info,configprops,env",
        "management.endpoint.health.show-details=always",
        "management.endpoint.configprops.show-values=always",
        "management.endpoint.env.show-values=always",
        "dcb4j.providers.b2m-aoc.header.X-Api-Key=header-secret-value",
        "dcb4j.providers.eklectic.notification-secret=eklectic-callback-secret"})
@DcbSimulators({"eklectic", "centili", "b2m-aoc", "infomedia", "eclipse-vas"})
class ActuatorEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    RunningSimulators simulators;

    @Test
    void eachProviderHasAHealthIndicatorUnderDcb4j() throws Exception {
        String body = get("/actuator/health/dcb4j");
        assertThat(body).contains("\"status\":\"UP\"");
        for (String id : List.of("eklectic", "centili", "b2m-aoc", "infomedia", "eclipse-vas")) {
            assertThat(get("/actuator/health/dcb4j/" + id)).contains("\"status\":\"UP\"")
                    .contains("\"provider\":\"" + id + "\"");
        }
    }

    @Test
    void infoNamesTheVersionAndEachProvidersCapabilities() throws Exception {
        assertThat(get("/actuator/info")).contains("\"dcb4j\"").contains("\"eklectic\"")
                .contains("PIN_SUBSCRIPTION").contains("ONE_OFF_CHARGE");
    }

    @Test
    void configpropsAndEnvShowTheSettingsButNoSecret() throws Exception {
        String configprops = get("/actuator/configprops");
        String env = get("/actuator/env");
        assertThat(configprops).contains(simulators.get("eklectic").baseUrl())
                .contains(EklecticSimulator.CLIENT_ID);
        assertThat(env).contains(simulators.get("eklectic").baseUrl()).contains(EklecticSimulator.CLIENT_ID);
        assertThat(configprops).as("masked, not left out").contains("\"clientSecret\":\"******\"")
                .contains("\"X-Api-Key\":\"******\"");
        assertThat(env).contains("\"dcb4j.providers.eklectic.client-secret\":{\"value\":\"******\"");
        for (String text : List.of(configprops, env)) {
            assertThat(text).doesNotContain(EklecticSimulator.CLIENT_SECRET, "eklectic-callback-secret",
                    "header-secret-value");
            simulators.ids().stream().flatMap(id -> secrets(simulators.get(id).clientConfig()))
                    .forEach(secret -> assertThat(text).as("configprops/env").doesNotContain(secret));
        }
        assertThat(CentiliSimulator.NOTIFY_SECRET).isIn(secrets(simulators.get("centili").clientConfig()).toList());
    }

    /** The values of the keys that hold secrets, of at least 4 characters. */
    private static Stream<String> secrets(Map<String, String> config) {
        return config.entrySet().stream().filter(e -> e.getKey().endsWith("secret")
                || e.getKey().endsWith("password") || e.getKey().endsWith("api-key"))
                .map(Map.Entry::getValue).filter(v -> v.length() >= 4);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
