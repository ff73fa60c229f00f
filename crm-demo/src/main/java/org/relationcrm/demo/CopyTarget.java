package org.relationcrm.demo;

import java.sql.SQLException;

import org.postgresql.copy.CopyIn;

/** Where COPY rows go: PostgreSQL's copy API in production ({@code copyManager::copyIn}), a counter in tests. */
@FunctionalInterface
interface CopyTarget {

    CopyIn copyIn(String sql) throws SQLException;
}
