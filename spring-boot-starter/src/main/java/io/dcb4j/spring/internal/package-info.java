/** The starter's plumbing; not API. */
package io.dcb4j.spring.internal;
