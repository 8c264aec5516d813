package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provider text is attacker-controlled: every operation of every provider ({@link Fixtures#operations()}),
 * token endpoints included, meets error answers (HTTP 400, 503, and a 2xx or 203 refusal) that echo every
 * credential the client is configured with, the subscriber's MSISDN in several shapes, ANSI escape sequences,
 * CR/LF, C1 controls, line separators and bidi overrides, in every field a provider reads (and in the request-id
 * header), with a message of 3 MB on the 400. None of it may reach an exception's message, provider code,
 * provider message, request id or {@code toString()} (causes included), a result's {@code toString()} or a
 * DEBUG log line; every provider text stays within its length cap.
 */
class HostileProviderTextTest {

    static WireMockServer wm;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    /** The MSISDN as providers and people write it. */
    static final List<String> MSISDN_SHAPES = List.of(Fixtures.MSISDN_DIGITS, "+216 98 765 432", "216-98-765-432",
            "(216) 98.765.432", "+216.98.765.432", "00216 98 765 432", "98 765 432");

    /** Every secret the clients of {@link Fixtures} are configured with, and the tokens they receive. */
    static final Map<String, List<String>> SECRETS = Map.of(
            "eklectic", List.of(Fixtures.EKL_CLIENT_SECRET, Fixtures.EKL_TOKEN),
            "infomedia", List.of(Fixtures.INF_API_KEY, Fixtures.INF_PASSWORD),
            "eclipse-vas", List.of(Fixtures.ECL_PASSWORD, Fixtures.ECL_JWT),
            "centili", List.of(Fixtures.CEN_CLIENT_SECRET, Fixtures.CEN_PASSWORD, Fixtures.CEN_ACCESS,
                    Fixtures.CEN_REFRESH),
            "b2m-aoc", List.of(Fixtures.B2M_API_KEY),
            "camara", List.of(Fixtures.CAM_CLIENT_SECRET, Fixtures.CAM_TOKEN));

    /** The field each provider's error mapping reads its message from: the 3 MB text goes there. */
    static final Map<String, String> MESSAGE_FIELD = Map.of("eklectic", "message", "infomedia", "description",
            "eclipse-vas", "description", "centili", "message", "b2m-aoc", "errorMessage", "camara", "message");

    static final String CONTROLS = "\\r\\nERROR forged line\\u001b[31m red\\u001b[0m\\u001b]0;title\\u0007 \\u0085c1"
            + "\\u009b2J \\u2028ls\\u2029ps \\u202egnp.exe\\u202c \\u2066iso\\u2069 \\u200e\\u200f\\u061c\\u200b\\ufeff";

    static final int MAX_TEXT = 300;

    /** Every secret of every provider: none may show anywhere. */
    static final List<String> ALL_SECRETS = SECRETS.values().stream().flatMap(List::stream).toList();

    /** A JSON string with every credential, the MSISDN shapes and the control characters; {@code pad} more. */
    static String hostile(Fixtures.Op op, int pad) {
        StringBuilder sb = new StringBuilder("E42 refused ");
        for (String secret : echoed(op)) {
            sb.append(secret).append(' ');
        }
        sb.append(carriesPin(op) ? Fixtures.PIN : "135790").append(' ');
        for (String shape : MSISDN_SHAPES) {
            sb.append(shape).append(" / ");
        }
        sb.append(CONTROLS);
        sb.append("x".repeat(pad));
        return sb.toString();
    }

    /**
     * The credentials an answer to the operation echoes: all of its provider's, except, on the token endpoint,
     * the tokens it was about to issue (a client cannot know a token it never received).
     */
    static List<String> echoed(Fixtures.Op op) {
        List<String> tokens = List.of(Fixtures.EKL_TOKEN, Fixtures.ECL_JWT, Fixtures.CEN_ACCESS, Fixtures.CEN_REFRESH,
                Fixtures.CAM_TOKEN);
        return SECRETS.get(op.provider.id()).stream().filter(s -> !op.targetsToken() || !tokens.contains(s)).toList();
    }

    static boolean carriesPin(Fixtures.Op op) {
        return op.name.contains("confirmPin") || op.name.equals("join") || op.name.equals("submitPin")
                || op.name.equals("validatePayment") || op.name.startsWith("neutral confirm");
    }

    /**
     * One body every provider reads something from (OAuth2, Eklectic, Infomedia, Eclipse, Centili and B2M
     * fields), with {@code pad} more characters in the field the operation's provider takes its message from.
     */
    static String body(Fixtures.Op op, int pad) {
        String field = MESSAGE_FIELD.get(op.provider.id());
        String small = hostile(op, 0);
        java.util.function.Function<String, String> text = f -> f.equals(field) ? hostile(op, pad) : small;
        return "{\"error\":\"" + small + "\",\"error_description\":\"" + small + "\",\"code\":\"" + small
                + "\",\"errorCode\":\"" + small + "\",\"message\":\"" + text.apply("message")
                + "\",\"status\":\"Failed\",\"errors\":true,\"description\":\"99 - " + text.apply("description")
                + "\",\"traceId\":\"" + small + "\",\"confirm\":\"" + small + "\",\"data\":{\"errorCode\":\"AOC9999\","
                + "\"errorMessage\":\"" + text.apply("errorMessage") + "\",\"msisdn\":[\"" + small + "\"]}}";
    }

    /** A request-id header: printable ASCII only can travel, so tabs, the credentials and the MSISDN shapes. */
    static String requestIdHeader(Fixtures.Op op) {
        StringBuilder sb = new StringBuilder("rq\t");
        echoed(op).forEach(s -> sb.append(s).append('\t'));
        MSISDN_SHAPES.forEach(s -> sb.append(s).append('\t'));
        return sb.toString();
    }

    static ResponseDefinitionBuilder answer(Fixtures.Op op, int status, String body) {
        return Fixtures.json(status, body).withHeader("X-Request-Id", requestIdHeader(op));
    }

    @Test
    void noEchoedSecretMsisdnOrControlCharacterReachesAnyTextAndEveryTextIsCapped() {
        List<String> problems = new ArrayList<>();
        int runs = 0;
        int exceptions = 0;
        try (LogCapture logs = LogCapture.start()) {
            for (Fixtures.Op op : Fixtures.operations()) {
                List<ResponseDefinitionBuilder> answers = List.of(
                        answer(op, 400, body(op, 3 * 1024 * 1024)),
                        answer(op, 503, body(op, 0)),
                        answer(op, 203, body(op, 0)),
                        answer(op, 200, body(op, 0)));
                for (ResponseDefinitionBuilder answer : answers) {
                    runs++;
                    exceptions += run(op, answer, problems);
                }
            }
            for (String line : logs.lines()) {
                check("log line", line, problems, Integer.MAX_VALUE);
            }
        }
        System.out.println("hostile provider text: " + runs + " runs, " + exceptions + " exceptions checked");
        assertThat(exceptions).as("most hostile answers end in an exception").isGreaterThan(runs / 2);
        assertThat(problems).isEmpty();
    }

    /** Runs one operation against one hostile first answer; returns 1 when it threw. */
    static int run(Fixtures.Op op, ResponseDefinitionBuilder firstAnswer, List<String> problems) {
        wm.resetAll();
        if (!op.targetsToken()) {
            Fixtures.stubToken(wm, op.provider);
        }
        op.others.forEach(e -> Fixtures.stub(wm, e));
        wm.stubFor(request(op.target.method().getName(), urlPathMatching(op.target.pathRegex())).inScenario("s")
                .whenScenarioStateIs(STARTED).willReturn(firstAnswer).willSetStateTo("then"));
        wm.stubFor(request(op.target.method().getName(), urlPathMatching(op.target.pathRegex())).inScenario("s")
                .whenScenarioStateIs("then").willReturn(firstAnswer));
        String where = op + ": ";
        try (BillingProvider client = op.provider.factory().apply(wm.baseUrl())) {
            Object result = op.call.apply(client);
            // a success answer's fields are kept as received: its toString() is made printable and masks phone
            // numbers and credential shapes, but cannot know which other values were secrets
            checkPrintable(where + "result", String.valueOf(result), problems, 20_000);
            return 0;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                check(where + "message", t.getMessage(), problems, 3000);
                check(where + "toString", t.toString(), problems, 3100);
                if (t instanceof DcbException d) {
                    check(where + "providerMessage", d.providerMessage().orElse(null), problems, MAX_TEXT);
                    check(where + "providerCode", d.providerCode().orElse(null), problems, MAX_TEXT);
                    check(where + "requestId", d.requestId().orElse(null), problems, MAX_TEXT);
                    check(where + "context", d.context().toString(), problems, 3000);
                }
            }
            return 1;
        }
    }

    static void check(String where, String text, List<String> problems, int maxLength) {
        if (text == null) {
            return;
        }
        for (String secret : ALL_SECRETS) {
            if (text.contains(secret)) {
                problems.add(where + " shows a credential: " + text);
            }
        }
        if (text.contains(Fixtures.PIN)) {
            problems.add(where + " shows the PIN: " + text);
        }
        checkPrintable(where, text, problems, maxLength);
    }

    static void checkPrintable(String where, String text, List<String> problems, int maxLength) {
        for (String shape : MSISDN_SHAPES) {
            if (text.contains(shape)) {
                problems.add(where + " shows the MSISDN as '" + shape + "': " + text);
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                problems.add(where + " holds U+" + Integer.toHexString(c) + ": "
                        + text.substring(0, Math.min(text.length(), 200)).replaceAll("\\p{Cntrl}", "?"));
                break;
            }
        }
        if (text.length() > maxLength) {
            problems.add(where + " is " + text.length() + " characters long: " + text.substring(0, 200));
        }
    }
}
