/** Wire DTOs, body building, answer mapping and error classification. Not public API. */
package io.dcb4j.infomedia.internal;
