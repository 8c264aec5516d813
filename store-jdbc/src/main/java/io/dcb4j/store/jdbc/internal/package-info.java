/** SQL plumbing of the JDBC stores: connections and transactions, row mapping, token encryption. Internal. */
package io.dcb4j.store.jdbc.internal;
