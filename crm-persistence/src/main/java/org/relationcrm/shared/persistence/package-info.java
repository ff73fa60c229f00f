/**
 * What every feature's SQL adapters share (the typed timeline's arguments read from JSONB, the session time zone),
 * named interface {@code shared :: persistence}.
 */
@org.springframework.modulith.NamedInterface("persistence")
package org.relationcrm.shared.persistence;
