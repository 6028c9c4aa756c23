package com.recoverydesk.people;

import com.recoverydesk.database.Savepoints;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language each customer last used with us (filing a case, replying), remembered so that e-mails, which
 * leave outside any request, reach them in it. A customer we never heard from is written to in English.
 */
@Repository
public class CustomerLanguages {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Savepoints savepoints;

    CustomerLanguages(JdbcClient jdbc, Clock clock, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoints = savepoints;
    }

    /** Remembers the customer's language; the last one wins, also when two requests race. */
    @Transactional
    public void remember(String customerId, Locale language) {
        String tag = Languages.resolve(language.toLanguageTag()).toLanguageTag();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (update(customerId, tag, now) == 0) {
            boolean inserted = savepoints.writeUnlessDuplicate(() -> jdbc.sql(
                            "insert into recovery.customer_language (customer_id, language, updated_at) values (:id, :tag, :now)")
                    .param("id", customerId).param("tag", tag).param("now", now).update());
            if (!inserted) {
                update(customerId, tag, now);
            }
        }
    }

    public Locale of(String customerId) {
        return jdbc.sql("select language from recovery.customer_language where customer_id = :id")
                .param("id", customerId).query(String.class).optional()
                .map(Languages::resolve).orElse(Languages.ENGLISH);
    }

    private int update(String customerId, String tag, OffsetDateTime now) {
        return jdbc.sql("update recovery.customer_language set language = :tag, updated_at = :now where customer_id = :id")
                .param("id", customerId).param("tag", tag).param("now", now).update();
    }
}
