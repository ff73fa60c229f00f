/**
 * The search box of the top bar: clients, people, deals and complaints found by name in one indexed statement. It
 * reads the other features' tables in SQL only, so it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search", allowedDependencies = {"shared :: persistence"})
package org.relationcrm.search;
