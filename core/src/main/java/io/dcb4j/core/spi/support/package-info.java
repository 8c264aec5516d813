/**
 * Helpers every provider module shares: cleaning provider text and masking secrets and phone numbers, bounded
 * decimals, timestamps in their offset spellings, configuration checks, digests. For provider modules; may change
 * in minor versions.
 */
package io.dcb4j.core.spi.support;
