package com.recoverydesk.wallet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Streams an NDJSON import of deposit addresses: reads one line at a time, checks it, stores checked lines in
 * batches of {@code import-batch-size} (one transaction each) and writes one NDJSON result per line, in line
 * order, then a summary. Memory is bounded by one batch and one line, whatever the size of the body, so an
 * exchange can send its millions of addresses in one request; sending the same file again changes nothing.
 */
@Component
class DepositAddressImport {

    /** The longest line read; a valid line is under 300 bytes. */
    static final int MAX_LINE = 8 * 1024;

    private final RegistrationRules rules;
    private final DepositAddressDirectory directory;
    private final ObjectReader lines;
    private final ObjectMapper json;
    private final DepositAddressImportProperties settings;

    DepositAddressImport(RegistrationRules rules, DepositAddressDirectory directory, ObjectMapper json, DepositAddressImportProperties settings) {
        this.rules = rules;
        this.directory = directory;
        this.json = json;
        this.lines = json.readerFor(Line.class);
        this.settings = settings;
    }

    Summary run(InputStream body, OutputStream out) throws IOException {
        long maxBytes = settings.importMaxSize().toBytes();
        LineReader reader = new LineReader(body, maxBytes);
        List<Pending> batch = new ArrayList<>(settings.importBatchSize());
        Summary summary = new Summary();
        String line;
        while ((line = reader.next()) != null) {
            long number = reader.lineNumber();
            if (line.isBlank()) {
                continue;
            }
            batch.add(check(number, line, reader.lastLineTooLong()));
            if (batch.size() == settings.importBatchSize()) {
                flush(batch, out, summary);
            }
        }
        flush(batch, out, summary);
        if (reader.overLimit()) {
            summary.stoppedAtLine = reader.lineNumber() + 1;
            summary.code = "BODY_TOO_LARGE";
            summary.message = "The import stopped after line " + reader.lineNumber() + ": the body is larger than " + maxBytes
                    + " bytes (recovery.deposit-addresses.import-max-size). Send the rest in another request.";
        }
        write(out, new SummaryLine(summary));
        out.flush();
        return summary;
    }

    private Pending check(long number, String text, boolean tooLong) {
        if (tooLong) {
            return new Pending(number, null, null, Refusal.LINE_TOO_LONG.because("A line is at most " + MAX_LINE + " bytes."));
        }
        Line line;
        try {
            line = lines.readValue(text);
        } catch (UnrecognizedPropertyException e) {
            return new Pending(number, null, null, Refusal.MALFORMED_JSON.because("Unknown field '" + e.getPropertyName()
                    + "': a line is {\"userId\", \"address\", \"chains\", \"accountIndex\"?}."));
        } catch (JsonProcessingException e) {
            return new Pending(number, null, null, Refusal.MALFORMED_JSON.because(
                    "Not a JSON object {\"userId\", \"address\", \"chains\", \"accountIndex\"?}: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (line == null) {
            return new Pending(number, null, null, Refusal.MALFORMED_JSON.because("A line is a JSON object, not null."));
        }
        RegistrationRules.Checked checked = rules.check(line.userId(), line.address(), line.chains(), line.accountIndex());
        String address = checked.registration() != null ? checked.registration().address() : line.address();
        return new Pending(number, address, checked.registration(), checked.refused());
    }

    private void flush(List<Pending> batch, OutputStream out, Summary summary) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<AddressRegistration> valid = batch.stream().filter(p -> p.registration() != null).map(Pending::registration).toList();
        List<RegistrationOutcome> outcomes = valid.isEmpty() ? List.of() : directory.registerAll(valid);
        int next = 0;
        for (Pending pending : batch) {
            RegistrationOutcome outcome = pending.registration() != null ? outcomes.get(next++) : RegistrationOutcome.refused(pending.refused());
            summary.count(outcome);
            Refusal.Refused refused = outcome.refused();
            write(out, new Result(pending.line(), pending.address(), refused == null ? outcome.result().name() : "REFUSED",
                    refused == null ? null : refused.reason().name(), refused == null ? null : refused.message()));
        }
        out.flush(); // the caller sees progress batch by batch
        batch.clear();
    }

    private void write(OutputStream out, Object value) throws IOException {
        out.write(json.writeValueAsBytes(value));
        out.write('\n');
    }

    /** One line of the import as sent. */
    record Line(String userId, String address, List<String> chains, Integer accountIndex) {
    }

    /** The answer for one line: ADDED, UPDATED, UNCHANGED or REFUSED (with code and message). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(long line, String address, String result, String code, String message) {
    }

    private record Pending(long line, String address, AddressRegistration registration, Refusal.Refused refused) {
    }

    /** The totals, the last line of the answer; where it stopped only when it stopped early. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class Summary {
        public long lines;
        public long added;
        public long updated;
        public long unchanged;
        public long refused;
        public Long stoppedAtLine;
        public String code;
        public String message;

        void count(RegistrationOutcome outcome) {
            lines++;
            if (outcome.refused() != null) {
                refused++;
            } else {
                switch (outcome.result()) {
                    case ADDED -> added++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
        }
    }

    record SummaryLine(Summary summary) {
    }

    /**
     * Reads UTF-8 lines of at most {@link #MAX_LINE} bytes (a longer one is skipped to its end and flagged), and
     * stops at a line boundary once {@code maxBytes} are read.
     */
    private static final class LineReader {

        private final InputStream in;
        private final long maxBytes;
        private final byte[] buffer = new byte[64 * 1024];
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        private int position;
        private int limit;
        private long read;
        private long number;
        private boolean tooLong;
        private boolean overLimit;
        private boolean ended;

        LineReader(InputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        String next() throws IOException {
            if (ended) {
                return null;
            }
            line.reset();
            tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    if (read >= maxBytes && in.read() >= 0) {
                        overLimit = true;
                        ended = true;
                        return null; // the unfinished line is not taken
                    }
                    limit = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - read));
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        ended = true;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                    read += limit;
                }
                byte b = buffer[position++];
                any = true;
                if (b == '\n') {
                    break;
                }
                if (line.size() < MAX_LINE) {
                    line.write(b);
                } else {
                    tooLong = true;
                }
            }
            number++;
            return line.toString(StandardCharsets.UTF_8);
        }

        long lineNumber() {
            return number;
        }

        boolean lastLineTooLong() {
            return tooLong;
        }

        boolean overLimit() {
            return overLimit;
        }
    }
}
