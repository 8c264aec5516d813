/** Parsing of the Eclipse payment-result callback into neutral billing events. */
package io.dcb4j.eclipsevas.notification;
