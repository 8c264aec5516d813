/** Parsing of Eklectic's partner-URL callbacks ({@code ?action=SUB|UNSUB|RENEW|CHARGE&...}). */
package io.dcb4j.eklectic.notification;
