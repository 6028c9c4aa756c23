package com.recoverydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One set of users for the API, Tasklist and Cockpit; each role gets only where it belongs. */
class SignInAndRolesTest extends IntegrationTest {

    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    DemoUsers demoUsers;
    @Autowired
    org.camunda.bpm.engine.FilterService filters;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
    }

    @Test
    void aCustomerSignsInToTheApiWithTheDemoPassword() {
        Api.Answer me = api.get("alice", "/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("userId").asText()).isEqualTo("alice");
        assertThat(me.body().get("groups")).extracting(g -> g.asText()).containsExactly("customers");
    }

    @Test
    void aWrongPasswordIsA401ProblemAndNotAnError() throws Exception {
        // Camunda slows down sign-ins after a wrong password, so this uses a user of its own, not a demo user
        if (identity.createUserQuery().userId("mallory").count() == 0) {
            var mallory = identity.newUser("mallory");
            mallory.setPassword("right-password");
            identity.saveUser(mallory);
            identity.createMembership("mallory", Groups.CUSTOMERS);
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("mallory:wrong".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void anonymousCallsToTheEngineRestApiAreRefused() {
        Api.Answer answer = api.get(null, "/engine-rest/task");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void customersCannotOpenTheEngineRestApiNorTheCamundaWebapps() {
        assertThat(api.get("alice", "/engine-rest/engine").status()).isEqualTo(403);
        assertThat(api.get("alice", "/engine-rest/task").status()).isEqualTo(403);
        assertThat(api.get("bob", "/camunda/app/cockpit/default/").status()).isEqualTo(403);
        assertThat(api.get("alice", "/camunda/api/admin/auth/user/default").status()).isEqualTo(403);
        assertThat(api.get("alice", "/api/v1/admin/credited-deposits").status()).isEqualTo(403);
    }

    @Test
    void theOperatorReachesTheEngineRestApi() {
        Api.Answer engines = api.get("admin", "/engine-rest/engine");

        assertThat(engines.status()).isEqualTo(200);
        assertThat(engines.body().get(0).get("name").asText()).isEqualTo("default");
    }

    @Test
    void theEngineRestApiRunsAsTheCallerSoCamundaAuthorizationsApply() {
        Api.Answer asAdmin = api.get("admin", "/engine-rest/user?id=alice");
        Api.Answer asSam = api.get("sam", "/engine-rest/user?id=alice");

        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.body()).hasSize(1);
        assertThat(asSam.status()).isEqualTo(200);
        assertThat(asSam.body()).as("sam holds no authorization to read users").isEmpty();
    }

    @Test
    void theOperatorSignsInOnTheLoginPageAndCockpitKnowsThem() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("login page carries a CSRF token").isTrue();

        String form = "username=admin&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> cockpit = browser.send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/camunda/app/cockpit/default/")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> cockpitUser = browser.send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/camunda/api/admin/auth/user/default")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(cockpitUser.statusCode()).isEqualTo(200);
        assertThat(cockpitUser.body()).contains("\"userId\":\"admin\"").contains("cockpit");
        assertThat(cockpit.statusCode()).isEqualTo(200);
    }

    @Test
    void creatingTheDemoUsersAgainChangesNothing() throws Exception {
        aWrongPasswordIsA401ProblemAndNotAnError(); // so the extra user exists before counting
        long users = identity.createUserQuery().count();
        long groups = identity.createGroupQuery().count();
        long aliceMemberships = identity.createGroupQuery().groupMember("alice").count();
        long grants = authorizations.createAuthorizationQuery().count();

        demoUsers.run(null);
        demoUsers.run(null);

        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
        assertThat(identity.createGroupQuery().groupMember("alice").count()).isEqualTo(aliceMemberships).isOne();
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(identity.checkPassword("wendy", "demo")).isTrue();
        assertThat(filters.createFilterQuery().filterName(StaffAccess.MY_GROUPS_FILTER).count()).isOne();
    }

}
