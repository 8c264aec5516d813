/** Wire DTOs, date parsing, token fetching and error mapping for Eklectic. Not public API. */
package io.dcb4j.eklectic.internal;
