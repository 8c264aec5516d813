/**
 * dcb4j-store-jdbc: the state a fleet of dcb4j instances shares, on a database through plain JDBC
 * (PostgreSQL): tokens refreshed under a row lock, callback claims with leases, and the charge journal, with
 * the versioned SQL migrations in {@code db/dcb4j-store/postgresql} (not a package name, so that migration
 * tools read them on the module path too). Nothing in {@code io.dcb4j.store.jdbc.internal} is exported.
 */
module io.dcb4j.store.jdbc {
    requires transitive io.dcb4j.core;
    requires transitive java.sql;
    requires org.slf4j;

    exports io.dcb4j.store.jdbc;
}
