package com.recoverydesk.people;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/** Every request's language, as {@link Languages} reads it from {@code Accept-Language}. */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new Languages();
    }
}
