/** The charge journal's plumbing: wrapping the neutral parts, request digests, the outcome format. Internal. */
package io.dcb4j.core.internal.journal;
