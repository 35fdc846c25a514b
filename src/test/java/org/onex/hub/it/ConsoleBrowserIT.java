package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.onex.hub.demo.SyntheticData;
import org.onex.hub.ingest.SourcePayloads;
import org.onex.hub.registry.DepartmentRegistry;
import org.onex.hub.schema.Violation;
import org.onex.hub.store.QuarantineStore;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 7: the operator console in a real browser (Debian's headless chromium through chromium-driver)
 * against the embedded default with its demo departments. Every page loads with real data; acknowledging
 * an alert, replaying a quarantined row and suspending a route take effect in the hub; the language
 * switches. A failing test leaves a screenshot in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    QuarantineStore quarantine;

    @Autowired
    SourcePayloads payloads;

    @Autowired
    DepartmentRegistry registry;

    @Autowired
    CamelContext camel;

    WebDriver browser;

    @RegisterExtension
    final TestWatcher screenshots = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                save(context);
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }

        /** {@code -Dconsole.screenshots=true} keeps the last page of passing tests too (for the docs). */
        @Override
        public void testSuccessful(ExtensionContext context) {
            if (Boolean.getBoolean("console.screenshots")) {
                try {
                    save(context);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        private void save(ExtensionContext context) throws IOException {
            if (browser instanceof ChromeDriver chrome) {
                Path dir = Files.createDirectories(Path.of("target", "screenshots"));
                Path file = dir.resolve("ConsoleBrowserIT-" + context.getRequiredTestMethod().getName() + ".png");
                Files.write(file, chrome.getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(file.getFileName() + ".html"), chrome.getPageSource());
            }
        }
    };

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DemoHubProperties.register(registry);
    }

    @BeforeAll
    void startBrowser(@Autowired org.springframework.context.ApplicationContext hub) throws IOException {
        TestClients.authorize(rest, TestClients.operator(hub)); // the API checks what the console did
        String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        assertThat(new File(chromium)).as("Debian chromium (apt-get install -y chromium chromium-driver)").exists();
        assertThat(new File(driver)).as("chromium-driver (apt-get install -y chromium chromium-driver)").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // flags the machine notes ask for: no sandbox as root, and no background calls to the closed network
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("hub-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        signIn();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn() {
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).as("the console asks for a login first").contains("/console/login");
        browser.findElement(By.id("username")).sendKeys("operator");
        browser.findElement(By.id("password")).sendKeys("demo-operator-password");
        navigateBy(browser.findElement(By.id("login")));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.id("departments")).size() == 1);
    }

    @Test
    void withoutASignInTheConsoleAndItsCsvRedirectToTheLoginAndAWrongPasswordIsRefused() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (String path : List.of("/console", "/console/alerts", "/console/scorecards.csv")) {
            HttpResponse<String> page = anonymous.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/console/login");
        }
        String form = anonymous.send(HttpRequest.newBuilder(URI.create(url("/console/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> wrong = anonymous.send(HttpRequest.newBuilder(URI.create(url("/console/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=operator&password=wrong-password&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");
    }

    @Test
    void overviewShowsEveryUnitWithHealthFreshnessAndCounts() {
        List<WebElement> rows = reloadUntil("/console", () -> {
            WebElement row = browser.findElement(By.cssSelector("tr[data-department='scjgj']"));
            return !row.findElements(By.tagName("td")).get(3).getText().equals("—")
                    && row.findElement(By.cssSelector(".status")).getText().equals("正常");
        }).findElements(By.cssSelector("#departments tbody tr"));
        assertThat(rows).as("every unit of config/departments.yaml").hasSize(registry.all().size())
                .hasSizeGreaterThanOrEqualTo(14);
        assertThat(browser.findElement(By.cssSelector("tr[data-department='scjgj']")).getText())
                .contains(registry.require("scjgj").nameZh()).contains("秒前");
        assertThat(Integer.parseInt(browser.findElement(By.id("tile-quarantine")).getText())).isPositive();
    }

    @Test
    void departmentPageListsFeedsRecordsAndQuarantineWithReasons() {
        reloadUntil("/console/departments/scjgj", () -> !browser.findElements(By.cssSelector("#records tbody tr td"))
                .get(0).getText().isEmpty() && !browser.findElements(By.cssSelector("tr[data-quarantine]")).isEmpty());
        assertThat(browser.findElement(By.id("feeds")).getText()).contains("licences");
        assertThat(browser.findElement(By.id("records")).getText()).contains("行政许可").contains("C2 部门决定信息")
                .doesNotContain("LICENCE");
        assertThat(browser.findElement(By.id("provides")).getText()).contains("C2 部门决定信息");
        List<WebElement> reasons = browser.findElement(By.id("quarantine"))
                .findElements(By.cssSelector("ul.reasons .rule"));
        assertThat(reasons).extracting(r -> r.getDomAttribute("data-rule"))
                .allMatch(r -> r.matches("[A-Z][A-Z0-9_]+"));
        assertThat(reasons).extracting(WebElement::getText).as("rules by their Chinese names")
                .allMatch(name -> name.matches(".*\\p{IsHan}.*"));
    }

    @Test
    void replayingAQuarantinedRowFromTheConsoleStoresIt() {
        // a row quarantined earlier (its mapping then lacked a code), valid under today's mapping
        Random r = new Random(11);
        Map<String, Object> row = Map.of("XK_WSH", "CONSOLE-REPLAY-1", "XK_XDR_MC", SyntheticData.companyName(r),
                "XK_XDR_LB", "02", "XK_XDR_SHXYM", SyntheticData.creditCode(r), "XK_JDRQ", "2026-11-20",
                "XK_XKLB", "01", "UPDATED_AT", "2026-11-20T09:00:00");
        long id = quarantine.quarantine("scjgj", "licences", "CONSOLE-REPLAY-1", "console test", payloads.toJson(row),
                List.of(new Violation("XK_XKLB", "MAPPING_CODE_UNKNOWN", Violation.Severity.ERROR, "code '01' is not in the code list")),
                Instant.now());
        browser.get(url("/console/departments/scjgj"));
        navigateBy(browser.findElement(By.cssSelector("tr[data-quarantine='" + id + "'] button.replay")));
        String notice = browser.findElement(By.id("flash-notice")).getText();
        assertThat(notice).contains("#" + id).contains("已入库").doesNotContain("STORED");
        assertThat(browser.findElements(By.cssSelector("tr[data-quarantine='" + id + "']"))).isEmpty();
        JsonNode resolved = rest.getForObject("/api/v1/quarantine?status=RESOLVED&department=scjgj&limit=500",
                JsonNode.class);
        assertThat(resolved.get("items").findValuesAsText("sourceKey")).contains("CONSOLE-REPLAY-1");
        // the record the notice names (the feed would show it only after sequencing, behind the demo's newer rows)
        java.util.regex.Matcher recordId = java.util.regex.Pattern.compile("记录 (\\d+)").matcher(notice);
        assertThat(recordId.find()).as(notice).isTrue();
        JsonNode record = rest.getForObject("/api/v1/records/" + recordId.group(1), JsonNode.class);
        assertThat(record.at("/record/document/number").asText()).isEqualTo("CONSOLE-REPLAY-1");
    }

    @Test
    void acknowledgingAnAlertWithACommentClosesIt() {
        JsonNode open = await().atMost(PATIENCE).until(
                () -> rest.getForObject("/api/v1/alerts?status=OPEN&kind=FILE_REJECTED", JsonNode.class),
                a -> a.get("count").asInt() > 0);
        long id = open.get("items").get(0).get("id").asLong();
        browser.get(url("/console/alerts?kind=FILE_REJECTED"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-alert='" + id + "']"));
        row.findElement(By.cssSelector("input.comment")).sendKeys("已联系生态环境局重新导出文件");
        navigateBy(row.findElement(By.cssSelector("button.acknowledge")));
        assertThat(browser.findElement(By.id("flash-notice")).getText()).contains("#" + id);
        JsonNode alert = rest.getForObject("/api/v1/alerts?status=ACKNOWLEDGED&kind=FILE_REJECTED", JsonNode.class);
        JsonNode acked = find(alert.get("items"), "id", String.valueOf(id));
        assertThat(acked.get("acknowledgedBy").asText()).isEqualTo("console:operator");
        assertThat(acked.get("ackComment").asText()).isEqualTo("已联系生态环境局重新导出文件");
        browser.get(url("/console/alerts?status=ALL&kind=FILE_REJECTED"));
        assertThat(browser.findElement(By.cssSelector("tr[data-alert='" + id + "'] .alert-status")).getText())
                .isEqualTo("已确认");
    }

    @Test
    void suspendingARouteStopsItUntilItIsResumed() {
        browser.get(url("/console/routes"));
        String route = "tr[data-route='zrzyj-approvals']";
        assertThat(browser.findElement(By.cssSelector(route + " .route-status")).getText()).isEqualTo("运行中");
        navigateBy(browser.findElement(By.cssSelector(route + " button.suspend")));
        assertThat(browser.findElement(By.cssSelector(route + " .route-status")).getText()).isEqualTo("已暂停");
        assertThat(camel.getRouteController().getRouteStatus("zrzyj-approvals")).isEqualTo(ServiceStatus.Suspended);
        assertThat(browser.findElement(By.cssSelector("tr[data-route='scjgj-licences'] .route-status"))
                .getDomAttribute("data-status")).as("the other departments go on").isEqualTo("Started");
        navigateBy(browser.findElement(By.cssSelector(route + " button.resume")));
        assertThat(browser.findElement(By.cssSelector(route + " .route-status")).getDomAttribute("data-status"))
                .isEqualTo("Started");
        assertThat(camel.getRouteController().getRouteStatus("zrzyj-approvals")).isEqualTo(ServiceStatus.Started);
        assertThat(Long.parseLong(browser.findElement(By.cssSelector("tr[data-route='scjgj-licences'] td.num"))
                .getText())).as("exchanges counted by camel-micrometer").isPositive();
    }

    /**
     * Issue 17 item 5: the 送达 link and its 全部 tab (no status) answer 200 in both languages (they were a 500), and
     * every page writes its data in Chinese: no enum code shown raw and no ISO UTC instant (times in Beijing time).
     * The quarantined source rows are the departments' own data and are left as they came.
     */
    @Test
    void everyPageWritesItsDataInChineseAndTheUnfilteredDeliveriesAnswer() {
        await().atMost(PATIENCE).until(() -> rest.getForObject("/api/v1/alerts?status=OPEN&kind=FILE_REJECTED",
                JsonNode.class).get("count").asInt() > 0);
        for (String lang : List.of("en", "zh_CN")) {
            browser.get(url("/console/deliveries?lang=" + lang));
            assertThat(status("/console/deliveries")).as(lang).isEqualTo(200);
            assertThat(browser.findElement(By.id("tab-ALL")).getDomAttribute("class")).as(lang).contains("active");
            assertThat(browser.findElements(By.id("deliveries"))).as(lang).hasSize(1);
        }
        java.util.regex.Pattern iso = java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
        java.util.regex.Pattern raw = java.util.regex.Pattern.compile(
                "(?<![\\w-])(" + String.join("|", rawCodes()) + ")(?![\\w-])|\\[C\\d(, C\\d)*\\]");
        for (String path : List.of("/console", "/console/alerts?status=ALL", "/console/deliveries",
                "/console/departments/scjgj", "/console/departments/zhzf", "/console/departments/sthjj",
                "/console/scorecards", "/console/exchanges?view=all", "/console/exchanges?view=notices",
                "/console/routes")) {
            browser.get(url(path));
            String text = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "const m = document.querySelector('main').cloneNode(true);"
                            + " m.querySelectorAll('.payload').forEach(p => p.remove()); return m.innerText;");
            assertThat(text).as(path).isNotBlank();
            assertThat(iso.matcher(text).results().map(java.util.regex.MatchResult::group)).as(path).isEmpty();
            assertThat(raw.matcher(text).results().map(java.util.regex.MatchResult::group)).as(path).isEmpty();
        }
        browser.get(url("/console/alerts?kind=FILE_REJECTED"));
        assertThat(browser.findElement(By.cssSelector("tr[data-alert] .message")).getText()).contains("被拒收")
                .matches("(?s).*（[^）]*\\p{IsHan}[^）]*）.*");
        assertThat(browser.findElement(By.cssSelector("tr[data-alert] .kind")).getText()).isEqualTo("文件拒收");
    }

    /** The codes a Chinese page must not show as they are: record types, attributions, alert kinds. */
    private static List<String> rawCodes() {
        List<String> codes = new java.util.ArrayList<>();
        for (Enum<?> e : org.onex.hub.schema.RecordType.values()) {
            codes.add(e.name());
        }
        for (Enum<?> e : org.onex.hub.deadline.Attribution.values()) {
            codes.add(e.name());
        }
        codes.addAll(List.of("FILE_REJECTED", "NO_COMPETENT_DEPARTMENT", "SOURCE_UNREACHABLE", "CHANNEL_UNREACHABLE",
                "OBLIGATION_LATE", "OBLIGATION_OVERDUE", "OBLIGATION_REMINDER", "SOURCE_SILENT", "DELIVERY_STUCK",
                "DELIVERY_DEAD", "EXCHANGE_OVERDUE", "NOTICE_UNRECEIPTED"));
        return codes;
    }

    /** The HTTP status of a console page, fetched with the browser's session. */
    private long status(String path) {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "fetch(arguments[0]).then(r => arguments[1](r.status))", url(path));
    }

    @Test
    void deliveriesAndScorecardsShowTheBureausDecisionsAndDeadlines() {
        reloadUntil("/console/deliveries?status=DELIVERED",
                () -> !browser.findElements(By.cssSelector("tr[data-delivery]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("tr[data-delivery] .delivery-status")).getText()).isEqualTo("已送达");
        reloadUntil("/console/scorecards", () -> !"0".equals(browser.findElement(By.id("chart"))
                .getDomAttribute("data-rendered")) && browser.findElement(By.id("chart")).getDomAttribute("data-rendered") != null);
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).as("ECharts drew the chart").isNotEmpty();
        assertThat(browser.findElement(By.id("scorecard")).getText()).contains("R-APPROVAL-NOTICE");
        String href = browser.findElement(By.id("csv")).getDomAttribute("href");
        Object csv = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1])", href);
        assertThat((String) csv).contains("department,month,rule").contains("R-APPROVAL-NOTICE");
    }

    /**
     * Issue 15: the demo's exchanges in the console — each unit's inbox with its due times, the office's joint
     * actions — and the 抄告 copy notice of the meteorological bureau (no system), opened as the PDF the print link
     * serves: Chinese text with the CJK font embedded.
     */
    @Test
    void theExchangesPageShowsInboxesJointActionsAndACopyNoticeThatOpensAsAChinesePdf() throws Exception {
        reloadUntil("/console/exchanges", () -> browser.findElement(By.id("exchanges")).getText().contains("县交通运输局"));
        assertThat(browser.findElement(By.id("exchanges")).getText()).contains("案件移送").contains("已发送");
        browser.get(url("/console/exchanges?view=joint"));
        assertThat(browser.findElement(By.id("exchanges")).getText()).contains("河道非法采砂联合整治").contains("已批准");

        reloadUntil("/console/exchanges?view=notices",
                () -> !browser.findElements(By.cssSelector("tr[data-notice]")).isEmpty());
        WebElement row = browser.findElement(By.cssSelector("tr[data-notice]"));
        assertThat(row.getText()).contains("县气象局").contains("未签收");
        String href = row.findElement(By.cssSelector("a.pdf")).getDomAttribute("href");
        Object base64 = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => { let s = '';"
                        + " new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); })", href);
        byte[] pdf = java.util.Base64.getDecoder().decode((String) base64);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("协作事项抄告单", "致：县气象局", "请求出具雷电灾害调查意见", "回执", "短码");
            for (org.apache.pdfbox.cos.COSName name : doc.getPage(0).getResources().getFontNames()) {
                assertThat(doc.getPage(0).getResources().getFont(name).isEmbedded()).isTrue();
            }
        }
        browser.get(url(href)); // the browser opens it in its PDF viewer
        assertThat(browser.getCurrentUrl()).endsWith(".pdf");
    }

    @Test
    void languageSwitchesToEnglishAndBack() {
        browser.get(url("/console/alerts"));
        navigateBy(browser.findElement(By.id("lang-en")));
        assertThat(navTexts()).contains("Overview", "Routes", "Alerts", "Deliveries", "Scorecards");
        browser.get(url("/console"));
        assertThat(browser.findElement(By.cssSelector("#departments thead")).getText()).contains("Freshness");
        navigateBy(browser.findElement(By.id("lang-zh")));
        assertThat(navTexts()).contains("总览", "路由", "告警", "送达", "时效考核");
    }

    /**
     * Clicks a button or link that loads a new page and waits until the old page is gone: a click does not
     * always wait for the navigation it starts, and the old page would answer the next lookup.
     */
    private void navigateBy(WebElement control) {
        WebElement page = browser.findElement(By.tagName("html"));
        control.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    private List<String> navTexts() {
        return browser.findElements(By.cssSelector(".bar nav a")).stream().map(WebElement::getText).toList();
    }

    /** Loads a page until the condition holds (the demo departments fill the hub over the first seconds). */
    private WebElement reloadUntil(String path, java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            browser.get(url(path));
            return condition.call();
        });
        return browser.findElement(By.tagName("main"));
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + items);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
