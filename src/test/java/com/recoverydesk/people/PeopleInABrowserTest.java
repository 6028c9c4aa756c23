package com.recoverydesk.people;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.io.File;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String NOTE = "Sent over BSC by mistake from my <b>Trust</b> Wallet";
    private static final String REPLY = "Trust Wallet 8.1 <img src=x onerror=alert(1)> *on Android*";

    @Autowired
    ChainClients chains;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
                "--user-data-dir=" + tempDir("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
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
        signIn("alice");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "alice"));
        chooseUsdtOnBsc();
        type("claimedAmount", "250");
        type("txHash", tx);
        type("refundAddress", REFUND);
        type("note", NOTE);
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
        type("reply", REPLY);
        browser.findElement(By.id("reply-button")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> CaseFlow.status(api, "alice", id).equals("IN_REVIEW"));
        String taskId = CaseFlow.taskOf(api, "sam", id, "REVIEW");

        // sam opens the review task in Tasklist: the customer's words are there, as text
        browser.manage().deleteAllCookies();
        signIn("sam");
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
        screenshot("tasklist-customer-words");
    }

    @Test
    void theCustomerPageSwitchedToChineseFilesACase() throws Exception {
        browser.manage().window().setSize(new Dimension(420, 1500));
        Api api = new Api(baseUrl());
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        String tx = new TestDeposits(chains).sendToken("bsc", USDT, alice, new BigInteger("300000000000000000000"));
        new TestDeposits(chains).mine("bsc", 15);

        signIn("alice");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "alice"));
        new Select(browser.findElement(By.id("language"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("file-button"), "提交申请"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

        chooseUsdtOnBsc();
        assertThat(text("chain-note")).isEqualTo("通过 bsc 发送的资金可以找回。");
        type("claimedAmount", "300");
        wait.until(ExpectedConditions.textToBe(By.id("fee"), "费用：20.00 USD（20 USDT）。您将收到 280 USDT。费用为价值的 5%，最低 20 USD，最高 500 USD。"));
        type("txHash", tx);
        type("refundAddress", REFUND);
        type("note", "通过 BSC 误转");
        screenshot("customer-zh-form");
        browser.findElement(By.id("file-button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-detail")));
        wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "审核中"));
        assertThat(text("detail-title")).startsWith("申请 ");
        assertThat(text("detail-facts")).contains("数量", "300 USDT", "20.00 USD (20 USDT)").doesNotContain("minimum fee");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-timeline"), "申诉专员将审核您的申请。"));
        assertThat(text("detail-timeline")).contains("申请已提交。", "链上已确认这笔充值。");
        screenshot("customer-zh-case");

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

    private void signIn(String user) {
        browser.get(baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("docs", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
