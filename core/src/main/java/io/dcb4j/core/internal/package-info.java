/**
 * Implementation details of core; not exported, not API.
 */
package io.dcb4j.core.internal;
