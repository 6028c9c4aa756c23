package com.recoverydesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RecoveryDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecoveryDeskApplication.class, args);
    }
}
