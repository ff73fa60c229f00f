package org.relationcrm.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A family of products or services in the catalogue (e.g. "Maintenance", "Formation"). */
@Entity
@Table(name = "product_line")
public class ProductLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false)
    private boolean active = true;

    protected ProductLine() {
    }

    public ProductLine(String code, String name, String description) {
        this.code = requireCode(code);
        rename(name, description);
    }

    public void rename(String newName, String newDescription) {
        if (newName == null || newName.isBlank() || newName.strip().length() > 120) {
            throw new IllegalArgumentException("a product line needs a name of at most 120 characters");
        }
        this.name = newName.strip();
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
    }

    /** A retired line stays on past deals and holdings but is no longer offered. */
    public void retire() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
    }

    private static String requireCode(String code) {
        if (code == null || !code.strip().matches("[A-Za-z0-9_-]{1,30}")) {
            throw new IllegalArgumentException("a product line code has 1 to 30 letters, digits, '-' or '_'");
        }
        return code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean active() {
        return active;
    }
}
