package org.relationcrm.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * The browser of the journeys: Debian's /usr/bin/chromium when present (Playwright must not download its own
 * here), otherwise Playwright's own browser (a developer laptop). Headless, with the flags this machine needs.
 */
final class HeadlessChromium {

    static final Path SYSTEM_CHROMIUM = Paths.get("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    static Playwright playwright() {
        return Files.isExecutable(SYSTEM_CHROMIUM)
                ? Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))
                : Playwright.create();
    }

    static Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"));
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            launch.setExecutablePath(SYSTEM_CHROMIUM);
        }
        // a loaded build machine can take a few seconds for the first page of a cold server
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        return playwright.chromium().launch(launch);
    }
}
