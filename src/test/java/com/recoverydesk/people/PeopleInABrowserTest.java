package com.recoverydesk.people;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.Chromium;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What people read, in Debian's Chromium: the customer's note and reply reach the review task in Tasklist as text,
 * and the customer page switched to Chinese files a case. Screenshots go to docs/screenshots.
 */
@Tag("browser") // the pages do not change with the database; .ci/run runs them once
class PeopleInABrowserTest extends IntegrationTest {

    private static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String NOTE = "Sent over BSC by mistake from my <b>Trust</b> Wallet";
    private static final String REPLY = "Trust Wallet 8.1 <img src=x onerror=alert(1)> *on Android*";

    @Autowired
    ChainClients chains;

    Chromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        chromium = Chromium.start("--lang=en-US");
        browser = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theNoteAndTheReplyReachTheReviewTaskInTasklistAsText() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1400));
        Api api = new Api(baseUrl());
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        String tx = new TestDeposits(chains).sendToken("bsc", USDT, alice, new BigInteger("250000000000000000000"));
        new TestDeposits(chains).mine("bsc", 15);

        // alice files the case with her note on the customer page
        chromium.signIn(baseUrl(), "alice");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "alice"));
        chooseUsdtOnBsc();
        chromium.type("claimedAmount", "250");
        chromium.type("txHash", tx);
        chromium.type("refundAddress", REFUND);
        chromium.type("note", NOTE);
        browser.findElement(By.id("file-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-detail")));
        String id = wait.until(d -> {
            String title = d.findElement(By.id("detail-title")).getText();
            return title.startsWith("Case ") && title.length() > 10 ? title.substring(5) : null;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));

        // sam asks for information; alice answers on the page
        assertThat(CaseFlow.decide(api, "sam", id, "REVIEW", Map.of("decision", "REQUEST_INFO", "message", "Which wallet app?")).status())
                .isEqualTo(200);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-box")));
        chromium.type("reply", REPLY);
        browser.findElement(By.id("reply-button")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));
        String taskId = CaseFlow.taskOf(api, "sam", id, "REVIEW");

        // sam opens the review task in Tasklist: the customer's words are there, as text
        browser.manage().deleteAllCookies();
        chromium.signIn(baseUrl(), "sam");
        browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId);
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        wait.until(ExpectedConditions.textToBePresentInElement(form, "What the customer wrote"));
        wait.until(ExpectedConditions.textToBePresentInElement(form, "Trust Wallet 8.1"));
        String shown = form.getText();
        assertThat(shown).contains(NOTE, REPLY, "Which wallet app?", "Note with the filing", "Reply");
        assertThat(form.findElements(By.tagName("b"))).as("the note's <b> stays text").isEmpty();
        assertThat(form.findElements(By.tagName("img"))).as("the reply's <img> stays text").isEmpty();
        assertThat(form.findElements(By.tagName("em"))).as("the reply's *on Android* stays text").isEmpty();

        // the desk's header instead of the vendor's end-of-life banner
        WebElement banner = browser.findElement(By.cssSelector(".ce-eol-banner"));
        assertThat(banner.getText()).doesNotContain("migrate");
        assertThat((String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0], '::before').content;", banner)).contains("Recovery Desk");
        chromium.screenshot("tasklist-customer-words");
    }

    @Test
    void theCustomerPageSwitchedToChineseFilesACase() throws Exception {
        browser.manage().window().setSize(new Dimension(420, 1500));
        Api api = new Api(baseUrl());
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        String tx = new TestDeposits(chains).sendToken("bsc", USDT, alice, new BigInteger("300000000000000000000"));
        new TestDeposits(chains).mine("bsc", 15);

        chromium.signIn(baseUrl(), "alice");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "alice"));
        new Select(browser.findElement(By.id("language"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("file-button"), "提交申请"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

        chooseUsdtOnBsc();
        assertThat(chromium.text("chain-note")).isEqualTo("通过 bsc 发送的资金可以找回。");
        chromium.type("claimedAmount", "300");
        wait.until(ExpectedConditions.textToBe(By.id("fee"), "费用：20.00 USD（20 USDT）。您将收到 280 USDT。费用为价值的 5%，最低 20 USD，最高 500 USD。"));
        chromium.type("txHash", tx);
        chromium.type("refundAddress", REFUND);
        chromium.type("note", "通过 BSC 误转");
        chromium.screenshot("customer-zh-form");
        browser.findElement(By.id("file-button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-detail")));
        wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "审核中"));
        assertThat(chromium.text("detail-title")).startsWith("申请 ");
        assertThat(chromium.text("detail-facts")).contains("数量", "300 USDT", "20.00 USD (20 USDT)").doesNotContain("minimum fee");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-timeline"), "申诉专员将审核您的申请。"));
        assertThat(chromium.text("detail-timeline")).contains("申请已提交。", "链上已确认这笔充值。");
        chromium.screenshot("customer-zh-case");

        // the choice sticks across a reload
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("file-button"), "提交申请"));
        assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("zh-CN");
    }

    private void chooseUsdtOnBsc() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chain option[value='bsc']")));
        new Select(browser.findElement(By.id("chain"))).selectByValue("bsc");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#token option[value='" + USDT + "']")));
        new Select(browser.findElement(By.id("token"))).selectByValue(USDT);
    }
}
