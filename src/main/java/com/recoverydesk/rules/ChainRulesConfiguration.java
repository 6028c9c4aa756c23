package com.recoverydesk.rules;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Loads chains.yml once, at start-up, so a bad file stops the application before it serves anyone. */
@Configuration(proxyBeanMethods = false)
class ChainRulesConfiguration {

    @Bean
    RecoveryRules recoveryRules(@Value("${recovery.chains-file:chains.yml}") Path chainsFile, Environment environment) {
        return new ChainsFileLoader(environment::resolveRequiredPlaceholders).load(chainsFile);
    }
}
