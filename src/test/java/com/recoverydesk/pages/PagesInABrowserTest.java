package com.recoverydesk.pages;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.Chromium;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
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


    @Autowired
    ChainClients chains;

    Chromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        chromium = Chromium.start();
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
    void aliceFilesACaseOnAPhoneSizedScreenAndWatchesItReachReview() throws Exception {
        browser.manage().window().setSize(new Dimension(400, 1400));
        chromium.signIn(baseUrl(), "alice");
        String alice = new Api(baseUrl()).get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "alice"));

        new Select(browser.findElement(By.id("chain"))).selectByValue("bsc");
        new Select(browser.findElement(By.id("token"))).selectByValue(USDT);
        chromium.type("claimedAmount", "250");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fee"), "Fee: 20.00 USD"));
        assertThat(chromium.text("chain-note")).contains("can be recovered");

        chromium.type("txHash", "0x1234");
        chromium.type("refundAddress", "0x70997970c51812DC3A010C7d01b50e0d17dc79C8");
        browser.findElement(By.id("file-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-txHash"), "64 hexadecimal"));
        assertThat(chromium.text("error-refundAddress")).contains("checksum");
        chromium.screenshot("form");

        TestDeposits deposits = new TestDeposits(chains);
        String tx = deposits.sendToken("bsc", USDT, alice, new BigInteger("250000000000000000000"));
        deposits.mine("bsc", 15);
        chromium.type("txHash", tx);
        chromium.type("refundAddress", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        browser.findElement(By.id("file-button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-detail")));
        wait.until(ExpectedConditions.textToBe(By.id("detail-status"), "In review"));
        assertThat(chromium.text("detail-facts")).contains("250 USDT").contains(tx);
        assertThat(chromium.text("detail-timeline")).contains("An appeals specialist will review your case");
        chromium.screenshot("case");
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
        chromium.signIn(baseUrl(), "sam");
        browser.get(baseUrl() + "/desk/");
        chromium.type("q-txHash", tx);
        browser.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), id.substring(0, 8)));
        browser.findElement(By.linkText(id.substring(0, 8))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-title"), id));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-checks"), "CHAIN_UNSUPPORTED"));
        assertThat(chromium.text("case-customer")).isEqualTo("alice");
        chromium.screenshot("desk");

        browser.manage().deleteAllCookies();
        chromium.signIn(baseUrl(), "bob");
        browser.get(baseUrl() + "/api/v1/cases/" + id);
        assertThat(browser.getPageSource()).contains("404").doesNotContain(alice);
        browser.get(baseUrl() + "/desk/");
        assertThat(browser.getPageSource()).doesNotContain("Find cases");
    }
}
