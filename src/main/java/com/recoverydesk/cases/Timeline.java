package com.recoverydesk.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A case's audit trail. Entries are only ever appended. */
@Repository
public class Timeline {

    private final JdbcClient jdbc;
    private final Clock clock;

    Timeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an event that does not change the status (a notification sent, a check repeated). */
    public void note(String caseId, String actor, String event, CaseStatus status, String message) {
        append(caseId, actor, event, status, null, message);
    }

    void append(String caseId, String actor, String event, CaseStatus status, ReasonCode reason, String message) {
        jdbc.sql("""
                insert into recovery.case_event (case_id, at, actor, event, status, reason_code, message)
                values (:caseId, :at, :actor, :event, :status, :reason, :message)""")
                .param("caseId", caseId)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", actor)
                .param("event", event)
                .param("status", status.name())
                .param("reason", reason == null ? null : reason.name())
                .param("message", message)
                .update();
    }

    public List<TimelineEntry> of(String caseId) {
        return jdbc.sql("select at, actor, event, status, reason_code, message from recovery.case_event where case_id = :id order by id")
                .param("id", caseId)
                .query((rs, row) -> entry(rs))
                .list();
    }

    /** The timelines of a page of cases in one query instead of one per case. */
    Map<String, List<TimelineEntry>> of(Collection<String> caseIds) {
        Map<String, List<TimelineEntry>> timelines = new HashMap<>();
        if (caseIds.isEmpty()) {
            return timelines;
        }
        jdbc.sql("select case_id, at, actor, event, status, reason_code, message from recovery.case_event where case_id in (:ids) "
                        + "order by case_id, id")
                .param("ids", List.copyOf(caseIds))
                .query(rs -> {
                    timelines.computeIfAbsent(rs.getString("case_id"), id -> new ArrayList<>()).add(entry(rs));
                });
        return timelines;
    }

    private static TimelineEntry entry(ResultSet rs) throws SQLException {
        return new TimelineEntry(
                CaseStore.instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("event"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("reason_code") == null ? null : ReasonCode.valueOf(rs.getString("reason_code")),
                rs.getString("message"));
    }
}
