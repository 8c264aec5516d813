package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
 * body. Never an NPE, an index, number-format or arithmetic error.
 */
class ResponsePropertiesTest {

    static WireMockServer wm;
    static final List<Fixtures.Op> OPS = Fixtures.operations();
    static final Map<String, BillingProvider> CLIENTS = new HashMap<>();
    static final ObjectMapper MAPPER = new ObjectMapper();

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
        return CLIENTS.computeIfAbsent(op.provider.id() + (op.targetsToken() ? ":token" : ""), k -> {
            ClientOptions relaxed = Fixtures.options().toBuilder().readTimeout(Duration.ofSeconds(5))
                    .retryPolicy(io.dcb4j.core.RetryPolicy.none()).build();
            return switch (op.provider.id()) {
                case "eklectic" -> io.dcb4j.eklectic.EklecticClient.builder().clientId(Fixtures.EKL_CLIENT_ID)
                        .clientSecret(Fixtures.EKL_CLIENT_SECRET).baseUrl(wm.baseUrl() + "/API").options(relaxed).build();
                case "infomedia" -> io.dcb4j.infomedia.InfomediaClient.builder().apiKey("k").username("u").password("p")
                        .baseUrl(wm.baseUrl() + "/dcb").options(relaxed).build();
                case "eclipse-vas" -> io.dcb4j.eclipsevas.EclipseVasClient.builder().baseUrl(wm.baseUrl()).tenantId(242)
                        .credentials("i", "p").defaultCustomerId(723689).options(relaxed).build();
                case "centili" -> io.dcb4j.centili.CentiliClient.builder().clientId("c").clientSecret("s").username("u")
                        .password("p").tokenUrl(wm.baseUrl() + Fixtures.CEN_TOKEN_PATH)
                        .baseUrl(wm.baseUrl() + Fixtures.CEN_API).options(relaxed).defaultServiceKey("svc-gold").build();
                default -> io.dcb4j.b2maoc.B2mAocClient.builder().baseUrl(wm.baseUrl()).options(relaxed).build();
            };
        });
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

    @Property(tries = 1000)
    void hostileFieldsInValidAnswersLetOnlyDocumentedExceptionsOut(@ForAll("mutatedAnswers") Case c) {
        run(c);
    }

    @Property(tries = 300)
    void arbitraryJsonAnswersLetOnlyDocumentedExceptionsOut(@ForAll("arbitraryAnswers") Case c) {
        run(c);
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
            String.valueOf(result);
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
