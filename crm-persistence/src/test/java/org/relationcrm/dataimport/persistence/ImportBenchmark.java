package org.relationcrm.dataimport.persistence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.dataimport.ImportJob;
import org.relationcrm.dataimport.ImportKind;
import org.relationcrm.dataimport.ImportService;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The import's benchmark (docs/benchmarks.md), not run by the build (its name is not *Tests): generates a CSV of
 * {@code bench.companies} companies (100 000 by default) and one of {@code bench.people} people (300 000), French
 * style (semicolons, accents, a SIRET each), imports both through {@link ImportService} as a user would, then the
 * companies' file again (every row an update), and prints each duration, the rows per second and the highest heap
 * used seen while it ran. Run it with
 * {@code ./mvnw -pl crm-persistence -am verify -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (and TEST_DB_URL for a given PostgreSQL).
 */
@SpringBootTest
class ImportBenchmark {

    @Autowired ImportService imports;
    @Autowired UserService users;
    @Autowired org.relationcrm.client.ClientRecordService records;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * CPU seconds used so far by this JVM and by PostgreSQL's backends of this database (from /proc: Linux, the
     * server on this machine): on a busy machine, wall time says little, the CPU used says what a quiet one needs.
     */
    private double[] cpu() {
        double app = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        double db = 0;
        for (Integer pid : jdbc.sql("select pid from pg_stat_activity where datname = current_database()")
                .query(Integer.class).list()) {
            try {
                String[] stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).split(" ");
                db += (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / 100.0;
            } catch (IOException | RuntimeException gone) {
                // a backend that ended meanwhile
            }
        }
        return new double[] {app, db};
    }

    static final String[] CITIES = {"Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Rennes", "Angers",
            "Orléans", "Besançon", "Nîmes", "Clermont-Ferrand", "Brest", "Tours", "Limoges", "Amiens"};
    static final String[] WORDS = {"Boulangerie", "Garage", "Imprimerie", "Menuiserie", "Cabinet", "Atelier", "Société",
            "Transports", "Électricité", "Plomberie", "Pâtisserie", "Conseil", "Bâtiment", "Informatique"};
    static final String[] NAMES = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux"};
    static final String[] FIRST = {"Anne", "Élodie", "Paul", "Léa", "Hugo", "Chloé", "Louis", "Inès", "Jules", "Zoé"};

    @Test
    void importHundredThousandCompaniesAndThreeHundredThousandPeople() throws Exception {
        int companies = Integer.getInteger("bench.companies", 100_000);
        int people = Integer.getInteger("bench.people", 300_000);
        Actor me = TestData.user(users, Role.ADV, Department.ADV).asActor();
        Path dir = Files.createTempDirectory("relation-import-bench");
        Path companyFile = dir.resolve("entreprises.csv");
        Path peopleFile = dir.resolve("contacts.csv");
        long t0 = System.nanoTime();
        writeCompanies(companyFile, companies);
        writePeople(peopleFile, people, companies);
        System.out.printf("generated %,d companies (%,d bytes) and %,d people (%,d bytes) in %.1f s%n", companies,
                Files.size(companyFile), people, Files.size(peopleFile), (System.nanoTime() - t0) / 1e9);

        HeapWatch heap = new HeapWatch();
        heap.start();
        ImportJob c = timed("companies", ImportKind.COMPANIES, companyFile, me);
        ImportJob p = timed("people", ImportKind.PEOPLE, peopleFile, me);
        ImportJob again = timed("companies again (updates)", ImportKind.COMPANIES, companyFile, me);
        exportAll();
        heap.interrupt();
        System.out.printf("rows: companies %,d created %,d updated %,d rejected; people %,d created %,d rejected; "
                        + "again %,d updated%n", c.rowsCreated(), c.rowsUpdated(), c.rowsRejected(), p.rowsCreated(),
                p.rowsRejected(), again.rowsUpdated());
        System.out.printf("highest heap used while importing: %,d MB (max heap %,d MB)%n", heap.highest.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * Orders from an ERP's export: {@code bench.orders} orders (30 000 by default) of 1 to 5 lines each, on
     * {@code bench.orderClients} companies imported first, then the same file again (every order updated, its lines
     * replaced). And what finding the likely duplicates of 1 000 new people costs (the per-batch query of a people
     * import), the people imported before it.
     */
    @Test
    void importOrdersOfAnErpExport() throws Exception {
        int orders = Integer.getInteger("bench.orders", 30_000);
        int clients = Integer.getInteger("bench.orderClients", 10_000);
        int people = Integer.getInteger("bench.people", 30_000);
        Actor me = TestData.user(users, Role.ADV, Department.ADV).asActor();
        Path dir = Files.createTempDirectory("relation-import-bench");
        Path companyFile = dir.resolve("entreprises.csv");
        Path peopleFile = dir.resolve("contacts.csv");
        Path orderFile = dir.resolve("commandes.csv");
        writeCompanies(companyFile, clients);
        writePeople(peopleFile, people, clients);
        for (String code : new String[] {"MAINT", "FORM", "LIC", "CONS", "HEB"}) {
            jdbc.sql("insert into product_line (code, name) values (:c, :c) on conflict do nothing").param("c", code)
                    .update();
        }
        Random random = new Random(11);
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(orderFile, StandardCharsets.UTF_8)) {
            out.write("N° commande;Client;Date commande;Statut;Conditions de paiement;Produit;Qté;PU HT;Remise;"
                    + "Livrée le;Date facture;Payée\r\n");
            String[] products = {"MAINT", "FORM", "LIC", "CONS", "HEB"};
            for (int i = 0; i < orders; i++) {
                int day = 1 + random.nextInt(28);
                int month = 1 + random.nextInt(12);
                String ordered = "%02d/%02d/2025".formatted(day, month);
                String delivered = "%02d/%02d/2025".formatted(Math.min(28, day + 2), month);
                boolean paid = random.nextBoolean();
                String client = "C" + random.nextInt(clients);
                for (int l = 0, n = 1 + random.nextInt(5); l < n; l++) {
                    out.write("E" + i + ";" + client + ";" + ordered + ";" + (paid ? "Payée" : "Livrée")
                            + ";30 jours;" + products[l] + ";" + (1 + random.nextInt(9)) + ";"
                            + (10 + random.nextInt(990)) + "," + random.nextInt(10) + "0;;" + delivered + ";"
                            + (paid ? delivered : "") + ";" + (paid ? "oui" : "non") + "\r\n");
                    rows++;
                }
            }
        }
        System.out.printf("generated %,d orders in %,d rows (%,d bytes)%n", orders, rows, Files.size(orderFile));
        timed("companies for the orders", ImportKind.COMPANIES, companyFile, me);
        ImportJob p = timed("people (likely duplicates searched)", ImportKind.PEOPLE, peopleFile, me);
        System.out.printf("people: %,d created, %,d likely duplicates%n", p.rowsCreated(), p.likelyDuplicates());
        HeapWatch heap = new HeapWatch();
        heap.start();
        ImportJob first = timed("orders", ImportKind.ORDERS, orderFile, me);
        ImportJob again = timed("orders again (updates)", ImportKind.ORDERS, orderFile, me);
        heap.interrupt();
        System.out.printf("orders: %,d created, %,d rejected; again %,d updated; highest heap %,d MB%n",
                first.rowsCreated(), first.rowsRejected(), again.rowsUpdated(), heap.highest.get() >> 20);
        long start = System.nanoTime();
        long found = jdbc.sql("""
                        select count(*) from (select id from contact order by id desc limit 1000) n0
                          join contact n on n.id = n0.id
                         cross join lateral (
                             select o.id from (select distinct k.id from quality_person_candidates(n, 50) k(id)) k
                               join contact o on o.id = k.id
                              cross join lateral quality_person_likeness(n, o, 0.6) l
                              order by l.score desc, o.id desc limit 1) best""").query(Long.class).single();
        System.out.printf("likely duplicates of 1 000 people (one batch's query): %,d found in %.0f ms%n", found,
                (System.nanoTime() - start) / 1e6);
    }

    /** The clients list read as /clients/export reads it: keyset pages of 1 000 through the list's query. */
    private void exportAll() {
        long start = System.nanoTime();
        double[] cpuBefore = cpu();
        var sort = org.relationcrm.shared.ListSort.of(null, null, org.relationcrm.client.ClientSort.byDefault());
        var page = records.search(org.relationcrm.client.ClientSearch.everything(), sort, null, 1000);
        long first = System.nanoTime();
        long rows = 0;
        long chars = 0;
        while (true) {
            for (var row : page.page().rows()) {
                rows++;
                chars += String.join(";", row.name(), String.valueOf(row.city()), String.valueOf(row.ownerName()),
                        String.valueOf(row.mainContactName())).length();
            }
            if (page.page().next() == null) {
                break;
            }
            page = records.search(page.search(), sort, page.page().next(), 1000);
        }
        long end = System.nanoTime();
        double[] cpuAfter = cpu();
        System.out.printf("export of the clients list: first page after %.0f ms, %,d rows (%,d characters) in %.1f s;"
                        + " CPU used: app %.1f s, PostgreSQL %.1f s%n", (first - start) / 1e6, rows, chars,
                (end - start) / 1e9, cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1]);
    }

    private ImportJob timed(String what, ImportKind kind, Path file, Actor me) throws Exception {
        long start = System.nanoTime();
        double[] cpuBefore = cpu();
        ImportJob job;
        try (InputStream in = Files.newInputStream(file)) {
            job = imports.upload(kind, file.getFileName().toString(), in, me);
        }
        long uploaded = System.nanoTime();
        imports.run(job.id(), me);
        while (!(job = imports.get(job.id(), me)).state().finished()) {
            Thread.sleep(200);
        }
        long end = System.nanoTime();
        double[] cpuAfter = cpu();
        System.out.printf("%s: upload (copy, count) %.1f s, run %.1f s, %,.0f rows/s, state %s; CPU used: app %.1f s,"
                        + " PostgreSQL %.1f s%n", what, (uploaded - start) / 1e9, (end - uploaded) / 1e9,
                job.rowsDone() / ((end - uploaded) / 1e9), job.state(), cpuAfter[0] - cpuBefore[0],
                cpuAfter[1] - cpuBefore[1]);
        return job;
    }

    private static void writeCompanies(Path file, int count) throws IOException {
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Réf;Raison sociale;SIRET;Secteur;Adresse;Code postal;Ville;Téléphone;Statut\r\n");
            for (int i = 0; i < count; i++) {
                String city = CITIES[random.nextInt(CITIES.length)];
                out.write("C" + i + ";" + WORDS[random.nextInt(WORDS.length)] + " " + NAMES[random.nextInt(NAMES.length)]
                        + " " + i + ";" + (300_000_000 + i) + "00017;Commerce;" + (1 + random.nextInt(200))
                        + " rue de la République;" + (10_000 + random.nextInt(85_000)) + ";" + city + ";0"
                        + (1 + random.nextInt(5)) + " " + (10_000_000 + random.nextInt(89_999_999)) + ";"
                        + (random.nextInt(3) == 0 ? "Client" : "Prospect") + "\r\n");
            }
        }
    }

    private static void writePeople(Path file, int count, int companies) throws IOException {
        Random random = new Random(7);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Réf;Civilité;Prénom;Nom;E-mail;Société;Fonction;Téléphone;Mobile\r\n");
            for (int i = 0; i < count; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = NAMES[random.nextInt(NAMES.length)];
                out.write("P" + i + ";" + (random.nextBoolean() ? "Mme" : "M.") + ";" + first + ";" + last + ";"
                        + "p" + i + "@exemple" + (i % 97) + ".fr;C" + random.nextInt(companies) + ";Acheteur;"
                        + "04 " + (10_000_000 + random.nextInt(89_999_999)) + ";06 "
                        + (10_000_000 + random.nextInt(89_999_999)) + "\r\n");
            }
        }
    }

    /** The highest heap used, sampled every 100 ms. */
    static final class HeapWatch extends Thread {
        final AtomicLong highest = new AtomicLong();
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        HeapWatch() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                highest.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
