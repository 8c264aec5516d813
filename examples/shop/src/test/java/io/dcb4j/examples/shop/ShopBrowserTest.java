package io.dcb4j.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shop in a real headless Chromium, started exactly as {@code main} starts it (with the embedded
 * simulators): a visitor subscribes with a phone number, types the PIN the demo phone received, sees the
 * subscription active and the operator's callback arrive, and cancels; for two providers. Any error in the
 * browser console fails the test. Needs Debian's {@code chromium} and {@code chromium-driver}: without them the
 * test fails (it is never skipped), saying how to install them.
 */
class ShopBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    private static ConfigurableApplicationContext shop;
    private static WebDriver browser;
    private static Path profile;
    private static String base;

    @BeforeAll
    static void startShopAndBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The shop's browser test needs Chromium and ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (or the CHROMIUM and CHROMEDRIVER environment variables). On Debian: apt-get update &&"
                    + " apt-get install -y chromium chromium-driver (.ci/run installs them).");
        }
        shop = ShopApplication.start("eklectic,centili", "--server.port=0", "--spring.main.banner-mode=off");
        base = "http://127.0.0.1:" + shop.getEnvironment().getRequiredProperty("local.server.port");

        profile = Files.createTempDirectory("shop-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (shop != null) {
                shop.close();
            }
            if (profile != null) {
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @AfterEach
    void noErrorInTheBrowserConsole() {
        List<String> errors = consoleErrors();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eklectic", "centili"})
    void aVisitorSubscribesWithThePinSeesItActiveWithTheCallbackAndCancels(String provider) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.withMessage(() -> "the page " + browser.getCurrentUrl() + " shows:\n"
                + browser.findElement(By.tagName("body")).getText());
        browser.get(base + "/");
        new Select(browser.findElement(By.id("provider"))).selectByValue(provider);
        assertThat(browser.findElement(By.id("msisdn")).getDomProperty("value")).as("the demo's number")
                .isNotBlank();
        browser.findElement(By.id("subscribe-button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin")));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("PIN_SENT");
        String pin = browser.findElement(By.id("sms")).getText().replaceAll("\\D", "");
        assertThat(pin).as("the PIN on the demo phone").isNotEmpty();
        browser.findElement(By.id("pin")).sendKeys(pin);
        browser.findElement(By.id("confirm-button")).click();

        wait.until(ExpectedConditions.textToBe(By.id("state"), "ACTIVE"));
        assertThat(browser.findElement(By.id("provider-state")).getText()).isEqualTo("ACTIVE");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#events li"), 0));

        browser.findElement(By.id("cancel-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "CANCELLED"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("cancelled");
        if (provider.equals("eklectic")) {
            // Eklectic calls back on unsubscription too; the page shows it without a reload
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "UNSUBSCRIBED"));
        }
    }

    @Test
    void aWrongNumberIsRefusedOnThePage() {
        browser.get(base + "/");
        browser.findElement(By.id("msisdn")).clear();
        browser.findElement(By.id("msisdn")).sendKeys("12");
        browser.findElement(By.id("subscribe-button")).click();
        assertThat(browser.findElement(By.id("error")).getText()).contains("mobile number");
    }

    @Test
    void theConsoleCheckSeesAnError() {
        browser.get(base + "/");
        ((JavascriptExecutor) browser).executeScript("console.error('console check probe')");
        assertThat(consoleErrors()).anySatisfy(m -> assertThat(m).contains("console check probe"));
    }
}
