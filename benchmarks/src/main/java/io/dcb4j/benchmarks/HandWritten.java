package io.dcb4j.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dcb4j.centili.model.ClientData;
import io.dcb4j.centili.model.TransactionAction;
import io.dcb4j.centili.model.TransactionStart;
import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.eklectic.model.Subscriber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The baselines: what a careful engineer writes by hand instead of using dcb4j. One shared HTTP client,
 * one shared ObjectMapper with readers and writers made once, a token fetched once and cached until it
 * expires, the same request on the wire and the answer mapped into the same public records the SDK returns.
 * No retries, no redaction, no error mapping beyond "non-2xx throws": the cheapest correct code.
 */
public final class HandWritten {

    private HandWritten() {
    }

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    static final ObjectReader TOKEN_READER = MAPPER.readerFor(TokenDto.class);
    static final ObjectReader DETAILS_READER = MAPPER.readerFor(DetailsDto.class);
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final ZoneId TUNIS = ZoneId.of("Africa/Tunis");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /** Token answer of both providers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenDto(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    /** Eklectic {@code GET subscription/{id}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DetailsDto(UserDto user) {
    }

    /** Eklectic's {@code user} object. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserDto(String id, String msisdn,
            @JsonProperty("date_debfree") String dateDebfree,
            @JsonProperty("date_finfree") String dateFinfree,
            @JsonProperty("subscription_date") String subscriptionDate,
            @JsonProperty("unsubscription_date") String unsubscriptionDate,
            @JsonProperty("first_broadcastbilling") String firstBroadcastbilling,
            @JsonProperty("last_broadcastbilling") String lastBroadcastbilling,
            @JsonProperty("first_successbilling") String firstSuccessbilling,
            @JsonProperty("last_successbilling") String lastSuccessbilling,
            @JsonProperty("success_billing") String successBilling,
            String simchurn,
            @JsonProperty("date_simchurn") String dateSimchurn,
            @JsonProperty("date_revsimchurn") String dateRevsimchurn,
            @JsonProperty("create_at") String createAt,
            @JsonProperty("last_status_update") String lastStatusUpdate,
            @JsonProperty("service_id") String serviceId,
            @JsonProperty("offre_id") String offreId,
            String status, String state,
            @JsonProperty("expire_date") String expireDate) {
    }

    static Subscriber subscriber(UserDto u) {
        return new Subscriber(u.id(), u.msisdn() == null ? null : Msisdn.of(u.msisdn()),
                date(u.dateDebfree()), date(u.dateFinfree()), date(u.subscriptionDate()),
                date(u.unsubscriptionDate()), date(u.firstBroadcastbilling()), date(u.lastBroadcastbilling()),
                date(u.firstSuccessbilling()), date(u.lastSuccessbilling()), integer(u.successBilling()),
                integer(u.simchurn()), date(u.dateSimchurn()), date(u.dateRevsimchurn()), date(u.createAt()),
                date(u.lastStatusUpdate()), u.serviceId(), u.offreId() == null ? null : OfferId.of(u.offreId()),
                integer(u.status()), state(u.state()), u.state(), date(u.expireDate()));
    }

    private static Instant date(String s) {
        if (s == null || s.startsWith("0000")) {
            return null;
        }
        return LocalDateTime.parse(s, DATE).atZone(TUNIS).toInstant();
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private static SubscriptionState state(String s) {
        if (s == null) {
            return SubscriptionState.UNKNOWN;
        }
        return switch (s) {
            case "ACTIVE" -> SubscriptionState.ACTIVE;
            case "SUSPENDED" -> SubscriptionState.SUSPENDED;
            default -> SubscriptionState.UNKNOWN;
        };
    }

    /** A token with its expiry, cached in a volatile field. */
    record Token(String value, long expiresAtNanos) {
        boolean valid() {
            return System.nanoTime() < expiresAtNanos;
        }
    }

    // ------------------------------------------------------------------ Eklectic, OkHttp + Jackson

    /** Eklectic subscription details with OkHttp and Jackson. */
    public static final class EklecticOkHttp {
        private final OkHttpClient http;
        private final String base;
        private final String clientId;
        private final String clientSecret;
        private volatile Token token;

        /**
         * Creates the client.
         *
         * @param http the shared client
         * @param base for example {@code http://127.0.0.1:1234/eklectic}
         * @param clientId id
         * @param clientSecret secret
         */
        public EklecticOkHttp(OkHttpClient http, String base, String clientId, String clientSecret) {
            this.http = http;
            this.base = base;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
        }

        private String token() throws IOException {
            Token t = token;
            if (t != null && t.valid()) {
                return t.value();
            }
            synchronized (this) {
                t = token;
                if (t != null && t.valid()) {
                    return t.value();
                }
                Request r = new Request.Builder()
                        .url(base + "/oauth/token?grant_type=client_credentials&client_id=" + clientId
                                + "&client_secret=" + clientSecret)
                        .post(new FormBody.Builder().build()).build();
                try (Response resp = http.newCall(r).execute()) {
                    if (!resp.isSuccessful()) {
                        throw new IOException("token: HTTP " + resp.code());
                    }
                    TokenDto dto = TOKEN_READER.readValue(resp.body().byteStream());
                    t = new Token(dto.accessToken(),
                            System.nanoTime() + Duration.ofSeconds(dto.expiresIn() - 60).toNanos());
                    token = t;
                    return t.value();
                }
            }
        }

        /**
         * {@code GET subscription/{id}}.
         *
         * @param id the id
         * @return the record
         */
        public Subscriber subscription(String id) {
            try {
                Request r = new Request.Builder().url(base + "/subscription/" + id)
                        .header("Authorization", "Bearer " + token())
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .build();
                try (Response resp = http.newCall(r).execute()) {
                    ResponseBody body = resp.body();
                    if (!resp.isSuccessful()) {
                        throw new IOException("HTTP " + resp.code());
                    }
                    DetailsDto dto = DETAILS_READER.readValue(body.byteStream());
                    return subscriber(dto.user());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ------------------------------------------------------------------ Eklectic, java.net.http

    /** Eklectic subscription details with {@code java.net.http.HttpClient} and Jackson. */
    public static final class EklecticJdk {
        private final HttpClient http;
        private final String base;
        private final String clientId;
        private final String clientSecret;
        private volatile Token token;

        /**
         * Creates the client.
         *
         * @param http the shared client (HTTP/1.1)
         * @param base base URL
         * @param clientId id
         * @param clientSecret secret
         */
        public EklecticJdk(HttpClient http, String base, String clientId, String clientSecret) {
            this.http = http;
            this.base = base;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
        }

        private String token() throws IOException, InterruptedException {
            Token t = token;
            if (t != null && t.valid()) {
                return t.value();
            }
            synchronized (this) {
                t = token;
                if (t != null && t.valid()) {
                    return t.value();
                }
                HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/oauth/token?grant_type=client_credentials"
                                + "&client_id=" + clientId + "&client_secret=" + clientSecret))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
                if (resp.statusCode() / 100 != 2) {
                    throw new IOException("token: HTTP " + resp.statusCode());
                }
                TokenDto dto = TOKEN_READER.readValue(resp.body());
                t = new Token(dto.accessToken(), System.nanoTime() + Duration.ofSeconds(dto.expiresIn() - 60).toNanos());
                token = t;
                return t.value();
            }
        }

        /**
         * {@code GET subscription/{id}}.
         *
         * @param id the id
         * @return the record
         */
        public Subscriber subscription(String id) {
            try {
                HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/subscription/" + id))
                        .header("Authorization", "Bearer " + token())
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .GET().build();
                HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
                if (resp.statusCode() / 100 != 2) {
                    throw new IOException("HTTP " + resp.statusCode());
                }
                DetailsDto dto = DETAILS_READER.readValue(resp.body());
                return subscriber(dto.user());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ------------------------------------------------------------------ Centili, OkHttp + Jackson

    /** Centili {@code POST transactions/init} body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StartBodyDto(UserIdentifierDto userIdentifier, String price, Boolean wap, String serviceKey,
            ClientDataDto clientData, List<String> params) {
    }

    /** Centili user identifier. */
    record UserIdentifierDto(String country, String msisdn, String operator) {
    }

    /** Centili client data. */
    record ClientDataDto(String clientUserId, String clientReference,
            @JsonProperty("returnURL") String returnUrl) {
    }

    /** Centili start answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StartAnswerDto(String transactionType, String country, ActionDto action, ActionDto operation,
            ClientDataDto clientData, String msisdn, String transactionId, String operator) {
    }

    /** Centili action / operation object. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActionDto(String type, String userInstruction, String urlRedirect, String urlReturn) {
    }

    /** Centili start transaction with an Idempotency-Key, OkHttp and Jackson. */
    public static final class CentiliOkHttp {
        private static final ObjectReader START_READER = MAPPER.readerFor(StartAnswerDto.class);
        private static final ObjectWriter START_WRITER = MAPPER.writerFor(StartBodyDto.class);
        private final OkHttpClient http;
        private final String tokenUrl;
        private final String base;
        private final String clientId;
        private final String username;
        private final String password;
        private volatile Token token;

        /**
         * Creates the client.
         *
         * @param http the shared client
         * @param tokenUrl Keycloak token URL
         * @param base API base URL
         * @param clientId client id
         * @param username user
         * @param password password
         */
        public CentiliOkHttp(OkHttpClient http, String tokenUrl, String base, String clientId, String username,
                String password) {
            this.http = http;
            this.tokenUrl = tokenUrl;
            this.base = base;
            this.clientId = clientId;
            this.username = username;
            this.password = password;
        }

        private String token() throws IOException {
            Token t = token;
            if (t != null && t.valid()) {
                return t.value();
            }
            synchronized (this) {
                t = token;
                if (t != null && t.valid()) {
                    return t.value();
                }
                Request r = new Request.Builder().url(tokenUrl).post(new FormBody.Builder()
                        .add("client_id", clientId).add("grant_type", "password")
                        .add("username", username).add("password", password).build()).build();
                try (Response resp = http.newCall(r).execute()) {
                    if (!resp.isSuccessful()) {
                        throw new IOException("token: HTTP " + resp.code());
                    }
                    TokenDto dto = TOKEN_READER.readValue(resp.body().byteStream());
                    t = new Token(dto.accessToken(),
                            System.nanoTime() + Duration.ofSeconds(dto.expiresIn() - 30).toNanos());
                    token = t;
                    return t.value();
                }
            }
        }

        /**
         * Starts a PIN transaction.
         *
         * @param msisdn digits
         * @param serviceKey the service
         * @param price the price, plain decimal
         * @param clientUserId the merchant's user id
         * @param clientReference the merchant's order reference
         * @return the started transaction
         */
        public TransactionStart start(String msisdn, String serviceKey, String price, String clientUserId,
                String clientReference) {
            String key = UUID.randomUUID().toString();
            try {
                byte[] json = START_WRITER.writeValueAsBytes(new StartBodyDto(
                        new UserIdentifierDto(null, msisdn, null), price, Boolean.FALSE, serviceKey,
                        new ClientDataDto(clientUserId, clientReference, null), null));
                Request r = new Request.Builder().url(base + "/transactions/init")
                        .header("Authorization", "Bearer " + token())
                        .header("Idempotency-Key", key)
                        .header("Accept", "application/json")
                        .post(RequestBody.create(json, JSON)).build();
                try (Response resp = http.newCall(r).execute()) {
                    if (!resp.isSuccessful()) {
                        throw new IOException("HTTP " + resp.code());
                    }
                    StartAnswerDto a = START_READER.readValue(resp.body().byteStream());
                    ActionDto act = a.action() != null ? a.action() : a.operation();
                    TransactionAction action = act == null ? null
                            : "PIN".equals(act.type()) ? new TransactionAction.PinEntry(act.type(), act.userInstruction())
                            : new TransactionAction.Unrecognised(act.type(), act.userInstruction(), act.urlRedirect(),
                                    null, null);
                    ClientDataDto cd = a.clientData();
                    return new TransactionStart(a.transactionId(), TransactionType.fromWire(a.transactionType()),
                            a.transactionType(), a.country(), action,
                            cd == null ? null : new ClientData(cd.clientUserId(), null, cd.clientReference(),
                                    cd.returnUrl()),
                            a.msisdn() == null ? null : Msisdn.of(a.msisdn()), a.operator(), key);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
