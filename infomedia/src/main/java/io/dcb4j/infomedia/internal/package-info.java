/**
 * Infomedia's internals, not public API: the wire records ({@code InfomediaWire}), the mapping between them
 * and the public records ({@code InfomediaMapper}), the classification of refusals ({@code
 * InfomediaErrorMapper}) and the neutral adapters ({@code InfomediaNeutralApi}). Opened to Jackson only.
 */
package io.dcb4j.infomedia.internal;
