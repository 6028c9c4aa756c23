package com.recoverydesk.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cockpit, Tasklist and Admin are served with the desk's header: our config.js and user stylesheet shadow the webjar's. */
class StaffWebappsHeaderTest extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "tasklist", "admin"})
    void eachWebappNamesTheDeskAndReplacesTheVendorsBanner(String app) {
        Api api = new Api(baseUrl());

        Api.Answer config = api.get("admin", "/camunda/app/" + app + "/scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().asText()).contains("vendor: 'Recovery Desk'", "disableWelcomeMessage: true");

        Api.Answer styles = api.get("admin", "/camunda/app/" + app + "/styles/user-styles.css");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.body().asText()).contains(".ce-eol-banner::before", "Recovery Desk");
    }
}
