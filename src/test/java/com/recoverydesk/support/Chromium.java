package com.recoverydesk.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and chromium-driver, headless, on a fresh profile, and what the page tests do with it. A library
 * that downloads a browser at run time cannot fetch one here, so a machine without the two packages skips the test
 * (.ci/run installs them).
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final WebDriverWait waiting;

    private Chromium(WebDriver driver) {
        this.driver = driver;
        this.waiting = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** A browser with a profile of its own; {@code arguments} come after the defaults (a language, for instance). */
    public static Chromium start(String... arguments) {
        assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
        List<String> all = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        all.addAll(List.of(arguments));
        try {
            all.add("--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(all);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits up to a minute: the pages wait for the engine's jobs and the devnet. */
    public WebDriverWait waiting() {
        return waiting;
    }

    /** Signs a demo user in through the login form, as a person does, and waits to leave it. */
    public void signIn(String baseUrl, String user) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waiting.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Replaces what the field with this id holds. */
    public void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Saves what the browser shows as docs/screenshots/{name}.png, for the README and the docs. */
    public void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("docs", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
