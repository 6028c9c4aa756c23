package com.recoverydesk.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/diagrams shows each BPMN file as scripts/render-diagrams.mjs drew it; the SVG names the SHA-256 of the
 * file it was drawn from. A model changed without drawing its diagram again fails here.
 */
@Tag("bpmn")
class DiagramsAreCurrentTest {

    private static final Path DIAGRAMS = Path.of("docs", "diagrams");
    private static final String REDRAW = "draw it again: node scripts/render-diagrams.mjs";

    @Test
    void everyModelHasItsDiagramDrawnFromItsCurrentText() throws Exception {
        List<Path> models = files(BpmnTestEngine.MODELS, ".bpmn");
        assertThat(models).isNotEmpty();

        for (Path model : models) {
            Path diagram = DIAGRAMS.resolve(model.getFileName().toString().replaceFirst("\\.bpmn$", ".svg"));
            assertThat(diagram).as("the diagram of " + model + " (" + REDRAW + ")").exists();
            assertThat(Files.readString(diagram)).as(diagram + " was drawn from another version of " + model + "; " + REDRAW)
                    .contains("rendered from bpmn/" + model.getFileName() + " bpmn-sha256:" + sha256(model) + " ");
        }
    }

    @Test
    void noDiagramOutlivesItsModel() throws Exception {
        for (Path diagram : files(DIAGRAMS, ".svg")) {
            Path model = BpmnTestEngine.MODELS.resolve(diagram.getFileName().toString().replaceFirst("\\.svg$", ".bpmn"));
            assertThat(model).as(diagram + " shows a model that no longer exists; delete it").exists();
        }
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
