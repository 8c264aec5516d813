/**
 * The Centili API's own typed requests, answers and enums. Plain records without serialisation
 * annotations; unknown provider values map to an {@code UNKNOWN} constant and the raw text is kept.
 */
package io.dcb4j.centili.model;
