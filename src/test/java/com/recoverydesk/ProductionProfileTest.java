package com.recoverydesk;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.ChildApplication;
import com.recoverydesk.support.Chromium;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import com.recoverydesk.support.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;

/**
 * The {@code prod} profile as an exchange runs it: its own process on its own database (a fresh H2 file, or a
 * fresh PostgreSQL database in .ci/run's PostgreSQL pass), a real OIDC issuer, no demo users, no development keys,
 * the test chains. Customers come with the issuer's JWTs; staff sign in through the issuer's login page.
 */
class ProductionProfileTest extends IntegrationTest {

    /** A BIP-39 test vector: valid, and not the development mnemonic. */
    static final String MNEMONIC = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    static final ObjectMapper JSON = new ObjectMapper();

    static TestIssuer issuer;
    static ChildApplication prod;
    static Path log;
    /** Set while the node starts and left set if it never did, so the other tests do not start it again. */
    static String startFailure;

    @Autowired
    ChainClients chains;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${spring.datasource.username:}")
    String databaseUser;

    TestDeposits deposits;

    @BeforeEach
    void startProductionOnce() throws Exception {
        deposits = new TestDeposits(chains);
        assumeTrue(startFailure == null, () -> "the production node did not start: " + startFailure);
        if (prod != null) {
            return;
        }
        startFailure = "see the log";
        issuer = TestIssuer.start();
        var gasStation = Keys.createEcKeyPair();
        String gasStationAddress = "0x" + Keys.getAddress(gasStation);
        for (String chain : new String[] {"ethereum", "bsc", "polygon"}) {
            deposits.sendNative(chain, gasStationAddress, new BigInteger("100000000000000000000")); // above every gas-station-floor
        }
        Map<String, String> settings = ChildApplication.onTestChains(productionDatabase(), databaseUser);
        settings.put("spring.profiles.active", "prod");
        settings.put("recovery.wallet.deposit-mnemonic", MNEMONIC);
        settings.put("recovery.wallet.gas-station-private-key", Numeric.toHexStringWithPrefixZeroPadded(gasStation.getPrivateKey(), 64));
        settings.put("recovery.wallet.fee-treasury-address", Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair())));
        settings.put("recovery.oidc.issuer-uri", issuer.issuer());
        settings.put("recovery.oidc.audience", TestIssuer.CLIENT_ID);
        settings.put("recovery.oidc.client-id", TestIssuer.CLIENT_ID);
        settings.put("recovery.oidc.client-secret", TestIssuer.CLIENT_SECRET);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(SMTP_PORT));
        // the test classpath carries the test issuer's library; production's does not
        settings.put("spring.autoconfigure.exclude", "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration");
        settings.put("logging.level.com.recoverydesk", "INFO");
        log = Files.createTempFile("prod-profile-", ".log");
        prod = ChildApplication.start(settings, log);
        startFailure = null;
    }

    @AfterAll
    static void stop() {
        if (prod != null) {
            prod.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void productionHasNoDemoUsersNoPasswordsAndNoDevelopmentKeys() throws Exception {
        assertThat(Files.readString(log)).doesNotContain("Demo users ready").doesNotContain("Devnet chain");
        assertThat(call("GET", "/api/v1/me", basic("alice", "demo"), null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/me", basic("admin", "demo"), null).statusCode()).isEqualTo(401);
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(prod.baseUrl() + "/desk/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue(prod.baseUrl() + "/oauth2/authorization/idp");
    }

    @Test
    void aCustomersTokenFromTheIssuerIdentifiesThemAndBadTokensAre401ProblemsThatStoreNothing() throws Exception {
        String dave = issuer.accessToken("dave");
        JsonNode me = json(call("GET", "/api/v1/me", bearer(dave), null));
        assertThat(me.get("userId").asText()).isEqualTo("dave");
        assertThat(me.get("groups")).extracting(JsonNode::asText).containsExactly("customers");
        String filing = Api.json(Map.of("type", "WRONG_NETWORK", "chain", "bsc", "txHash", "0x" + "ab".repeat(32),
                "depositAddress", "0x3eb84b6a7B4707C20B6bca41b537055B61E84764", "tokenContract", USDT,
                "refundAddress", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));

        Map<String, String> bad = Map.of(
                "expired", issuer.forge("dave", issuer.issuer(), TestIssuer.CLIENT_ID, Instant.now().minusSeconds(600)),
                "wrongly signed", issuer.forgeWithForeignKey("dave"),
                "wrong issuer", issuer.forge("dave", "http://127.0.0.1:1", TestIssuer.CLIENT_ID, Instant.now().plusSeconds(300)),
                "wrong audience", issuer.forge("dave", issuer.issuer(), "another-service", Instant.now().plusSeconds(300)));
        for (var token : bad.entrySet()) {
            HttpResponse<String> refused = call("POST", "/api/v1/cases", bearer(token.getValue()), filing);
            assertThat(refused.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).as(token.getKey()).hasValue("application/problem+json");
            assertThat(json(refused).get("code").asText()).as(token.getKey()).isEqualTo("INVALID_TOKEN");
        }
        HttpResponse<String> none = call("POST", "/api/v1/cases", Map.of(), filing);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).get("code").asText()).isEqualTo("UNAUTHENTICATED");

        assertThat(json(call("GET", "/api/v1/cases", bearer(dave), null))).as("nothing was filed").isEmpty();
        // the forged tokens differ from a good one only in the claim under test
        assertThat(json(call("GET", "/api/v1/me", bearer(issuer.forge("dave", issuer.issuer(), TestIssuer.CLIENT_ID,
                Instant.now().plusSeconds(300))), null)).get("userId").asText()).isEqualTo("dave");
    }

    @Test
    void aCaseGoesFromACustomersTokenThroughStaffSignedInWithTheIssuerToCompletedOnTheChain() throws Exception {
        // the exchange's deposit system issues carol an address (HD account 7, so the local signer can refund from it)
        String issued = addressOf(MNEMONIC, 7);
        HttpResponse<String> upsert = call("PUT", "/api/v1/admin/deposit-addresses/" + issued, bearer(issuer.accessToken("depositbot")),
                Api.json(Map.of("userId", "carol", "chains", java.util.List.of("ethereum"), "accountIndex", 7)));
        assertThat(upsert.statusCode()).as(upsert.body()).isEqualTo(201);
        String carol = issuer.accessToken("carol");
        String deposit = depositAddressOf(carol);
        assertThat(deposit).isEqualTo(issued);
        String tx = deposits.sendToken("bsc", USDT, deposit, new BigInteger("250000000000000000000"));
        deposits.mine("bsc", 15);
        String refundTo = Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair()));

        HttpResponse<String> filed = call("POST", "/api/v1/cases", bearer(carol), Api.json(Map.of("type", "WRONG_NETWORK", "chain", "bsc",
                "txHash", tx, "depositAddress", deposit, "tokenContract", USDT, "refundAddress", refundTo)));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = json(filed).get("id").asText();
        await().atMost(Duration.ofSeconds(90)).until(() -> status(carol, id).equals("IN_REVIEW"));

        OidcSession sofia = OidcSession.signIn(prod.baseUrl(), "sofia");
        String review = sofia.taskOf(id);
        HttpResponse<String> reviewed = sofia.send("POST", "/api/v1/tasks/" + review + "/complete",
                Map.of("X-RECOVERY-CSRF", sofia.cookie("RECOVERY-CSRF")), "{\"decision\":\"APPROVE\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        assertThat(status(carol, id)).isEqualTo("AWAITING_APPROVAL");

        OidcSession otto = OidcSession.signIn(prod.baseUrl(), "otto");
        OidcSession wanda = OidcSession.signIn(prod.baseUrl(), "wanda");
        String approval = wanda.taskOf(id);
        HttpResponse<String> byOperator = otto.send("POST", "/camunda/api/engine/engine/default/task/" + approval + "/complete",
                Map.of("X-XSRF-TOKEN", otto.openTasklist()), "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}");
        assertThat(byOperator.statusCode()).isEqualTo(403);
        HttpResponse<String> approved = wanda.send("POST", "/camunda/api/engine/engine/default/task/" + approval + "/complete",
                Map.of("X-XSRF-TOKEN", wanda.openTasklist()), "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            deposits.mine("bsc", 3);
            assertThat(status(carol, id)).isEqualTo("COMPLETED");
        });
        JsonNode done = json(call("GET", "/api/v1/cases/" + id, bearer(carol), null));
        assertThat(done.get("timeline")).extracting(e -> e.get("event").asText() + ":" + e.get("actor").asText())
                .contains("REVIEW_APPROVED:sofia", "REFUND_APPROVED:wanda");
        assertThat(CaseFlowOnChain.tokenBalance(chains, "bsc", USDT, refundTo)).isPositive();
    }

    @Test
    @Tag("browser")
    void aStaffMemberSignsInOnTheIssuersLoginPageInChromiumAndLandsInTasklist() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = chromium.waiting();
            browser.get(prod.baseUrl() + "/camunda/app/tasklist/default/");
            wait.until(ExpectedConditions.urlContains(issuer.issuer() + "/login"));
            browser.findElement(By.id("username")).sendKeys("sofia");
            browser.findElement(By.id("password")).sendKeys(TestIssuer.PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            wait.until(ExpectedConditions.urlContains(prod.baseUrl() + "/camunda/app/tasklist/default/"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Tasks of my groups"));
            browser.get(prod.baseUrl() + "/camunda/api/admin/auth/user/default");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"userId\":\"sofia\"").contains("tasklist");
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    /** A fresh database for the production node: nothing of the shared test application's demo data. */
    private String productionDatabase() throws SQLException {
        if (!databaseUrl.startsWith("jdbc:postgresql:")) {
            return "jdbc:h2:file:" + Path.of("target", "prod-profile-" + ProcessHandle.current().pid(), "recovery-desk").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        }
        try (Connection db = DriverManager.getConnection(databaseUrl, databaseUser, ""); Statement sql = db.createStatement()) {
            sql.execute("drop database if exists recovery_desk_prod");
            sql.execute("create database recovery_desk_prod");
        }
        return databaseUrl.substring(0, databaseUrl.lastIndexOf('/') + 1) + "recovery_desk_prod";
    }

    private String depositAddressOf(String token) throws Exception {
        return json(call("GET", "/api/v1/me/deposit-addresses", bearer(token), null)).get(0).get("address").asText();
    }

    private String status(String token, String id) throws Exception {
        return json(call("GET", "/api/v1/cases/" + id, bearer(token), null)).get("status").asText();
    }

    /** The address of HD account {@code index} (m/44'/60'/0'/0/index), as the exchange's deposit system derived it. */
    private static String addressOf(String mnemonic, int index) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, null));
        int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0, index};
        return Keys.toChecksumAddress(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)).getAddress());
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> call(String method, String path, Map<String, String> headers, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(prod.baseUrl() + path)).header("Accept", "application/json, application/problem+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    /** Shorthand for the support class's JSON writer. */
    private static final class Api {
        static String json(Object body) {
            return com.recoverydesk.support.Api.json(body);
        }
    }

    private static final class CaseFlowOnChain {
        static BigInteger tokenBalance(ChainClients chains, String chain, String token, String holder) {
            return com.recoverydesk.support.CaseFlow.tokenBalance(chains, chain, token, holder);
        }
    }

    /** A browser's session signed in through the issuer: the authorization code flow with its login form, cookies kept. */
    static final class OidcSession {

        private final String baseUrl;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.ALWAYS).build();

        private OidcSession(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        static OidcSession signIn(String baseUrl, String user) throws Exception {
            OidcSession session = new OidcSession(baseUrl);
            HttpResponse<String> loginPage = session.http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/desk/")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(loginPage.uri().toString()).startsWith(issuer.issuer() + "/login");
            Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage.body());
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> desk = session.http.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + TestIssuer.PASSWORD + "&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(desk.uri().getPath()).as("back on the page asked for").isEqualTo("/desk/");
            assertThat(desk.statusCode()).isEqualTo(200);
            assertThat(desk.body()).contains("<h1>Case desk</h1>");
            return session;
        }

        String taskOf(String caseId) {
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (JsonNode task : json(send("GET", "/api/v1/tasks", Map.of(), null))) {
                    if (task.get("caseId").asText().equals(caseId)) {
                        return task.get("id").asText();
                    }
                }
                return null;
            }, t -> t != null);
        }

        String openTasklist() throws Exception {
            send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
            return cookie("XSRF-TOKEN");
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                    .findFirst().orElseThrow();
        }

        HttpResponse<String> send(String method, String path, Map<String, String> headers, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
