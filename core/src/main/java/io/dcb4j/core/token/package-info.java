/**
 * Access tokens: the token source a provider implements, the caching single-flight provider, and the store tokens
 * are kept in.
 */
package io.dcb4j.core.token;
