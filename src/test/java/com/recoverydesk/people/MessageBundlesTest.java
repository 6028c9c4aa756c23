package com.recoverydesk.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.ReasonCode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** The bundles agree with each other, with the reason codes, and never speak of raw units. */
class MessageBundlesTest {

    static final List<String> BUNDLES = List.of("messages.properties", "messages_zh_CN.properties", "messages_es.properties");

    @ParameterizedTest
    @ValueSource(strings = {"messages_zh_CN.properties", "messages_es.properties"})
    void everyKeyExistsInEveryBundleAndNoneMore(String bundle) throws IOException {
        Properties english = load("messages.properties");
        Properties other = load(bundle);

        assertThat(other.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(other.getProperty(key)).as(bundle + " " + key).isNotBlank();
            assertThat(arguments(other.getProperty(key))).as(bundle + " " + key + " uses the same arguments")
                    .isEqualTo(arguments(english.getProperty(key)));
        }
    }

    @Test
    void everyReasonCodeAndStatusHasASentenceAndTheEnglishOneIsTheAuditTrails() throws IOException {
        Properties english = load("messages.properties");
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(english.getProperty("reason." + code.name())).as(code.name()).isEqualTo(code.message());
        }
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(english.getProperty("status." + status.name())).as(status.name()).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_zh_CN.properties", "messages_es.properties"})
    void sentencesWithArgumentsAreValidMessageFormats(String bundle) throws IOException {
        Properties p = load(bundle);
        for (String key : p.stringPropertyNames()) {
            if (!arguments(p.getProperty(key)).isEmpty() && !key.startsWith("page.")) {
                String formatted = new MessageFormat(p.getProperty(key), Locale.ROOT).format(new Object[] {"A", "B", "C", "D", "E", "F"});
                assertThat(formatted).as(bundle + " " + key + ": an apostrophe must be written ''").doesNotContain("{");
                assertThat(p.getProperty(key).replace("''", "")).as(bundle + " " + key).doesNotContain("'");
            }
        }
    }

    /** No sentence for people mentions raw units or carries a long digit string (a raw amount): amounts are tokens with symbols. */
    @Test
    void noBundleNorPageNorMailTemplateSpeaksInRawUnits() throws IOException {
        Pattern raw = Pattern.compile("(?i)\\braw (units?|amounts?)\\b|\\d{10,}|原始单位|unidades brutas");
        List<Path> files = new ArrayList<>();
        for (String bundle : BUNDLES) {
            files.add(Path.of("src/main/resources", bundle));
        }
        try (Stream<Path> pages = Files.walk(Path.of("src/main/resources/static"))) {
            pages.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".js")).forEach(files::add);
        }
        try (Stream<Path> forms = Files.list(Path.of("bpmn"))) {
            forms.filter(p -> p.toString().endsWith(".form")).forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(5);
        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean comment = line.stripLeading().startsWith("#") || line.stripLeading().startsWith("//")
                        || line.stripLeading().startsWith("/*") || line.stripLeading().startsWith("*");
                if (!comment && raw.matcher(line).find()) {
                    offending.add(file + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    /** Sentences built in code: no string literal in the application's Java speaks of raw units. */
    @Test
    void noSentenceInTheCodeSpeaksInRawUnits() throws IOException {
        Pattern literal = Pattern.compile("\"[^\"\\n]*\\braw units?\\b[^\"\\n]*\"", Pattern.CASE_INSENSITIVE);
        List<String> offending = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    offending.add(file + ": " + m.group());
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    private static List<String> arguments(String pattern) {
        Matcher m = Pattern.compile("\\{(\\d+)}").matcher(pattern);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found.stream().distinct().sorted().toList();
    }

    static Properties load(String bundle) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource(bundle).getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
