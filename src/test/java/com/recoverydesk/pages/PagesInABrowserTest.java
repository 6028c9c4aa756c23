package com.recoverydesk.pages;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.io.File;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
 * The pages, driven in Debian's Chromium through Selenium, as a customer and a specialist use them. The
 * screenshots in docs/screenshots are taken here.
 */
@Tag("browser") // the pages do not change with the database; .ci/run runs them once
class PagesInABrowserTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

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
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
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
    void aliceFilesACaseOnAPhoneSizedScreenAndWatchesItReachReview() throws Exception {
        browser.manage().window().setSize(new Dimension(400, 1400));
        signIn("alice");
        String alice = new Api(baseUrl()).get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "alice"));

        new Select(browser.findElement(By.id("chain"))).selectByValue("bsc");
        new Select(browser.findElement(By.id("token"))).selectByValue(USDT);
        type("claimedAmount", "250");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fee"), "Fee: 20.00 USD"));
        assertThat(text("chain-note")).contains("can be recovered");

        type("txHash", "0x1234");
        type("refundAddress", "0x70997970c51812DC3A010C7d01b50e0d17dc79C8");
        browser.findElement(By.id("file-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-txHash"), "64 hexadecimal"));
        assertThat(text("error-refundAddress")).contains("checksum");
        screenshot("form");

        TestDeposits deposits = new TestDeposits(chains);
        String tx = deposits.sendToken("bsc", USDT, alice, new BigInteger("250000000000000000000"));
        deposits.mine("bsc", 15);
        type("txHash", tx);
        type("refundAddress", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        browser.findElement(By.id("file-button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-detail")));
        wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "In review"));
        assertThat(text("detail-facts")).contains("250 USDT").contains(tx);
        assertThat(text("detail-timeline")).contains("An appeals specialist will review your case");
        screenshot("case");
    }

    @Test
    void aSpecialistFindsTheCaseOnTheDeskByTxidAndBobCannotSeeIt() throws Exception {
        Api api = new Api(baseUrl());
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        String tx = "0x" + "5e".repeat(32);
        var filed = api.post("alice", "/api/v1/cases", java.util.Map.of("type", "WRONG_NETWORK", "chain", "tron", "txHash", tx,
                "depositAddress", alice, "refundAddress", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
        String id = filed.body().get("id").asText();

        browser.manage().window().setSize(new Dimension(1280, 1200));
        signIn("sam");
        browser.get(baseUrl() + "/desk/");
        type("q-txHash", tx);
        browser.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), id.substring(0, 8)));
        browser.findElement(By.linkText(id.substring(0, 8))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-title"), id));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-checks"), "CHAIN_UNSUPPORTED"));
        assertThat(text("case-customer")).isEqualTo("alice");
        screenshot("desk");

        browser.manage().deleteAllCookies();
        signIn("bob");
        browser.get(baseUrl() + "/api/v1/cases/" + id);
        assertThat(browser.getPageSource()).contains("404").doesNotContain(alice);
        browser.get(baseUrl() + "/desk/");
        assertThat(browser.getPageSource()).doesNotContain("Find cases");
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
