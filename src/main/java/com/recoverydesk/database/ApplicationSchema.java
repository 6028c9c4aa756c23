package com.recoverydesk.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's tables live in schema {@code recovery}, apart from the engine's tables in the default
 * schema. The SQL names it unquoted ({@code recovery.recovery_case}), which H2 folds to upper case and
 * PostgreSQL to lower case; Flyway quotes the name it is given, so it is given the form each database folds to.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSchema {

    static final String NAME = "recovery";

    @Bean
    FlywayConfigurationCustomizer recoverySchemaForFlyway(DataSource dataSource) {
        return flyway -> {
            String schema = foldsToUpperCase(dataSource) ? NAME.toUpperCase() : NAME;
            flyway.schemas(schema).defaultSchema(schema);
        };
    }

    private static boolean foldsToUpperCase(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().storesUpperCaseIdentifiers();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to choose the schema name: " + e.getMessage(), e);
        }
    }
}
