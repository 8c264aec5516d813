package io.dcb4j.core.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.token.AccessToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okio.Buffer;

/**
 * The values a request carries that must never reach an exception, collected so that a provider module
 * cannot forget one: the values it marked {@linkplain ApiRequest.Builder#sensitive sensitive}; every
 * {@linkplain ClientOptions#extraHeaders() extra header} value and every header value of the request except
 * plain content headers (API keys, session headers); the URL's password and its query values, form fields and
 * JSON members whose name is {@linkplain Redaction#isSensitiveKey sensitive} ({@code client_secret},
 * {@code password}, {@code p}, {@code refresh_token} ...); the access and refresh token. Automatically
 * collected values shorter than {@value Redaction#MIN_AUTOMATIC_SECRET} characters are left out (they would
 * mask ordinary words and numbers); marked ones never are. Internal.
 */
final class RequestSecrets {

    /** Headers whose values are never secret. */
    private static final Set<String> PLAIN_HEADERS = Set.of("content-type", "accept", "accept-language",
            "accept-encoding", "user-agent", "content-length", "cache-control", "x-correlator");
    private static final long MAX_SCANNED_BODY = 64 * 1024;

    private RequestSecrets() {
    }

    /**
     * The secrets of a request, the token aside.
     *
     * @param request the request
     * @param options the client options (extra headers)
     * @return the values, possibly empty
     */
    static List<String> of(ApiRequest request, ClientOptions options) {
        List<String> out = new ArrayList<>(request.sensitive);
        options.extraHeaders().values().forEach(v -> automatic(out, v));
        request.headers.forEach((name, value) -> {
            if (!PLAIN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                automatic(out, value);
            }
        });
        HttpUrl url = request.url;
        automatic(out, url.password());
        for (int i = 0; i < url.querySize(); i++) {
            if (Redaction.isSensitiveKey(url.queryParameterName(i))) {
                automatic(out, url.queryParameterValue(i));
            }
        }
        if (request.body instanceof FormBody form) {
            for (int i = 0; i < form.size(); i++) {
                if (Redaction.isSensitiveKey(form.name(i))) {
                    automatic(out, form.value(i));
                }
            }
        } else if (request.body != null && isJson(request.body.contentType())) {
            try {
                long length = request.body.contentLength();
                if (length > 0 && length <= MAX_SCANNED_BODY) {
                    Buffer buffer = new Buffer();
                    request.body.writeTo(buffer);
                    JsonNode tree = Json.treeOrNull(buffer.readUtf8());
                    if (tree != null) {
                        collect(tree, out);
                    }
                }
            } catch (IOException e) {
                // an in-memory body does not fail; nothing to collect if it does
            }
        }
        return out;
    }

    /**
     * The secrets of a token: its value and its refresh token.
     *
     * @param token the token, or null
     * @return the values
     */
    static List<String> of(AccessToken token) {
        if (token == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        out.add(token.value());
        if (token.refreshToken() != null) {
            out.add(token.refreshToken());
        }
        return out;
    }

    private static boolean isJson(MediaType type) {
        return type != null && type.subtype().toLowerCase(Locale.ROOT).contains("json");
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isValueNode() && Redaction.isSensitiveKey(e.getKey())) {
                    automatic(out, e.getValue().asText());
                } else if (e.getValue().isContainerNode()) {
                    collect(e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    private static void automatic(List<String> out, String value) {
        if (value != null && value.strip().length() >= Redaction.MIN_AUTOMATIC_SECRET) {
            out.add(value);
            if (!value.strip().equals(value)) {
                out.add(value.strip());
            }
        }
    }
}
