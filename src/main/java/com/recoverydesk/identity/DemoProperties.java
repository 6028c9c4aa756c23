package com.recoverydesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The demo users of the default run; off in production. */
@ConfigurationProperties("recovery.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("demo") String password) {

    @Override
    public String toString() {
        return "DemoProperties[enabled=" + enabled + ", password=<secret>]";
    }
}
