/** Parsing of Infomedia's webhooks ({@code ?etid=...}) into typed and neutral events. */
package io.dcb4j.infomedia.notification;
