package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbProtocolException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The response records reachable through the public API, fed through WireMock: every operation of every
 * provider answered (HTTP 200) with a valid answer whose fields were replaced by hostile values, or with
 * arbitrary JSON, returns a result (whose {@code toString()} works) or throws a documented exception: {@link
 * DcbProtocolException}, or a {@link DcbApiException} subtype for providers that report refusals in a 2xx
 * body. Never an NPE, an index, number-format or arithmetic error. A result is used as an application would
 * ({@link Touch}): an unbounded amount in it runs out of memory.
 *
 * <p>Three sweeps (plain examples) cover every operation deterministically: every field of every valid answer
 * replaced by a huge exponent; every key of every valid answer repeated with a different value (ambiguous: a
 * {@link DcbProtocolException}) and with the same value (read as before); and absurd or garbage token lifetimes
 * from every token endpoint (saturated: one token serves repeated calls; garbage is a protocol error).
 *
 * <p>Every property has a fixed seed, so that the build does not flip when a random seed hits a new input (see
 * {@code junit-platform.properties}); every counterexample they found is also a plain example test in the
 * module that owns the code.
 */
class ResponsePropertiesTest {

    static WireMockServer wm;
    static final List<Fixtures.Op> OPS = Fixtures.operations();
    static final Map<String, BillingProvider> CLIENTS = new HashMap<>();
    /** Decimals stay exact: a double would turn 1e999999999 into Infinity, which is not JSON. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @BeforeContainer
    static void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterContainer
    static void stop() {
        CLIENTS.values().forEach(BillingProvider::close);
        wm.stop();
    }

    static BillingProvider client(Fixtures.Op op) {
        return CLIENTS.computeIfAbsent(op.provider.id() + (op.targetsToken() ? ":token" : ""),
                k -> newClient(op.provider.id()));
    }

    /** A client with its own, empty token cache. */
    static BillingProvider newClient(String provider) {
        ClientOptions relaxed = Fixtures.options().toBuilder().readTimeout(Duration.ofSeconds(5))
                .retryPolicy(io.dcb4j.core.RetryPolicy.none()).build();
        return switch (provider) {
            case "eklectic" -> io.dcb4j.eklectic.EklecticClient.builder().clientId(Fixtures.EKL_CLIENT_ID)
                    .clientSecret(Fixtures.EKL_CLIENT_SECRET).baseUrl(wm.baseUrl() + "/API").options(relaxed).build();
            case "infomedia" -> io.dcb4j.infomedia.InfomediaClient.builder().apiKey("k").username("u").password("p")
                    .baseUrl(wm.baseUrl() + "/dcb").options(relaxed).build();
            case "eclipse-vas" -> io.dcb4j.eclipsevas.EclipseVasClient.builder().baseUrl(wm.baseUrl()).tenantId(242)
                    .credentials("i", "p").defaultCustomerId(723689).options(relaxed).build();
            case "centili" -> io.dcb4j.centili.CentiliClient.builder().clientId("shop-client").clientSecret("secret-9f2a")
                    .username("api-user").password("password-7c1e").tokenUrl(wm.baseUrl() + Fixtures.CEN_TOKEN_PATH)
                    .baseUrl(wm.baseUrl() + Fixtures.CEN_API).options(relaxed).defaultServiceKey("svc-gold").build();
            case "camara" -> io.dcb4j.camara.CamaraClient.builder().baseUrl(wm.baseUrl())
                    .tokenUrl(wm.baseUrl() + Fixtures.CAM_TOKEN_PATH).clientId("camara-client")
                    .clientSecret("secret-3b7d").options(relaxed).build();
            default -> io.dcb4j.b2maoc.B2mAocClient.builder().baseUrl(wm.baseUrl()).options(relaxed).build();
        };
    }

    record Case(int op, String body) {
        @Override
        public String toString() {
            return OPS.get(op) + " <- " + body;
        }
    }

    @Provide
    Arbitrary<Case> mutatedAnswers() {
        return Arbitraries.randomValue(r -> {
            int i = r.nextInt(OPS.size());
            return new Case(i, mutate(OPS.get(i).target.body(), r));
        });
    }

    @Provide
    Arbitrary<Case> arbitraryAnswers() {
        return Arbitraries.randomValue(r -> new Case(r.nextInt(OPS.size()), ParserPropertiesTest.value(r, 0)));
    }

    @Property(tries = 1000, seed = "31415901")
    void hostileFieldsInValidAnswersLetOnlyDocumentedExceptionsOut(@ForAll("mutatedAnswers") Case c) {
        run(c);
    }

    @Property(tries = 300, seed = "31415902")
    void arbitraryJsonAnswersLetOnlyDocumentedExceptionsOut(@ForAll("arbitraryAnswers") Case c) {
        run(c);
    }

    // ---------------------------------------------------------------- sweeps

    /** A huge exponent as a JSON number and as text, upwards and downwards. */
    static final List<String> HUGE = List.of("1e999999999", "\"-1E+999999999\"", "1e-999999999");

    @Example
    void everyFieldOfEveryAnswerWithAHugeExponentIsReadBoundedOrRefused() {
        int cases = 0;
        for (int i = 0; i < OPS.size(); i++) {
            String valid = OPS.get(i).target.body();
            int leaves = valid.isEmpty() ? 0 : leaves(valid);
            for (int leaf = 0; leaf < leaves; leaf++) {
                for (String huge : HUGE) {
                    run(new Case(i, replaceLeaf(valid, leaf, huge)));
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThan(500);
    }

    @Example
    void everyKeyOfEveryAnswerRepeatedWithADifferentValueIsAmbiguousAndWithTheSameValueIsRead() {
        int cases = 0;
        for (int i = 0; i < OPS.size(); i++) {
            Fixtures.Op op = OPS.get(i);
            if (!op.readsBody || op.target.body().isEmpty()) {
                continue;
            }
            int leaves = leaves(op.target.body());
            for (int leaf = 0; leaf < leaves; leaf++) {
                String differing = repeatLeaf(op.target.body(), leaf, false);
                if (differing == null) {
                    continue; // an array element: no key to repeat
                }
                Case c = new Case(i, differing);
                assertThatThrownBy(() -> call(c)).as(c.toString()).isInstanceOf(DcbProtocolException.class)
                        .hasMessageContaining("ambiguous");
                Case same = new Case(i, repeatLeaf(op.target.body(), leaf, true));
                assertThat(call(same)).as(same.toString()).isNotNull();
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(200);
    }

    /** Each token endpoint's lifetime fields. */
    static final Map<String, List<String>> LIFETIMES = Map.of("eklectic", List.of("expires_in"), "eclipse-vas",
            List.of("expiresEpochSecs", "expires"), "centili", List.of("expires_in", "refresh_expires_in"),
            "camara", List.of("expires_in"));

    /** Lifetimes that are numbers, but absurd ones: saturated. */
    static final List<String> ABSURD = List.of("9223372036854775807", "1e17", "1e999999999",
            "\"99999999999999999999999\"", "31556889864403200");

    @Example
    void absurdTokenLifetimesAreSaturatedForEveryProviderAndOperation() {
        int cases = 0;
        for (Fixtures.Op op : OPS) {
            if (!op.authenticated || op.targetsToken()) {
                continue;
            }
            List<String> fields = LIFETIMES.get(op.provider.id());
            boolean first = OPS.stream().filter(o -> o.provider == op.provider && o.authenticated).findFirst()
                    .orElseThrow() == op;
            // every operation with the largest value; the first operation of each provider with every value
            for (String field : fields) {
                for (String life : first ? ABSURD : List.of(ABSURD.get(0))) {
                    String value = field.equals("expires") ? "\"+999999999-12-31T23:59:59Z\"" : life;
                    String answer = withLifetime(op.provider.token().body(), field, value);
                    wm.resetAll();
                    wm.stubFor(request(op.provider.token().method().getName(),
                            urlPathEqualTo(op.provider.token().pathRegex())).willReturn(Fixtures.json(200, answer)));
                    op.others.forEach(e -> Fixtures.stub(wm, e));
                    Fixtures.stub(wm, op.target);
                    try (BillingProvider client = newClient(op.provider.id())) {
                        Touch.deeply(op.call.apply(client));
                        Touch.deeply(op.call.apply(client));
                    }
                    assertThat(wm.countRequestsMatching(postRequestedFor(urlPathEqualTo(
                            op.provider.token().pathRegex())).build()).getCount())
                            .as(op + " with " + field + "=" + value).isEqualTo(1);
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThan(40);
    }

    /** Lifetimes that are not numbers or make no sense: a default, an immediate expiry, or a protocol error. */
    static final List<String> GARBAGE = List.of("\"soon\"", "true", "\"\"", "null", "-1", "0",
            "-9223372036854775808", "1e-999999999", "-1e999999999", "{\"s\":1}", "[1]", "1.5");

    @Example
    void garbageTokenLifetimesAreProtocolErrorsOrHarmlessForEveryProvider() {
        for (Fixtures.Provider p : Fixtures.PROVIDERS) {
            if (p.token() == null) {
                continue;
            }
            Fixtures.Op op = OPS.stream().filter(o -> o.provider == p && o.authenticated && !o.targetsToken())
                    .findFirst().orElseThrow();
            for (String field : LIFETIMES.get(p.id())) {
                for (String life : GARBAGE) {
                    String answer = withLifetime(p.token().body(), field, life);
                    wm.resetAll();
                    wm.stubFor(request(p.token().method().getName(), urlPathEqualTo(p.token().pathRegex()))
                            .willReturn(Fixtures.json(200, answer)));
                    op.others.forEach(e -> Fixtures.stub(wm, e));
                    Fixtures.stub(wm, op.target);
                    try (BillingProvider client = newClient(p.id())) {
                        Touch.deeply(op.call.apply(client));
                    } catch (DcbProtocolException expected) {
                        assertThat(expected.operation()).as(op + " " + field + "=" + life)
                                .isIn("token", "login", "refreshToken");
                    }
                }
            }
        }
    }

    static Object call(Case c) {
        Fixtures.Op op = OPS.get(c.op());
        wm.resetAll();
        if (!op.targetsToken()) {
            Fixtures.stubToken(wm, op.provider);
        }
        op.others.forEach(e -> Fixtures.stub(wm, e));
        wm.stubFor(request(op.target.method().getName(), urlPathMatching(op.target.pathRegex()))
                .willReturn(Fixtures.json(200, c.body())));
        try {
            Object result = op.call.apply(client(op));
            Touch.deeply(result);
            return result == null ? "no result" : result;
        } finally {
            if (op.targetsToken()) {
                CLIENTS.remove(op.provider.id() + ":token").close();
            }
        }
    }

    /** The number of scalar values (leaves) of a JSON text. */
    static int leaves(String json) {
        return scalarSlots(tree(json)).size();
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Object[]> scalarSlots(JsonNode root) {
        List<Object[]> slots = new ArrayList<>();
        collect(root, slots);
        slots.removeIf(slot -> (slot[0] instanceof ObjectNode o ? o.get((String) slot[1])
                : ((ArrayNode) slot[0]).get((Integer) slot[1])).isContainerNode());
        return slots;
    }

    /** The text with its {@code leaf}-th scalar replaced by the JSON value {@code replacement}. */
    static String replaceLeaf(String json, int leaf, String replacement) {
        JsonNode root = tree(json);
        Object[] slot = scalarSlots(root).get(leaf);
        JsonNode value = tree(replacement);
        if (slot[0] instanceof ObjectNode o) {
            o.set((String) slot[1], value);
        } else {
            ((ArrayNode) slot[0]).set((Integer) slot[1], value);
        }
        return root.toString();
    }

    /**
     * The text with the key of its {@code leaf}-th scalar written twice, the second time with the same value or
     * a different one; null when that scalar is an array element.
     */
    static String repeatLeaf(String json, int leaf, boolean same) {
        JsonNode root = tree(json);
        Object[] slot = scalarSlots(root).get(leaf);
        if (!(slot[0] instanceof ObjectNode)) {
            return null;
        }
        JsonNode original = ((ObjectNode) slot[0]).get((String) slot[1]);
        JsonNode other = same ? original : original.isTextual()
                ? MAPPER.getNodeFactory().textNode(original.asText() + "-other")
                : original.isNumber() ? MAPPER.getNodeFactory().numberNode(original.asLong() + 1)
                : original.isBoolean() ? MAPPER.getNodeFactory().booleanNode(!original.asBoolean())
                : MAPPER.getNodeFactory().textNode("other");
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
                write(g, root, slot[0], (String) slot[1], other);
            }
            return out.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(JsonGenerator g, JsonNode node, Object target, String key, JsonNode repeat)
            throws java.io.IOException {
        if (node instanceof ObjectNode o) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), target, key, repeat);
                if (o == target && e.getKey().equals(key)) {
                    g.writeFieldName(key);
                    MAPPER.writeTree(g, repeat);
                }
            }
            g.writeEndObject();
        } else if (node instanceof ArrayNode a) {
            g.writeStartArray();
            for (JsonNode n : a) {
                write(g, n, target, key, repeat);
            }
            g.writeEndArray();
        } else {
            MAPPER.writeTree(g, node);
        }
    }

    /** A token answer with one lifetime field set to a raw JSON value (Eclipse: {@code expires} alone). */
    static String withLifetime(String answer, String field, String value) {
        ObjectNode root = (ObjectNode) tree(answer);
        root.set(field, tree(value));
        if (field.equals("expires")) {
            root.remove("expiresEpochSecs");
        }
        return root.toString();
    }

    static void run(Case c) {
        Fixtures.Op op = OPS.get(c.op());
        wm.resetAll();
        if (!op.targetsToken()) {
            Fixtures.stubToken(wm, op.provider);
        }
        op.others.forEach(e -> Fixtures.stub(wm, e));
        wm.stubFor(request(op.target.method().getName(), urlPathMatching(op.target.pathRegex()))
                .willReturn(Fixtures.json(200, c.body())));
        BillingProvider client = client(op);
        try {
            Object result = op.call.apply(client);
            Touch.deeply(result);
        } catch (DcbProtocolException | DcbApiException expected) {
            String.valueOf(expected.getMessage());
        } finally {
            if (op.targetsToken()) {
                CLIENTS.remove(op.provider.id() + ":token").close(); // the next token case starts uncached
            }
        }
    }

    /** Replaces one to three fields (anywhere in the tree) of a valid answer with hostile JSON values. */
    static String mutate(String valid, Random r) {
        if (valid.isEmpty()) {
            return ParserPropertiesTest.value(r, 0);
        }
        try {
            JsonNode root = MAPPER.readTree(valid);
            List<Object[]> slots = new ArrayList<>();
            collect(root, slots);
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n && !slots.isEmpty(); i++) {
                Object[] slot = slots.get(r.nextInt(slots.size()));
                JsonNode hostile = MAPPER.readTree(ParserPropertiesTest.value(r, 2));
                if (slot[0] instanceof ObjectNode o) {
                    o.set((String) slot[1], hostile);
                } else {
                    ((ArrayNode) slot[0]).set((Integer) slot[1], hostile);
                }
            }
            return MAPPER.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void collect(JsonNode node, List<Object[]> slots) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                slots.add(new Object[] {o, name});
                collect(o.get(name), slots);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Object[] {a, i});
                collect(a.get(i), slots);
            }
        }
    }
}
