package io.dcb4j.core.internal;

import io.dcb4j.core.model.Msisdn;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redaction rules shared by logging and exception messages. Internal: not part of the public API.
 */
public final class Redaction {

    /** What replaces a secret. */
    public static final String MASK = "***";

    /** Query, form and JSON keys whose values are never shown. Compared in lower case. */
    public static final Set<String> SENSITIVE_KEYS = Set.of(
            "client_secret", "clientsecret", "client_id", "clientid", "password", "p", "u", "username",
            "pin", "otp", "token", "access_token", "accesstoken", "refresh_token", "refreshtoken", "id_token",
            "authorization", "apikey", "api_key", "x-infomedia-api-key", "secret", "headervalue", "sessionid",
            "code");

    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d{8,}");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(\"(?:[A-Za-z_]*(?:token|secret|password|pin|apikey|api_key|headervalue)[A-Za-z_]*|p|u|code)\"\\s*:\\s*)\"[^\"]*\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)([?&](?:client_secret|client_id|password|pin|access_token|refresh_token|token|u|p|code)=)[^&\\s\"]*");

    private Redaction() {
    }

    /**
     * Whether a parameter or field name holds a secret.
     *
     * @param key the name
     * @return true when its value must be masked
     */
    public static boolean isSensitiveKey(String key) {
        return key != null && SENSITIVE_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * Masks every run of eight or more digits (an MSISDN, possibly with {@code +}) the way {@link Msisdn}
     * masks itself, and removes bearer tokens, JSON secrets and query-string credentials.
     *
     * @param text any text, or null
     * @return the scrubbed text, or null
     */
    public static String scrubText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = BEARER.matcher(text).replaceAll("$1" + MASK);
        s = JSON_SECRET.matcher(s).replaceAll("$1\"" + MASK + "\"");
        s = QUERY_SECRET.matcher(s).replaceAll("$1" + MASK);
        return maskDigitRuns(s);
    }

    /**
     * Masks runs of eight or more digits.
     *
     * @param text any text
     * @return the text with long numbers masked
     */
    public static String maskDigitRuns(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DIGIT_RUN.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        m.reset();
        while (m.find()) {
            String run = m.group();
            String prefix = run.startsWith("+") ? "+" : "";
            m.appendReplacement(sb, Matcher.quoteReplacement(prefix + Msisdn.mask(run.substring(prefix.length()))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * A short excerpt of a body for an error message: at most {@code max} characters, scrubbed, control
     * characters replaced.
     *
     * @param body the body text, or null
     * @param max the maximum length
     * @return the excerpt
     */
    public static String excerpt(String body, int max) {
        if (body == null) {
            return "";
        }
        String cut = body.length() > max ? body.substring(0, max) + "..." : body;
        StringBuilder sb = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return scrubText(sb.toString());
    }
}
