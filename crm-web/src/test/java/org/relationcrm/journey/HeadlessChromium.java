package org.relationcrm.journey;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * The browser of the journeys: Debian's /usr/bin/chromium when present (Playwright must not download its own
 * here), otherwise Playwright's own browser (a developer laptop), which Playwright downloads and so needs internet
 * access: without either, the journeys fail at once with {@link #NO_BROWSER}, not with Playwright's download error.
 * Headless, with the flags this machine needs.
 */
final class HeadlessChromium {

    static final Path SYSTEM_CHROMIUM = Paths.get("/usr/bin/chromium");

    /** Screenshots of the journeys, to look at after a run: crm-web/target/screenshots. */
    static final Path SCREENSHOTS = screenshotFolder();

    private HeadlessChromium() {
    }

    /** A picture to look at, not a check: so it waits longer than the journeys' steps on a loaded machine. */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true)
                .setTimeout(60_000));
    }

    /**
     * Collects what a user would suffer without seeing it in an assertion: same-origin responses in error, failed
     * requests, console errors and warnings (CSP violations among them) and page errors.
     */
    static void watch(Page page, String origin, List<String> problems) {
        page.onResponse(response -> {
            if (response.url().startsWith(origin) && response.status() >= 400) {
                problems.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
        page.onRequestFailed(request -> {
            if (request.url().startsWith(origin)) {
                problems.add("failed " + request.method() + " " + request.url() + ": " + request.failure());
            }
        });
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || "warning".equals(message.type())) {
                problems.add("console " + message.type() + ": " + message.text() + " at " + message.location());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
    }

    private static Path screenshotFolder() {
        try {
            // target/test-classes -> target/screenshots
            Path testClasses = Paths.get(HeadlessChromium.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return testClasses.resolveSibling("screenshots");
        } catch (URISyntaxException e) {
            return Paths.get("target", "screenshots");
        }
    }

    static final String NO_BROWSER = "The browser tests need a Chromium: none at " + SYSTEM_CHROMIUM
            + ", and Playwright could not download or start its own (it needs internet access to fetch it). Install one"
            + " (Debian/Ubuntu: apt-get install chromium; /usr/bin/chromium is used) or run the tests with internet"
            + " access. See README, \"The two commands\".";

    static Playwright playwright() {
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        }
        try {
            return Playwright.create();
        } catch (RuntimeException downloadFailed) { // PlaywrightException, or the driver's own errors
            throw new IllegalStateException(NO_BROWSER, downloadFailed);
        }
    }

    static Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"));
        // a loaded build machine can take a few seconds for the first page of a cold server
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            return playwright.chromium().launch(launch.setExecutablePath(SYSTEM_CHROMIUM));
        }
        try {
            return playwright.chromium().launch(launch);
        } catch (RuntimeException noOwnBrowser) {
            throw new IllegalStateException(NO_BROWSER, noOwnBrowser);
        }
    }
}
