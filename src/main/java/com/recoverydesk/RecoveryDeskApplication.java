package com.recoverydesk;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RecoveryDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecoveryDeskApplication.class, args);
    }

    /** Injected wherever time matters, so ages and deadlines are testable without waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
