package org.relationcrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Relation: one 360° client record shared by sales, support, ADV and managers. Each direct sub-package is a module
 * ({@code package-info.java} says what it may depend on); {@code ModulesTests} verifies them.
 */
@SpringBootApplication
@Modulithic(systemName = "Relation", sharedModules = "shared")
public class RelationApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelationApplication.class, args);
    }
}
