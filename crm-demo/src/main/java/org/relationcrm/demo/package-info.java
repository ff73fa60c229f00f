/**
 * Demo data and the volume generators (crm-demo, outside the production jar). Like {@code config} it sits on top:
 * it may use any module's API and no module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.relationcrm.demo;
