/**
 * The shared kernel every module may use: channels, departments, the read-model conventions ({@link
 * org.relationcrm.shared.ReadModel}, {@link org.relationcrm.shared.Slice}), the exceptions the web layer maps to
 * 403/404/409, dates. It depends on no other module. Declared shared in {@code RelationApplication}'s
 * {@code @Modulithic}, so every module may use its base package without listing it; its {@code web} package
 * ({@code @fmt}) is a named interface listed by the modules that format dates in Java.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package org.relationcrm.shared;
