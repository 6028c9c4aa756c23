package com.recoverydesk.support;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every test that needs the whole application: the real engine, the real database (H2 by
 * default, PostgreSQL when .ci/run passes its URL) and real anvil chains on free ports. All such
 * tests share one application context, so keep the configuration here and nowhere else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("database")
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
