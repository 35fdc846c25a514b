package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Issue 17 item 7: signs in to the console as one role, opens every navigation item, every tab and every value of
 * every filter select, in Chinese and English, and collects what is wrong on each page: an error page, a raw enum
 * code or a UTC instant on a Chinese page, an element wider than the window. Keeps a screenshot of each main page.
 */
final class ConsoleCrawler implements AutoCloseable {

    /** A Java constant written as it is (SCREAMING_SNAKE with an underscore), outside a code element. */
    private static final Pattern RAW_CODE = Pattern.compile("(?<![\\w.-])[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+(?![\\w.-])");
    /** One-word codes the hub's enums and statuses use, which a Chinese page must say in Chinese. */
    private static final Pattern RAW_WORD = Pattern.compile("(?<![\\w.-])(?:LICENCE|PENALTY|FILING|INSPECTION|OPEN"
            + "|ACKNOWLEDGED|DELIVERED|PENDING|QUEUED|DEAD|VALID|REVOKED|SUBMITTED|ACCEPTED|RETURNED|DISPUTED|DECIDED"
            + "|REPLIED|APPROVED|REJECTED|RESOLVED|WARNING|ERROR|STORED|SUPERSEDED|QUARANTINED|DEGRADED)(?![\\w.-])");
    /** An ISO instant as Java prints it: a zh page writes Beijing time without the T. */
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
    /** Visible text of the page without code elements (route ids, rule codes shown as codes on purpose). */
    private static final String TEXT_WITHOUT_CODE = "const m = document.querySelector('main').cloneNode(true);"
            + " m.querySelectorAll('code, script, style, .code').forEach(e => e.remove());"
            + " document.body.appendChild(m); m.style.position = 'absolute'; m.style.left = '-99999px';"
            + " const t = m.innerText; m.remove(); return t;";

    private final ChromeDriver browser;
    private final String origin;
    private final Path screenshots;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> visited = new LinkedHashSet<>();

    private ConsoleCrawler(ChromeDriver browser, String origin, Path screenshots) {
        this.browser = browser;
        this.origin = origin;
        this.screenshots = screenshots;
    }

    /** Headless Debian chromium at {@code width}×900 (the flags the machine notes ask for). */
    static ChromeDriver chromium(int width) throws IOException {
        String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        assertThat(new File(chromium)).as("Debian chromium (apt-get install -y chromium chromium-driver)").exists();
        assertThat(new File(driver)).as("chromium-driver (apt-get install -y chromium chromium-driver)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + ",900", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("hub-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** A browser of its own at 1440 px, signed in as {@code user}. */
    static ConsoleCrawler signIn(String origin, String user, String password) throws IOException {
        ConsoleCrawler c = new ConsoleCrawler(chromium(1440), origin,
                Files.createDirectories(Path.of("target", "screenshots", "console")));
        c.browser.get(origin + "/console/login");
        c.browser.findElement(By.id("username")).sendKeys(user);
        c.browser.findElement(By.id("password")).sendKeys(password);
        c.browser.findElement(By.id("login")).click();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> !c.browser.getCurrentUrl().contains("/console/login"));
        return c;
    }

    /** Crawls every page the navigation offers in one language ({@code zh_CN} or {@code en}); the pages seen. */
    List<String> crawl(String role, String lang) throws IOException {
        browser.get(origin + "/console?lang=" + lang);
        List<String> nav = browser.findElements(By.cssSelector(".bar nav a")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertThat(nav).as(role + " sees a navigation").isNotEmpty();
        List<String> pages = new ArrayList<>();
        for (String page : nav) {
            open(page, lang);
            pages.add(page);
            Files.write(screenshots.resolve(role.toLowerCase() + "-" + lang + page.replace('/', '-') + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
            for (String variant : variants(page)) {
                open(variant, lang);
                pages.add(variant);
            }
        }
        return pages;
    }

    /** Tabs (links under .tabs) and each option of each filter select of the page now open. */
    private List<String> variants(String page) {
        Set<String> out = new LinkedHashSet<>();
        for (WebElement a : browser.findElements(By.cssSelector("main .tabs a, main nav a"))) {
            String href = a.getDomAttribute("href");
            if (href != null && href.startsWith(page)) {
                out.add(href);
            }
        }
        for (WebElement select : browser.findElements(By.cssSelector("main form.filters select"))) {
            String name = select.getDomAttribute("name");
            for (WebElement option : select.findElements(By.tagName("option"))) {
                String value = option.getDomAttribute("value");
                out.add(page + (page.contains("?") ? "&" : "?") + name + "=" + (value == null ? "" : value));
            }
        }
        out.remove(page);
        return new ArrayList<>(out);
    }

    private void open(String path, String lang) {
        browser.get(origin + path);
        visited.add(lang + " " + path);
        String where = lang + " " + path + ": ";
        String body = browser.findElement(By.tagName("body")).getText();
        if (body.contains("Whitelabel Error Page") || body.contains("There was an unexpected error")
                || browser.getCurrentUrl().contains("/console/denied") || browser.getCurrentUrl().contains("/login")) {
            problems.add(where + "error page " + browser.getCurrentUrl() + " " + first(body, 200));
            return;
        }
        JavascriptExecutor js = browser;
        Object wide = js.executeScript("const w = document.documentElement.clientWidth; const out = [];"
                + " document.querySelectorAll('main *').forEach(e => { const r = e.getBoundingClientRect();"
                + " if (r.width > 0 && r.right > w + 1) { out.push(e.tagName + '.' + e.className + ' ' + r.right); } });"
                + " return out.slice(0, 3).join('; ');");
        if (wide != null && !wide.toString().isEmpty()) {
            problems.add(where + "wider than the window (" + browser.manage().window().getSize().width + " px): "
                    + wide);
        }
        if (lang.startsWith("zh")) {
            String text = String.valueOf(js.executeScript(TEXT_WITHOUT_CODE));
            for (Pattern p : List.of(RAW_CODE, RAW_WORD, ISO_INSTANT)) {
                Matcher m = p.matcher(text);
                if (m.find()) {
                    problems.add(where + "raw '" + m.group() + "' in «" + around(text, m.start()) + "»");
                }
            }
        }
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)).replace('\n', ' ');
    }

    private static String first(String text, int n) {
        return text.length() <= n ? text : text.substring(0, n);
    }

    List<String> problems() {
        return problems;
    }

    Set<String> visited() {
        return visited;
    }

    @Override
    public void close() {
        browser.quit();
    }
}
