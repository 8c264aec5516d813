/**
 * dcb4j-store-jdbc: the state a fleet of dcb4j instances shares, on a database through plain JDBC
 * (PostgreSQL): tokens refreshed under a row lock, callback claims with leases, and the charge journal, with
 * the versioned SQL migrations in {@code db/dcb4j/postgresql}. Nothing in {@code io.dcb4j.store.jdbc.internal}
 * is exported.
 */
module io.dcb4j.store.jdbc {
    requires transitive io.dcb4j.core;
    requires transitive java.sql;
    requires org.slf4j;

    exports io.dcb4j.store.jdbc;

    // the migrations, for Flyway and Liquibase on the module path
    opens db.dcb4j.postgresql;
}
