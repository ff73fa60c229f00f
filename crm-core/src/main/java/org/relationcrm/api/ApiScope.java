package org.relationcrm.api;

/** What a token may do: read only (GET), or read and write. */
public enum ApiScope {
    READ,
    READ_WRITE;

    /** Whether a request with this HTTP method is within the scope: READ allows only safe methods. */
    public boolean allows(String httpMethod) {
        return this == READ_WRITE || "GET".equals(httpMethod) || "HEAD".equals(httpMethod);
    }
}
