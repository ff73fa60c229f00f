package org.relationcrm.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * axe-core, the accessibility engine, run in the page of a browser journey. Its script (axe.min.js, from the
 * com.deque.html.axe-core:playwright jar of Maven Central, test scope) is evaluated in the page, which the page's
 * Content-Security-Policy allows (Playwright evaluates through the DevTools protocol, not a script tag), then
 * {@code axe.run} checks the whole document as it is now: open menus, typed forms and all.
 * <p>
 * Any journey can call {@link #assertNoSeriousProblems(Page, String)} at any step.
 */
final class Axe {

    private static final String SCRIPT = load();

    /** Violations of these impacts fail a journey (axe's others are "moderate" and "minor"). */
    private static final String CHECK = """
            async () => {
                const result = await axe.run(document, {resultTypes: ['violations']});
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.map(n => v.impact + ' ' + v.id + ' at ' + n.target.join(' ') + ': '
                        + (n.any.concat(n.all, n.none).map(c => c.message).join('; ') || v.help)));
            }""";

    private Axe() {
    }

    /** The serious and critical problems axe finds on the page, one line each (rule, element, why). */
    @SuppressWarnings("unchecked")
    static List<String> seriousProblems(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            page.evaluate(SCRIPT);
        }
        return (List<String>) page.evaluate(CHECK);
    }

    /** Fails with axe's findings when the page has a serious or critical problem; {@code where} names the page. */
    static void assertNoSeriousProblems(Page page, String where) {
        assertThat(seriousProblems(page)).as("serious or critical axe findings on %s", where).isEmpty();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
