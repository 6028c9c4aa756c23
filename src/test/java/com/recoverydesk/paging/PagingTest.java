package com.recoverydesk.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.identity.Groups;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.StoredCases;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lists that grow page by keyset: a customer's cases and the desk search the newest first, the staff queue the
 * oldest first; ties in time are broken by id, so no item is skipped or repeated across pages.
 */
class PagingTest extends IntegrationTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00.123456Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;

    private final Map<String, String> statusOf = new HashMap<>();

    @Test
    void aCustomerPagesThroughTheirCasesNewestFirstWithoutGapsOrRepeats() {
        String customer = newCustomer();
        List<String> expected = fiveCases(customer);
        Api api = new Api(baseUrl());

        Api.Answer first = api.get(customer, "/api/v1/cases?limit=2");
        Api.Answer middle = api.get(customer, "/api/v1/cases?limit=2&cursor=" + first.header("X-Next-Cursor"));
        Api.Answer last = api.get(customer, "/api/v1/cases?limit=2&cursor=" + middle.header("X-Next-Cursor"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first)).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(first.header("Link")).isEqualTo("</api/v1/cases?limit=2&cursor=" + first.header("X-Next-Cursor") + ">; rel=\"next\"");
        assertThat(ids(middle)).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(ids(last)).containsExactlyElementsOf(expected.subList(4, 5));
        assertThat(last.header("Link")).isNull();
        assertThat(last.header("X-Next-Cursor")).isNull();
        assertThat(last.body().get(0).get("timeline")).hasSize(2);
        assertThat(api.get(customer, "/api/v1/cases").body()).hasSize(5);
    }

    @Test
    void aPageThatEndsExactlyAtTheLastCaseHasNoNextLink() {
        String customer = newCustomer();
        List<String> expected = fiveCases(customer);

        Api.Answer all = new Api(baseUrl()).get(customer, "/api/v1/cases?limit=5");

        assertThat(ids(all)).containsExactlyElementsOf(expected);
        assertThat(all.header("Link")).isNull();
    }

    @Test
    void badPagingInputIsRefusedNamingTheParameter() {
        Api api = new Api(baseUrl());
        String notACursor = Base64.getUrlEncoder().encodeToString("no key here".getBytes(StandardCharsets.UTF_8));

        for (String list : List.of("/api/v1/cases", "/api/v1/tasks", "/api/v1/desk/cases")) {
            String user = list.equals("/api/v1/cases") ? "alice" : "sam";
            assertThat(problems(api.get(user, list + "?limit=201"))).as(list).containsExactly("limit:INVALID_LIMIT");
            assertThat(problems(api.get(user, list + "?limit=0"))).as(list).containsExactly("limit:INVALID_LIMIT");
            assertThat(problems(api.get(user, list + "?cursor=%25%25%25"))).as(list).containsExactly("cursor:INVALID_CURSOR");
            assertThat(problems(api.get(user, list + "?cursor=" + notACursor + "&limit=-1"))).as(list)
                    .containsExactly("limit:INVALID_LIMIT", "cursor:INVALID_CURSOR");
            assertThat(problems(api.get(user, list + "?limit=ten"))).as(list).containsExactly("limit:WRONG_TYPE");
        }
        Api.Answer both = api.get("sam", "/api/v1/desk/cases?txHash=0x12&cursor=abc");
        assertThat(problems(both)).containsExactly("cursor:INVALID_CURSOR", "txHash:INVALID_TX_HASH");
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(both.body().get("errors").get(0).get("message").asText()).contains("X-Next-Cursor");
    }

    @Test
    void theDeskSearchPagesByCustomerAndByStatus() {
        String customer = newCustomer();
        List<String> expected = fiveCases(customer);
        Api api = new Api(baseUrl());

        Api.Answer first = api.get("sam", "/api/v1/desk/cases?user=" + customer + "&limit=2");
        Api.Answer middle = api.get("sam", "/api/v1/desk/cases?user=" + customer + "&limit=2&cursor=" + first.header("X-Next-Cursor"));
        Api.Answer last = api.get("sam", "/api/v1/desk/cases?user=" + customer + "&limit=2&cursor=" + middle.header("X-Next-Cursor"));

        assertThat(ids(first)).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(first.header("Link")).startsWith("</api/v1/desk/cases?user=" + customer + "&limit=2&cursor=");
        assertThat(ids(middle)).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(ids(last)).containsExactly(expected.get(4));
        assertThat(last.header("Link")).isNull();

        Api.Answer byAddress = api.get("sam", "/api/v1/desk/cases?address=0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc&user=" + customer + "&limit=3");
        Api.Answer byAddressLast = api.get("sam", "/api/v1/desk/cases?address=0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc&user=" + customer
                + "&limit=3&cursor=" + byAddress.header("X-Next-Cursor"));
        assertThat(ids(byAddress)).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(ids(byAddressLast)).containsExactlyElementsOf(expected.subList(3, 5));

        List<String> rejected = expected.stream().filter(id -> statusOf.get(id).equals("REJECTED")).toList();
        Api.Answer firstRejected = api.get("sam", "/api/v1/desk/cases?status=rejected&user=" + customer + "&limit=1");
        Api.Answer lastRejected = api.get("sam", "/api/v1/desk/cases?status=rejected&user=" + customer + "&limit=1&cursor="
                + firstRejected.header("X-Next-Cursor"));
        assertThat(ids(firstRejected)).containsExactly(rejected.get(0));
        assertThat(ids(lastRejected)).containsExactly(rejected.get(1));
        assertThat(lastRejected.header("Link")).isNull();
    }

    @Test
    void theStaffQueuePagesOldestFirstAcrossTasksCreatedInTheSameMillisecond() {
        String customer = newCustomer();
        List<String> processes = new ArrayList<>();
        List<String> mine = new ArrayList<>();
        try {
            // three tasks in one millisecond and two in the next, long after every other task of the run
            Instant at = Instant.parse("2100-01-01T00:00:00.000Z");
            for (int i = 0; i < 5; i++) {
                ClockUtil.setCurrentTime(Date.from(at.plusMillis(i < 3 ? 0 : 1)));
                String caseId = new StoredCases(jdbc).insert(customer, "IN_REVIEW", T);
                processes.add(runtime.createProcessInstanceByKey(CaseProcess.RESOLUTION).businessKey(caseId)
                        .setVariable(CaseProcess.CASE_ID, caseId).startBeforeActivity(CaseProcess.REVIEW_TASK).execute().getId());
                mine.add(caseId);
            }
        } finally {
            ClockUtil.reset();
        }
        Api api = new Api(baseUrl());
        try {
            List<JsonNode> walked = new ArrayList<>();
            String cursor = null;
            Api.Answer page;
            do {
                page = api.get("sam", "/api/v1/tasks?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body().size()).isBetween(1, 2);
                page.body().forEach(walked::add);
                cursor = page.header("X-Next-Cursor");
            } while (cursor != null);

            List<String> taskIds = walked.stream().map(t -> t.get("id").asText()).toList();
            assertThat(taskIds).doesNotHaveDuplicates();
            assertThat(walked).isSortedAccordingTo(Comparator.<JsonNode, Instant>comparing(t -> Instant.parse(t.get("created").asText()))
                    .thenComparing(t -> t.get("id").asText()));
            List<JsonNode> tail = walked.subList(walked.size() - 5, walked.size());
            assertThat(tail).extracting(t -> t.get("caseId").asText()).containsExactlyInAnyOrderElementsOf(mine);
            assertThat(tail).extracting(t -> t.get("created").asText())
                    .containsExactly(Stream.of(0, 0, 0, 1, 1).map(ms -> Instant.parse("2100-01-01T00:00:00Z").plusMillis(ms).toString())
                            .toArray(String[]::new));
            assertThat(page.header("Link")).isNull();
            assertThat(taskIds).containsExactlyElementsOf(api.getAll("sam", "/api/v1/tasks").stream().map(t -> t.get("id").asText()).toList());
        } finally {
            processes.forEach(p -> runtime.deleteProcessInstance(p, "test over"));
        }
    }

    /** Five cases of one customer; returned in the order the list shows them: newest first, equal times by id, descending. */
    private List<String> fiveCases(String customer) {
        StoredCases stored = new StoredCases(jdbc);
        String newest = stored(stored, customer, "IN_REVIEW", T);
        List<String> tied = new ArrayList<>(List.of(stored(stored, customer, "REJECTED", T.minusSeconds(60)),
                stored(stored, customer, "COMPLETED", T.minusSeconds(60)), stored(stored, customer, "REJECTED", T.minusSeconds(60))));
        tied.sort(Comparator.reverseOrder());
        String oldest = stored(stored, customer, "COMPLETED", T.minusSeconds(3600));
        List<String> order = new ArrayList<>();
        order.add(newest);
        order.addAll(tied);
        order.add(oldest);
        return order;
    }

    private String stored(StoredCases stored, String customer, String status, Instant at) {
        String id = stored.insert(customer, status, at);
        statusOf.put(id, status);
        return id;
    }

    private String newCustomer() {
        String id = "pager" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, Groups.CUSTOMERS);
        return id;
    }

    private static List<String> ids(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.body().forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static List<String> problems(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        List<String> found = new ArrayList<>();
        answer.body().get("errors").forEach(e -> found.add(e.get("field").asText() + ":" + e.get("code").asText()));
        return found;
    }
}
