/**
 * Bringing a company's data in and out: CSV imports of companies, people, interactions and orders (upload, column
 * mapping guessed from the headers and saved as templates, a preview with the errors found, a background run with its
 * progress, the rejected rows to download, a re-import that updates instead of duplicating, the likely duplicates of
 * the companies and people it created) and CSV exports of lists. Orders are checked by the order aggregate's own
 * rules (their steps replayed) and written, with the client, order and interaction tables, in bulk through its own SQL
 * adapter
 * ({@link org.relationcrm.dataimport.ImportStore}); it publishes {@link org.relationcrm.dataimport.ImportFinished}
 * and {@link org.relationcrm.dataimport.ListExported} for whoever keeps an audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import and export",
        allowedDependencies = {"audit", "client", "interaction", "order", "team", "team :: web", "shared :: web",
                "shared :: persistence"})
package org.relationcrm.dataimport;
