package com.recoverydesk.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Signing in through the exchange's identity provider: how a bearer JWT becomes a caller, and how a staff
 * member's OIDC sign-in does. Both end as the same kind of caller the demo's passwords make: a user id and
 * {@code GROUP_<id>} authorities, which {@link SpringSecurityEngineUser} hands to Camunda.
 * <p>
 * The issuer is asked for its discovery document and keys on first use, not at start-up, so Recovery Desk starts
 * while the identity provider is briefly away.
 */
@Component
// made after the wallet's keys, so a production start without any of its secrets names the wallet's first
@DependsOn("depositKeys")
class OidcSignIn {

    static final String REGISTRATION = "idp";
    static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION;

    private final OidcProperties settings;
    private final OidcUsersEngine users;

    OidcSignIn(OidcProperties settings, OidcUsersEngine users) {
        this.settings = settings;
        this.users = users;
        if (settings.enabled() && !settings.missing().isEmpty()) {
            throw new MissingOidcSettings(settings.missing());
        }
    }

    boolean enabled() {
        return settings.enabled();
    }

    /** Accepts only tokens the issuer signed, for this audience, not expired, whose issuer is exactly the setting. */
    JwtDecoder bearerTokens() {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuerUri()), audience()));
            return decoder;
        });
    }

    private OAuth2TokenValidator<Jwt> audience() {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(settings.audience()) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not meant for " + settings.audience() + " (aud).", null));
    }

    /** A bearer token's caller: the user id claim names them, the groups claim their groups (customers if it has none). */
    Converter<Jwt, AbstractAuthenticationToken> callers() {
        return jwt -> {
            String user = jwt.getClaimAsString(settings.userIdClaim());
            if (user == null || user.isBlank()) {
                throw new InvalidBearerTokenException("The token names no user in its " + settings.userIdClaim() + " claim.");
            }
            Object claim = jwt.getClaims().get(settings.groupsClaim());
            List<String> groups = claim == null ? settings.defaultGroups() : groups(claim);
            return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(Groups.authorities(groups)), user);
        };
    }

    /** The staff sign-in's client, found through the issuer's discovery document when first needed. */
    ClientRegistrationRepository clients() {
        Supplier<ClientRegistration> registration = SingletonSupplier.of(() -> ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(REGISTRATION).clientId(settings.clientId()).clientSecret(settings.clientSecret())
                .scope(settings.scopes()).userNameAttributeName(settings.userIdClaim()).build());
        return id -> REGISTRATION.equals(id) ? registration.get() : null;
    }

    /**
     * A staff member signed in: named by the user id claim, in the groups of the groups claim (from the ID token
     * or the user info). Camunda's identity tables learn the memberships, so a task can be assigned to them.
     */
    OAuth2UserService<OidcUserRequest, OidcUser> staff() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser signedIn = standard.loadUser(request);
            Object claim = signedIn.getClaims().get(settings.groupsClaim());
            List<String> groups = claim == null ? List.of() : groups(claim);
            OidcUser user = new DefaultOidcUser(AuthorityUtils.createAuthorityList(Groups.authorities(groups)), signedIn.getIdToken(),
                    signedIn.getUserInfo(), settings.userIdClaim());
            users.remember(user.getName(), groups, signedIn.getGivenName(), signedIn.getFamilyName(), signedIn.getEmail());
            return user;
        };
    }

    /** Identity providers send groups as a JSON list or as one string; both are read. */
    static List<String> groups(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list : Arrays.asList(claim.toString().split("[,\\s]+"));
        return values.stream().map(String::valueOf).map(String::trim).filter(g -> !g.isEmpty()).distinct().toList();
    }

    static List<String> groupsOf(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(Groups.PREFIX))
                .map(a -> a.substring(Groups.PREFIX.length())).toList();
    }
}
