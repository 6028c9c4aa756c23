package com.recoverydesk.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
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
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what. All URL rules of the application are here. The API answers 401/403 as problem+json;
 * browsers on pages are sent to the login page (the identity provider's, with {@code recovery.oidc.enabled}).
 * The Camunda webapps and the engine REST API take the user Spring Security signed in (no second login), and
 * only staff get there; only appeals and wallet members reach the endpoints that take or decide a task.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] STAFF = Groups.authorities(Groups.STAFF);
    private static final RequestMatcher MACHINE_CALLS = new OrRequestMatcher(
            new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/engine-rest/**"), new AntPathRequestMatcher("/actuator/**"));

    private static final String[] DECIDERS = Groups.authorities(List.of(Groups.APPEALS, Groups.WALLET));
    /** The engine's own REST API and Tasklist's copy of it under /camunda/api/engine. */
    private static final String ENGINE = "^(/engine-rest|/camunda/api/engine/engine/[^/?]+)";
    private static final String QUERY = "(\\?.*)?$";
    /** Taking, handing on or deciding a task, and editing who may. */
    private static final RequestMatcher TASK_DECISIONS = new OrRequestMatcher(
            RegexRequestMatcher.regexMatcher(HttpMethod.POST,
                    ENGINE + "/task/[^/?]+/(complete|submit-form|claim|assignee|delegate|resolve|bpmnError|bpmnEscalation|identity-links|variables|localVariables)(/.*)?" + QUERY),
            RegexRequestMatcher.regexMatcher(HttpMethod.PUT, ENGINE + "/task/[^/?]+(/(variables|localVariables)/.*)?" + QUERY),
            RegexRequestMatcher.regexMatcher(HttpMethod.DELETE, ENGINE + "/task/[^/?]+/(variables|localVariables)/.*" + QUERY));
    /** Moving a case past a step by hand (instance modification, migration, restart) would skip its decisions. */
    private static final RequestMatcher PATH_EDITS = RegexRequestMatcher.regexMatcher(
            ENGINE + "/(process-instance/[^/?]+/modification|modification/|migration/|process-definition/[^/?]+/restart).*");

    @Bean
    SecurityFilterChain security(HttpSecurity http, ObjectMapper json, OidcSignIn oidc) throws Exception {
        AuthenticationEntryPoint unauthenticated = oidc.enabled()
                ? (request, response, e) -> {
                    boolean badToken = e instanceof OAuth2AuthenticationException;
                    response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
                    write(json, response, HttpStatus.UNAUTHORIZED, badToken ? "INVALID_TOKEN" : "UNAUTHENTICATED", badToken
                            ? "The bearer token was refused: " + e.getMessage()
                            : "Sign in first: this needs a bearer token from the identity provider.");
                }
                : (request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Recovery Desk\"");
                    write(json, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in first: this needs a user name and password.");
                };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            if (e instanceof CsrfException) {
                write(json, response, HttpStatus.FORBIDDEN, "CSRF_TOKEN_MISSING",
                        "This change came with your session cookie but without the page's CSRF token: reload the page and try again.");
            } else {
                write(json, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role does not allow this.");
            }
        };
        http
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/api/v1/chains", "/api/v1/fees/quote").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/login", "/login/oauth2/**", "/oauth2/**", "/error", "/favicon.ico", "/style.css").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Groups.authority(Groups.OPERATORS))
                        .requestMatchers("/api/v1/admin/deposit-addresses", "/api/v1/admin/deposit-addresses/**")
                                .hasAnyAuthority(Groups.authority(Groups.OPERATORS), Groups.authority(Groups.DEPOSIT_SYSTEM))
                        .requestMatchers("/api/v1/admin/**").hasAuthority(Groups.authority(Groups.OPERATORS))
                        .requestMatchers("/api/v1/tasks/**", "/api/v1/desk/**").hasAnyAuthority(STAFF)
                        .requestMatchers("/api/**").authenticated()
                        // Deciding a task is the work of its group; the engine checks which group (duties.GroupDutyListener).
                        // Operators repair but never decide: they are Camunda admins, whom authorizations do not stop.
                        .requestMatchers(TASK_DECISIONS).hasAnyAuthority(DECIDERS)
                        .requestMatchers(PATH_EDITS).denyAll()
                        // Camunda's first-administrator setup would create a local admin with a password; never needed here
                        .requestMatchers("/camunda/api/admin/setup/**").denyAll()
                        .requestMatchers("/engine-rest/**", "/camunda/**", "/desk/**").hasAnyAuthority(STAFF)
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(unauthenticated, MACHINE_CALLS)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(oidc.enabled() ? OidcSignIn.SIGN_IN_PATH : "/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor(forbidden, MACHINE_CALLS)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true))
                // A change that only the session cookie authenticates needs the page's CSRF token; Basic and Bearer
                // clients carry their own credentials, which a cross-site form cannot. The webapps carry Camunda's
                // own CSRF protection (its XSRF-TOKEN cookie and header).
                .csrf(csrf -> csrf.csrfTokenRepository(PageCsrfTokens.repository()).csrfTokenRequestHandler(new PageCsrfTokens())
                        .requireCsrfProtectionMatcher(PageCsrfTokens.COOKIE_AUTHENTICATED_CHANGES)
                        .ignoringRequestMatchers("/camunda/**"));
        if (oidc.enabled()) {
            // production: customers' bearer JWTs and staff's sign-in through the identity provider; no local passwords
            http
                    .oauth2ResourceServer(bearer -> bearer.authenticationEntryPoint(unauthenticated)
                            .jwt(jwt -> jwt.decoder(oidc.bearerTokens()).jwtAuthenticationConverter(oidc.callers())))
                    .oauth2Login(login -> login.clientRegistrationRepository(oidc.clients())
                            .userInfoEndpoint(info -> info.oidcUserService(oidc.staff())).defaultSuccessUrl("/", false))
                    .logout(logout -> logout.logoutSuccessUrl("/"));
        } else {
            http
                    .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                    .formLogin(form -> form.defaultSuccessUrl("/", false))
                    .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        }
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
