package com.recoverydesk.identity;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.BrowserSession;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page on another site can make the browser send our session cookie with a form POST. Such a request carries
 * no CSRF token and must change nothing; the pages send the token, and Basic clients need none.
 */
class CrossSiteRequestsTest extends IntegrationTest {

    static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Autowired
    ChainClients chains;
    @Autowired
    TaskService tasks;

    @Test
    void aCrossSiteFormPostWithAValidSessionCookieCannotClaimNorCancel() {
        Api api = new Api(baseUrl());
        String id = inReview(api);
        String review = CaseFlow.taskOf(api, "sam", id, "REVIEW");
        BrowserSession sam = BrowserSession.signIn(baseUrl(), "sam");
        BrowserSession alice = BrowserSession.signIn(baseUrl(), "alice");

        HttpResponse<String> claim = crossSiteForm(sam, "/api/v1/tasks/" + review + "/claim");
        HttpResponse<String> cancel = crossSiteForm(alice, "/api/v1/cases/" + id + "/cancel");

        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(claim.body()).contains("\"code\":\"CSRF_TOKEN_MISSING\"");
        assertThat(cancel.statusCode()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
        assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("IN_REVIEW");

        // the same session with the token the pages send works
        assertThat(withToken(sam, "/api/v1/tasks/" + review + "/claim").statusCode()).isEqualTo(200);
        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isEqualTo("sam");
        assertThat(withToken(alice, "/api/v1/cases/" + id + "/cancel").statusCode()).isEqualTo(200);
        assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("CANCELLED");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        BrowserSession alice = BrowserSession.signIn(baseUrl(), "alice");

        assertThat(alice.signInCookies()).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
                .satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));
        assertThat(alice.signInCookies()).filteredOn(c -> c.startsWith("RECOVERY-CSRF=")).allSatisfy(c ->
                assertThat(c).contains("SameSite=Strict").doesNotContain("HttpOnly"));
    }

    @Test
    void basicClientsNeedNoTokenAndAnonymousCallsAreAskedToSignIn() {
        Api.Answer cancel = new Api(baseUrl()).post("bob", "/api/v1/cases/RD-NONE/cancel", Map.of());
        Api.Answer anonymous = new Api(baseUrl()).post(null, "/api/v1/cases/RD-NONE/cancel", Map.of());

        assertThat(cancel.status()).as("past the CSRF check to the case lookup").isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(cancel.headers().allValues("Set-Cookie")).as("a client with its own credentials has no use for the pages' token")
                .noneMatch(c -> c.startsWith("RECOVERY-CSRF="));
    }

    /** What a form on another site makes the browser send: the session cookie, no token, a foreign origin. */
    private HttpResponse<String> crossSiteForm(BrowserSession session, String path) {
        return session.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example").header("Referer", "https://evil.example/free-money.html")
                .POST(HttpRequest.BodyPublishers.ofString("confirm=yes")).build());
    }

    /** What the pages send: JSON with the token from the cookie in the header. */
    private HttpResponse<String> withToken(BrowserSession session, String path) {
        return session.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .header("X-RECOVERY-CSRF", session.cookie("RECOVERY-CSRF").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private String inReview(Api api) {
        TestDeposits deposits = new TestDeposits(chains);
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        String tx = deposits.sendToken("bsc", USDT, alice, new BigInteger("250000000000000000000"));
        deposits.mine("bsc", 15);
        String id = CaseFlow.fileWrongNetwork(api, "alice", "bsc", tx, alice, USDT, REFUND);
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));
        return id;
    }
}
