package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scrubbed transcript: every operation of every provider runs with DEBUG logging captured, once
 * succeeding, once through a retry or a 503, once through a 401 (token refresh, or the error), once against
 * an error answer that echoes the PIN and the MSISDN, and once against a closed port. No client secret,
 * password, API key, bearer or refresh token, PIN or full MSISDN may appear in a log line, an exception
 * message (causes included) or the {@code toString()} of a result.
 */
class ScrubbedTranscriptTest {

    static WireMockServer wm;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    /**
     * An error answer of the kind providers send: it echoes what it was given (the PIN only on the calls that
     * send one: another operation's six digits are not a PIN the SDK could know).
     */
    static String echo(Fixtures.Op op) {
        boolean carriesPin = op.name.contains("confirmPin") || op.name.equals("join") || op.name.equals("submitPin");
        return carriesPin ? ECHO : ECHO.replace(Fixtures.PIN, "135790");
    }

    static final String ECHO = "{\"error\":\"invalid_request\",\"errorCode\":\"E42\",\"code\":\"E42\","
            + "\"status\":\"Failed\",\"description\":\"99 - PIN " + Fixtures.PIN + " rejected for "
            + Fixtures.MSISDN_DIGITS + "\",\"message\":\"PIN " + Fixtures.PIN + " rejected for "
            + Fixtures.MSISDN_DIGITS + "\",\"errorMessage\":\"PIN " + Fixtures.PIN + " rejected for "
            + Fixtures.MSISDN_DIGITS + "\"}";

    @Test
    void noSecretInAnyLogLineExceptionOrResult() {
        List<String> transcript = new ArrayList<>();
        int runs = 0;
        try (LogCapture logs = LogCapture.start()) {
            for (Fixtures.Op op : Fixtures.operations()) {
                List<Supplier<ResponseDefinitionBuilder>> first = List.of(
                        () -> Fixtures.json(200, op.target.body()),
                        () -> aResponse().withStatus(503).withBody("busy"),
                        () -> Fixtures.json(401, "{\"error\":\"invalid_token\",\"access_token\":\""
                                + Fixtures.EKL_TOKEN + "\"}"),
                        () -> Fixtures.json(400, echo(op)),
                        () -> Fixtures.json(200, echo(op)));
                for (Supplier<ResponseDefinitionBuilder> answer : first) {
                    transcript.add(run(op, answer.get(), wm.baseUrl()));
                    runs++;
                }
                transcript.add(run(op, Fixtures.json(200, op.target.body()), "http://127.0.0.1:1"));
                runs++;
            }
            transcript.addAll(logs.lines());
        }
        System.out.println("scrubbed transcript: " + runs + " runs, " + transcript.size() + " lines checked");
        assertThat(transcript).hasSizeGreaterThan(runs);
        List<String> leaks = new ArrayList<>();
        for (String line : transcript) {
            for (String secret : Fixtures.SECRETS) {
                if (line.contains(secret)) {
                    leaks.add(secret + " in: " + line);
                }
            }
        }
        assertThat(leaks).as("secrets in the transcript").isEmpty();
    }

    /** Runs one operation; returns the result's toString or the exception's messages, causes included. */
    static String run(Fixtures.Op op, ResponseDefinitionBuilder firstAnswer, String base) {
        wm.resetAll();
        if (!op.targetsToken()) {
            Fixtures.stubToken(wm, op.provider);
        }
        op.others.forEach(e -> Fixtures.stub(wm, e));
        wm.stubFor(request(op.target.method().getName(), urlPathMatching(op.target.pathRegex())).inScenario("s")
                .whenScenarioStateIs(STARTED).willReturn(firstAnswer).willSetStateTo("then"));
        wm.stubFor(request(op.target.method().getName(), urlPathMatching(op.target.pathRegex())).inScenario("s")
                .whenScenarioStateIs("then").willReturn(Fixtures.json(200, op.target.body())));
        StringBuilder out = new StringBuilder(op.toString()).append(": ");
        try (BillingProvider client = op.provider.factory().apply(base)) {
            out.append(client);
            Object result = op.call.apply(client);
            out.append(" -> ").append(result);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                out.append(" | ").append(t);
            }
        }
        return out.toString();
    }
}
