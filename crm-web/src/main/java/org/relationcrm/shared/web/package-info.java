/** Formatting for the web layer ({@code @fmt} in templates), named interface {@code shared :: web}. */
@org.springframework.modulith.NamedInterface("web")
package org.relationcrm.shared.web;
