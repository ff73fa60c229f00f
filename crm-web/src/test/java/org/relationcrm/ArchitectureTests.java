package org.relationcrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md, checked on the compiled classes of all three modules:
 * web → core ← persistence, and the core free of Hibernate, servlet, Spring MVC and Spring Data JPA.
 */
class ArchitectureTests {

    static final String WEB = "org.relationcrm..web..";
    static final String PERSISTENCE = "org.relationcrm..persistence..";
    static final String CONFIG = "org.relationcrm.config..";
    static final String DEMO = "org.relationcrm.demo..";
    /** Test support shared by crm-persistence's test-jar: not production code. */
    static final String TESTING = "org.relationcrm.testing..";

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.relationcrm");
    }

    @Test
    void coreUsesNoHibernateServletMvcOrSpringDataJpa() {
        noClasses().that().resideOutsideOfPackages(WEB, PERSISTENCE, CONFIG, DEMO, TESTING)
                .and().doNotHaveSimpleName("RelationApplication")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.servlet..",
                        "org.springframework.web..", "org.springframework.data.jpa..", "org.springframework.jdbc..",
                        "org.springframework.security..", "org.springframework.boot..")
                .check(classes);
    }

    @Test
    void coreDoesNotKnowPersistenceOrWeb() {
        noClasses().that().resideOutsideOfPackages(WEB, PERSISTENCE, CONFIG, DEMO, TESTING)
                .and().doNotHaveSimpleName("RelationApplication")
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, WEB, CONFIG, DEMO)
                .check(classes);
    }

    @Test
    void webNeverReachesPersistence() {
        noClasses().that().resideInAnyPackage(WEB, CONFIG)
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, DEMO,
                        "org.springframework.data.jpa..", "org.hibernate..", "jakarta.persistence..")
                .check(classes);
    }

    /** Pipeline tells what happened to a deal (OpportunityWon…); feedback listens. Pipeline never calls feedback. */
    @Test
    void pipelineTellsFeedbackByEventsOnly() {
        noClasses().that().resideInAPackage("org.relationcrm.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("org.relationcrm.feedback..")
                .check(classes);
    }

    /** Other features' events reach the timeline through its listener only, never by writing it themselves. */
    @Test
    void onlyTheTimelineWritesEvents() {
        noClasses().that().resideOutsideOfPackages("org.relationcrm.interaction..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.relationcrm.interaction.TimelineEvents")
                .check(classes);
    }

    @Test
    void persistenceNeverReachesWeb() {
        noClasses().that().resideInAnyPackage(PERSISTENCE, DEMO)
                .should().dependOnClassesThat().resideInAnyPackage(WEB, CONFIG,
                        "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }
}
