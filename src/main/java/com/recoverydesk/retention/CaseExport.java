package com.recoverydesk.retention;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes finished cases and their timelines, row by row as the database returns them, as NDJSON or CSV. */
@Component
class CaseExport {

    enum Format {
        NDJSON("application/x-ndjson", "ndjson"), CSV("text/csv;charset=UTF-8", "csv");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    static final List<String> CASE_COLUMNS = List.of("id", "customer_id", "type", "status", "chain", "tx_hash", "deposit_address",
            "token_contract", "refund_address", "reason_code", "reason_message", "fact_from", "fact_symbol", "fact_decimals",
            "fact_amount", "fact_block_number", "fee_amount", "fee_usd", "value_usd", "created_at", "updated_at");
    static final List<String> EVENT_COLUMNS = List.of("at", "actor", "event", "status", "reason_code", "message");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    CaseExport(DataSource dataSource, PlatformTransactionManager transactions, ObjectMapper json) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // PostgreSQL sends rows in batches of this size (a cursor) only inside a transaction; without both it sends all at once
        template.setFetchSize(500);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // one buffered writer for the whole answer: Jackson must neither close nor flush it after each case
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    void write(Format format, Instant closedBefore, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        Sink sink = format == Format.NDJSON ? new Ndjson(writer, json) : new Csv(writer);
        String sql = "select " + String.join(", ", CASE_COLUMNS.stream().map(c -> "c." + c).toList()) + ", e.at as e_at, e.actor as e_actor, "
                + "e.event as e_event, e.status as e_status, e.reason_code as e_reason_code, e.message as e_message "
                + "from recovery.recovery_case c left join recovery.case_event e on e.case_id = c.id "
                + "where c.status in (:finished) and c.updated_at < :before order by c.updated_at, c.id, e.id";
        readOnly.executeWithoutResult(status -> jdbc.query(sql,
                Map.of("finished", FinishedCases.STATUSES, "before", OffsetDateTime.ofInstant(closedBefore, ZoneOffset.UTC)), rs -> {
                    try {
                        sink.row(rs);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        try {
            sink.finish();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives the joined rows in order: a case's rows are adjacent, one per timeline entry. */
    private interface Sink {

        void row(ResultSet rs) throws SQLException, IOException;

        void finish() throws IOException;
    }

    static Object value(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof BigDecimal number) {
            // raw token units and USD: exact digits as text, never a JSON number that a reader could round
            return number.toPlainString();
        }
        if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime || value instanceof java.time.LocalDateTime) {
            OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
            return at.toInstant().toString();
        }
        return value;
    }

    private static final class Ndjson implements Sink {

        private final Writer out;
        private final ObjectMapper json;
        private Map<String, Object> current;
        private List<Map<String, Object>> timeline;

        Ndjson(Writer out, ObjectMapper json) {
            this.out = out;
            this.json = json;
        }

        @Override
        public void row(ResultSet rs) throws SQLException, IOException {
            String id = rs.getString("id");
            if (current == null || !current.get("id").equals(id)) {
                finish();
                current = new java.util.LinkedHashMap<>();
                for (String column : CASE_COLUMNS) {
                    Object value = value(rs, column);
                    if (value != null) {
                        current.put(camel(column), value instanceof Number n && !(value instanceof Integer) ? n.toString() : value);
                    }
                }
                timeline = new java.util.ArrayList<>();
                current.put("timeline", timeline);
            }
            if (rs.getObject("e_at") != null) {
                Map<String, Object> entry = new java.util.LinkedHashMap<>();
                for (String column : EVENT_COLUMNS) {
                    Object value = value(rs, "e_" + column);
                    if (value != null) {
                        entry.put(camel(column), value);
                    }
                }
                timeline.add(entry);
            }
        }

        @Override
        public void finish() throws IOException {
            if (current != null) {
                json.writeValue(out, current);
                out.write('\n');
                current = null;
            }
        }
    }

    /** RFC 4180, with a leading quote before text a spreadsheet would run as a formula (a customer writes the note). */
    private static final class Csv implements Sink {

        private final Writer out;

        Csv(Writer out) throws UncheckedIOException {
            this.out = out;
            try {
                out.write(String.join(",", CASE_COLUMNS) + "," + String.join(",", EVENT_COLUMNS.stream().map(c -> "event_" + c).toList()) + "\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(ResultSet rs) throws SQLException, IOException {
            StringBuilder line = new StringBuilder();
            for (String column : CASE_COLUMNS) {
                line.append(cell(value(rs, column))).append(',');
            }
            for (int i = 0; i < EVENT_COLUMNS.size(); i++) {
                line.append(cell(value(rs, "e_" + EVENT_COLUMNS.get(i)))).append(i + 1 < EVENT_COLUMNS.size() ? "," : "\r\n");
            }
            out.write(line.toString());
        }

        @Override
        public void finish() {
        }

        static String cell(Object value) {
            if (value == null) {
                return "";
            }
            String text = value.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number) && !text.matches("-?[0-9.]+")) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            return text;
        }
    }

    static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                name.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return name.toString();
    }
}
