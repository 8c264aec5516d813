/**
 * The HTTP plumbing every provider module calls through: {@link io.dcb4j.core.spi.http.HttpTransport}
 * (authentication, retries, one deadline, no redirects, bounded bodies, cleaned errors), requests, answers and
 * error mapping. For provider modules; may change in minor versions.
 */
package io.dcb4j.core.spi.http;
