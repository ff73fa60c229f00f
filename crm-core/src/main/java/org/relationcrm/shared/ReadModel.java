package org.relationcrm.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks reads of the SQL read models (pages, cards, lists). Each of their statements is consistent by itself
 * (PostgreSQL's READ COMMITTED takes a snapshot per statement, inside a transaction or not), so they run without
 * BEGIN / COMMIT and without an ORM session, on one connection per call; a caller's transaction is joined.
 * Measured on the 360° page: four read-only transactions cost eight round trips and four Hibernate sessions.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public @interface ReadModel {
}
