package com.recoverydesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect issuer for the tests: Spring Authorization Server on a free port, with discovery, a JWKS,
 * a login page and signed tokens that carry a {@code groups} claim. It runs in its own small Spring context (web
 * server, security, authorization server, nothing of Recovery Desk). The class is not a component, so the
 * application's component scan never picks it up.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, ErrorMvcAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class, SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
public class TestIssuer implements AutoCloseable {

    public static final String CLIENT_ID = "recovery-desk";
    public static final String CLIENT_SECRET = "desk-secret";
    public static final String PASSWORD = "issuer-password";
    /** Users of the identity provider and their groups. */
    public static final Map<String, List<String>> USERS = Map.of(
            "carol", List.of("customers"), "dave", List.of("customers"),
            "sofia", List.of("appeals"), "wanda", List.of("wallet"), "otto", List.of("camunda-admin"),
            "depositbot", List.of("deposit-system"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RSAKey signingKey;

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private TestIssuer(ConfigurableApplicationContext context, String issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    /** Public for Spring only; tests call {@link #start()}. */
    public TestIssuer() {
        this.context = null;
        this.issuer = null;
    }

    public static synchronized TestIssuer start() {
        int port = IntegrationTest.freePort();
        String issuer = "http://127.0.0.1:" + port;
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("test-issuer-key").keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String client = "spring.security.oauth2.authorizationserver.client.desk.";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestIssuer.class).web(WebApplicationType.SERVLET)
                .properties(Map.ofEntries(
                        Map.entry("spring.config.name", "test-issuer"), // not the application's application.yml
                        Map.entry("server.port", String.valueOf(port)),
                        Map.entry("server.address", "127.0.0.1"),
                        // the application runs on the same host; a cookie of the same name would end its session
                        Map.entry("server.servlet.session.cookie.name", "ISSUER_SESSION"),
                        Map.entry("spring.main.banner-mode", "off"),
                        Map.entry("logging.level.root", "WARN"),
                        Map.entry("spring.security.oauth2.authorizationserver.issuer", issuer),
                        Map.entry(client + "registration.client-id", CLIENT_ID),
                        Map.entry(client + "registration.client-secret", "{noop}" + CLIENT_SECRET),
                        Map.entry(client + "registration.client-authentication-methods", "client_secret_basic"),
                        Map.entry(client + "registration.authorization-grant-types", "authorization_code,refresh_token"),
                        // loopback redirects match on any port (RFC 8252), so the application's random port needs no setting
                        Map.entry(client + "registration.redirect-uris", "http://127.0.0.1/login/oauth2/code/idp,http://127.0.0.1/callback"),
                        Map.entry(client + "registration.scopes", "openid,profile,email"),
                        Map.entry(client + "require-authorization-consent", "false")))
                .run();
        return new TestIssuer(context, issuer);
    }

    @Bean
    UserDetailsService issuerUsers() {
        return new InMemoryUserDetailsManager(USERS.entrySet().stream().map(u -> User.withUsername(u.getKey()).password("{noop}" + PASSWORD)
                .authorities(u.getValue().toArray(String[]::new)).build()).toList());
    }

    @Bean
    JWKSource<SecurityContext> issuerKeys() {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    /** The user's groups go into the ID token and the access token as the claim {@code groups}. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
        return context -> context.getClaims().claim("groups",
                context.getPrincipal().getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toList()));
    }

    public String issuer() {
        return issuer;
    }

    /**
     * An access token for {@code user}, got as a customer's app gets one: the authorization code flow through the
     * issuer's own login page, then the code exchanged at the token endpoint.
     */
    public String accessToken(String user) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String callback = "http://127.0.0.1:1/callback";
        String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID + "&scope=openid&state=s1&redirect_uri="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8);
        // a browser asks for HTML; anything else is answered 401 instead of being sent to the login page
        HttpResponse<String> toLogin = send(http, HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html").build());
        assertThat(toLogin.statusCode()).isEqualTo(302);
        String loginPage = send(http, HttpRequest.newBuilder(URI.create(issuer + "/login")).build()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the issuer's login page").isTrue();
        HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build());
        String next = signedIn.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> withCode = send(http, HttpRequest.newBuilder(URI.create(next.startsWith("http") ? next : issuer + next)).build());
        String redirect = withCode.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(redirect);
        assertThat(code.find()).as(redirect).isTrue();
        HttpResponse<String> token = send(http, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri="
                        + URLEncoder.encode(callback, StandardCharsets.UTF_8))).build());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        try {
            JsonNode body = JSON.readTree(token.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token signed with the issuer's own key, with claims a test chooses: to show which of them are checked. */
    public String forge(String subject, String issuerClaim, String audience, Instant expires) {
        return sign(signingKey, subject, issuerClaim, audience, expires);
    }

    /** A token that looks right in every claim but is signed with a key the issuer never published. */
    public String forgeWithForeignKey(String subject) {
        try {
            RSAKey foreign = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
            return sign(foreign, subject, issuer, CLIENT_ID, Instant.now().plusSeconds(300));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, String subject, String issuerClaim, String audience, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuerClaim).audience(audience)
                    .issueTime(Date.from(expires.minusSeconds(600))).notBeforeTime(Date.from(expires.minusSeconds(600)))
                    .expirationTime(Date.from(expires)).claim("groups", List.of("customers")).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
