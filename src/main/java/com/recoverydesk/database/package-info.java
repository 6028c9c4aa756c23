/** Where the application's own tables live: schema {@code recovery}, migrated by Flyway on H2 and PostgreSQL alike. */
package com.recoverydesk.database;
