/**
 * JSON reading for provider modules: one mapper with bounded numbers and ambiguous keys refused, and scalar field
 * access. For provider modules; may change in minor versions.
 */
package io.dcb4j.core.spi.json;
