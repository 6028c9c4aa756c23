package com.recoverydesk.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what. All URL rules of the application are here. The API answers 401/403 as problem+json;
 * browsers on pages are sent to the login page. The Camunda webapps and the engine REST API take the user
 * Spring Security signed in (no second login), and only staff get there.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] STAFF = Groups.authorities(Groups.STAFF);
    private static final RequestMatcher MACHINE_CALLS = new OrRequestMatcher(
            new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/engine-rest/**"), new AntPathRequestMatcher("/actuator/**"));

    @Bean
    SecurityFilterChain security(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Recovery Desk\"");
            write(json, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in first: this needs a user name and password.");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                write(json, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role does not allow this.");
        http
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/api/v1/chains", "/api/v1/fees/quote").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/login", "/error", "/favicon.ico", "/style.css").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Groups.authority(Groups.OPERATORS))
                        .requestMatchers("/api/v1/admin/deposit-addresses", "/api/v1/admin/deposit-addresses/**")
                                .hasAnyAuthority(Groups.authority(Groups.OPERATORS), Groups.authority(Groups.DEPOSIT_SYSTEM))
                        .requestMatchers("/api/v1/admin/**").hasAuthority(Groups.authority(Groups.OPERATORS))
                        .requestMatchers("/api/v1/tasks/**", "/api/v1/desk/**").hasAnyAuthority(STAFF)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/engine-rest/**", "/camunda/**", "/desk/**").hasAnyAuthority(STAFF)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(unauthenticated, MACHINE_CALLS)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .defaultAccessDeniedHandlerFor(forbidden, MACHINE_CALLS)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true))
                // API clients authenticate every call (Basic or, later, bearer tokens) and send no cookies to forge;
                // the webapps carry Camunda's own CSRF protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/engine-rest/**", "/camunda/**"));
        return http.build();
    }

    /** The engine REST API runs as the signed-in user, so authorizations and task listeners apply to them. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestUser() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-user");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, SpringSecurityEngineUser.class.getName(),
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest"));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(101); // after Spring Security's filter chain
        return registration;
    }

    /** Single sign-on into Tasklist, Cockpit and Admin. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappUser() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-user");
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityEngineUser.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
