package org.relationcrm.api.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.api.ApiScope;
import org.relationcrm.api.ApiToken;

/** A new API token: a name its user will recognise (the tool that uses it), and what it may do. */
record TokenForm(@NotBlank @Size(max = ApiToken.MAX_NAME) String name, @NotNull ApiScope scope) {

    static TokenForm blank() {
        return new TokenForm("", ApiScope.READ);
    }
}
