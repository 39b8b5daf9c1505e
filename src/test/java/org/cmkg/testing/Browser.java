package org.cmkg.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Selenium, one per test class, against a real server.
 * It reads the browser console (a test fails on any error there), saves screenshots under
 * {@code target/screenshots/} for a person to look at, and downloads into a folder of its own. The
 * packages must be installed: without them the tests fail and say which ({@code .ci/run} installs them).
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String base;
    private final Path downloads;

    private Browser(ChromeDriver driver, String base, Path downloads) {
        this.driver = driver;
        this.base = base;
        this.downloads = downloads;
    }

    /** A browser for the server at {@code base} ({@code http://127.0.0.1:port}). */
    public static Browser open(String base) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER))
            throw new AssertionError("The browser tests need Debian's headless Chromium: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are missing. Install them with: apt-get update && apt-get install -y chromium chromium-driver fonts-noto-cjk");
        try {
            Path downloads = Files.createTempDirectory("cmkg-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1400,1000", "--hide-scrollbars", "--lang=en-US", "--disable-extensions",
                    "--no-first-run", "--disable-background-networking");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, base, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the server. */
    public Browser go(String pathAndQuery) {
        driver.get(base + pathAndQuery);
        return this;
    }

    /** Chooses the page language the way a reader does: with the switch's URL (it sets the cookie). */
    public Browser language(String tag) {
        driver.get(base + "/lang/" + tag + "?back=/api");
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to 20 s) for an element to be present and returns it. */
    public WebElement await(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Waits for a condition (polling; never a fixed sleep). */
    public <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The page's path, query and fragment. */
    public String location() {
        return (String) script("return location.pathname + location.search + location.hash");
    }

    /** The console's errors since the last call (and the page errors the browser logs there). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Fails when the console has had an error since the last check. */
    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty())
            throw new AssertionError("Browser console errors on " + location() + ":\n" + String.join("\n", errors));
    }

    /** Saves the whole page as {@code target/screenshots/{name}.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            script("window.scrollTo(0, 0)");
            long height = (Long) script("return Math.min(6000, Math.max(document.documentElement.scrollHeight, window.innerHeight))");
            var size = driver.manage().window().getSize();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.max(size.getHeight(), height)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(size);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the window shows now, without resizing (e.g. a passage scrolled into view). */
    public Path viewportScreenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder downloads go to. */
    public Path downloads() {
        return downloads;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
