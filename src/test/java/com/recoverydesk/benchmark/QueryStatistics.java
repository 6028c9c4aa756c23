package com.recoverydesk.benchmark;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With -Dbenchmark.query-statistics=true on H2: which statements the measured cases ran, how often and for how
 * long, printed after the run. How the database's share of a case was found.
 */
final class QueryStatistics {

    private final JdbcTemplate sql;

    private QueryStatistics(JdbcTemplate sql) {
        this.sql = sql;
    }

    static QueryStatistics startIfAsked(DataSource dataSource) {
        if (!Boolean.getBoolean("benchmark.query-statistics")) {
            return new QueryStatistics(null);
        }
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        sql.execute("SET QUERY_STATISTICS_MAX_ENTRIES 500");
        sql.execute("SET QUERY_STATISTICS TRUE");
        return new QueryStatistics(sql);
    }

    void print(int cases) {
        if (sql == null) {
            return;
        }
        List<Map<String, Object>> rows = sql.queryForList("SELECT EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, SQL_STATEMENT"
                + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC");
        long statements = rows.stream().mapToLong(r -> ((Number) r.get("EXECUTION_COUNT")).longValue()).sum();
        System.out.printf("QUERIES %.1f statements per case%n", statements / (double) cases);
        rows.stream().limit(40).forEach(r -> {
            String statement = String.valueOf(r.get("SQL_STATEMENT")).replaceAll("\\s+", " ");
            System.out.printf("QUERIES %6.2f/case %8.1f ms  %s%n", ((Number) r.get("EXECUTION_COUNT")).doubleValue() / cases,
                    ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue(), statement.substring(0, Math.min(Integer.getInteger("benchmark.query-statistics.width", 150), statement.length())));
        });
    }
}
