package com.recoverydesk.retention;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The tables whose rows belong to a case, read from the database's own foreign keys to {@code recovery.recovery_case}
 * instead of listed here: a feature that adds a table about cases (with its foreign key) is purged with them, and a
 * list kept by hand could not forget it.
 */
@Component
class CaseReferences {

    private final DataSource dataSource;
    private volatile List<Reference> references;

    CaseReferences(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<Reference> all() {
        if (references == null) {
            references = read();
        }
        return references;
    }

    private List<Reference> read() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData meta = connection.getMetaData();
            // H2 folds unquoted names to upper case, PostgreSQL to lower case
            boolean upper = meta.storesUpperCaseIdentifiers();
            List<Reference> found = new ArrayList<>();
            try (ResultSet keys = meta.getExportedKeys(null, upper ? "RECOVERY" : "recovery", upper ? "RECOVERY_CASE" : "recovery_case")) {
                while (keys.next()) {
                    found.add(new Reference(keys.getString("FKTABLE_SCHEM").toLowerCase() + "." + keys.getString("FKTABLE_NAME").toLowerCase(),
                            keys.getString("FKCOLUMN_NAME").toLowerCase()));
                }
            }
            return List.copyOf(found);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read which tables reference recovery.recovery_case", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    record Reference(String table, String column) {
    }
}
