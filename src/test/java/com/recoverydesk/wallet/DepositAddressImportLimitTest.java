package com.recoverydesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The import's own body limit ({@code recovery.deposit-addresses.import-max-size}): it stops at the last whole line
 * within the limit and says so in the summary. Lines that are not JSON never reach the rules or the database.
 */
class DepositAddressImportLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stopsAtTheLastWholeLineWithinTheLimitAndSaysWhere() throws Exception {
        DepositAddressImport importer = new DepositAddressImport(null, null, JSON, new DepositAddressImportProperties(DataSize.ofBytes(25), 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        importer.run(new ByteArrayInputStream("not json 1\nnot json 2\nnot json 3\n".getBytes(StandardCharsets.UTF_8)), out);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(0, 2)).extracting(l -> l.get("line").asInt() + " " + l.get("code").asText())
                .containsExactly("1 MALFORMED_JSON", "2 MALFORMED_JSON");
        JsonNode summary = lines.get(2).get("summary");
        assertThat(summary.get("lines").asInt()).isEqualTo(2);
        assertThat(summary.get("refused").asInt()).isEqualTo(2);
        assertThat(summary.get("stoppedAtLine").asInt()).isEqualTo(3);
        assertThat(summary.get("code").asText()).isEqualTo("BODY_TOO_LARGE");
        assertThat(summary.get("message").asText()).contains("recovery.deposit-addresses.import-max-size");
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadWholeAndALastLineWithoutNewlineCounts() throws Exception {
        DepositAddressImport importer = new DepositAddressImport(null, null, JSON, new DepositAddressImportProperties(DataSize.ofBytes(21), 1000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        importer.run(new ByteArrayInputStream("not json 1\nnot json 2".getBytes(StandardCharsets.UTF_8)), out);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        JsonNode summary = JSON.readTree(lines[2]).get("summary");
        assertThat(summary.get("lines").asInt()).isEqualTo(2);
        assertThat(summary.has("code")).isFalse();
    }
}
