package com.recoverydesk.policy;

import com.recoverydesk.cases.CasePolicies;
import com.recoverydesk.cases.CaseView;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy's decisions and what automatic refunds hold against the 24-hour caps (V70). Reading the sums and
 * reserving happen in one transaction after {@link #lockCaps()}, so racing decisions are serialised.
 */
@Repository
class PolicyLedger implements CasePolicies {

    private static final String COLUMNS = "decision, route, rule, reason_code, table_version, mode, note, decided_at";

    private final JdbcClient jdbc;

    PolicyLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the one cap row's lock until the transaction ends: a second decision waits here until the first has
     * committed its reservation (or rolled back), and then reads sums that include it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockCaps() {
        jdbc.sql("select id from recovery.policy_cap_lock where id = 1 for update").query(Integer.class).single();
    }

    /** USD reserved by automatic refunds decided after {@code since} and not given back; by one customer when it is not null. */
    BigDecimal reservedSince(Instant since, String customerId) {
        String sql = "select coalesce(sum(reserved_usd), 0) from recovery.policy_decision"
                + " where reserved_usd is not null and released_at is null and decided_at > :since"
                + (customerId == null ? "" : " and customer_id = :customer");
        var statement = jdbc.sql(sql).param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        if (customerId != null) {
            statement = statement.param("customer", customerId);
        }
        return statement.query(BigDecimal.class).single();
    }

    void record(String caseId, String customerId, StraightThroughMode mode, PolicyOutcome outcome, String route, String note,
            BigDecimal reservedUsd, Instant at) {
        jdbc.sql("insert into recovery.policy_decision (case_id, customer_id, mode, decision, route, rule, reason_code, table_version,"
                        + " note, decided_at, reserved_usd) values (:case, :customer, :mode, :decision, :route, :rule, :reason, :version,"
                        + " :note, :at, :reserved)")
                .param("case", caseId).param("customer", customerId).param("mode", mode.word())
                .param("decision", outcome.decision()).param("route", route).param("rule", outcome.rule())
                .param("reason", outcome.reasonCode()).param("version", outcome.tableVersion()).param("note", note)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("reserved", reservedUsd)
                .update();
    }

    /** Gives the case's reservation back to the caps; false when it held none (or gave it back already). */
    boolean release(String caseId, Instant at) {
        return jdbc.sql("update recovery.policy_decision set released_at = :at where case_id = :case and reserved_usd is not null"
                        + " and released_at is null")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("case", caseId).update() == 1;
    }

    @Override
    public Optional<CaseView.PolicyView> of(String caseId) {
        return jdbc.sql("select " + COLUMNS + " from recovery.policy_decision where case_id = :case").param("case", caseId)
                .query(PolicyLedger::view).optional();
    }

    @Override
    public Map<String, CaseView.PolicyView> of(Collection<String> caseIds) {
        Map<String, CaseView.PolicyView> found = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.sql("select case_id, " + COLUMNS + " from recovery.policy_decision where case_id in (:ids)")
                    .param("ids", List.copyOf(caseIds))
                    .query((rs, row) -> Map.entry(rs.getString("case_id"), view(rs, row))).list()
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    private static CaseView.PolicyView view(ResultSet rs, int row) throws SQLException {
        Integer version = rs.getObject("table_version", Integer.class);
        OffsetDateTime at = rs.getObject("decided_at", OffsetDateTime.class);
        return new CaseView.PolicyView(rs.getString("decision"), rs.getString("route"), rs.getString("rule"), rs.getString("reason_code"),
                version, rs.getString("mode"), rs.getString("note"), at == null ? null : at.toInstant());
    }
}
