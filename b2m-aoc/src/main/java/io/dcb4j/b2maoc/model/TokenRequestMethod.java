package io.dcb4j.b2maoc.model;

/**
 * How {@code getToken} is called. The document shows both a GET with the keyword and MSISDN in the path and
 * a POST with {@code keyword} and {@code msisdn} as request parameters; the answers are the same.
 */
public enum TokenRequestMethod {
    /** {@code GET <base>/api/getToken/<keyword>/<msisdn>}: the default. */
    GET,
    /** {@code POST <base>/api/getToken} with a form-encoded body {@code keyword=...&msisdn=...}. */
    POST_FORM,
    /** {@code POST <base>/api/getToken} with a JSON body {@code {"keyword": ..., "msisdn": ...}}. */
    POST_JSON
}
