package dev.meridian.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium on the admin portal of the shared {@link RunningMeridian}: signs in, opens pages, waits
 * for elements and saves screenshots under {@code target/screenshots}. Close it to quit the browser.
 */
final class Browser implements AutoCloseable {

    private final RunningMeridian meridian;
    private final WebDriver driver;
    private final WebDriverWait wait;

    Browser(RunningMeridian meridian) {
        this.meridian = meridian;
        this.driver = new ChromeDriver(new ChromeOptions().addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + RunningMeridian.directory().resolve("chrome-profile-" + ProcessHandle.current()
                        .pid() + "-" + System.nanoTime())));
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a portal page by its path under {@code /admin/}, e.g. {@code "organizations.xhtml"}. */
    Browser open(String page) {
        driver.get(meridian.uri("/admin/" + page).toString());
        return this;
    }

    /** Signs in through the login form (saving a picture of it) and waits for the "signed in as" header. */
    Browser signIn(String username, String password) {
        open("");
        // JSF prefixes ids with their form's id
        var name = visible("[id$='username']");
        screenshot("portal-login");
        name.sendKeys(username);
        driver.findElement(By.cssSelector("[id$='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("[id$='login']")).click();
        visible("[id$='signed-in-as']");
        return this;
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element shows the text, and answers the element. */
    WebElement showing(String css, String text) {
        var element = visible(css);
        wait.until(ExpectedConditions.textToBePresentInElement(element, text));
        return element;
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** Opens a page by its navigation link ({@code nav-<page>}), which carries the protected views token. */
    Browser navigate(String page) {
        visible("[id$='nav-" + page + "']").click();
        wait.until(ExpectedConditions.urlContains(page + ".xhtml"));
        return this;
    }

    /** Waits until the element, found anew each time (ajax replaces elements), shows the text; answers it. */
    WebElement shows(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return visible(css);
    }

    /** The first row of a table that shows all the texts, once there is one (tables reload by ajax). */
    WebElement row(String table, String... texts) {
        return wait.ignoring(StaleElementReferenceException.class).until(found -> found
                .findElements(By.cssSelector(table + " tbody tr")).stream()
                .filter(row -> Arrays.stream(texts).allMatch(row.getText()::contains))
                .findFirst()
                .orElse(null));
    }

    /**
     * Picks the option with that label in a PrimeFaces select menu, and clicks again until the menu shows it: a
     * click that lands while the panel is still opening selects nothing.
     */
    Browser choose(String menu, String label) {
        var id = visible(menu).getAttribute("id");
        var shown = By.id(id + "_label");
        var option = By.cssSelector("[id='" + id + "_panel'] li[data-label='" + label + "']");
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementNotInteractableException.class)
                .until(found -> {
                    if (!label.equals(found.findElement(shown).getText())) {
                        if (found.findElements(option).stream().noneMatch(WebElement::isDisplayed)) {
                            found.findElement(By.id(id)).click();
                        }
                        found.findElement(option).click();
                    }
                    return label.equals(found.findElement(shown).getText());
                });
        return this;
    }

    /** Types into a PrimeFaces autocomplete (by the end of its id) and picks the suggestion with that value. */
    Browser suggest(String autoComplete, String typed, String value) {
        var input = visible("[id$='" + autoComplete + "_input']");
        input.clear();
        input.sendKeys(typed);
        visible("[id$='" + autoComplete + "_panel'] li[data-item-value='" + value + "']").click();
        return this;
    }

    /** Whether the page has no element the selector matches. */
    boolean absent(String css) {
        return driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Path file = Path.of(RunningMeridian.property("meridian.screenshots.dir"), name + ".png");
            Files.createDirectories(file.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
