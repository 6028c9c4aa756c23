package com.recoverydesk.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exchange's identity provider (OpenID Connect), on in {@code prod}. Customers call the API with its bearer
 * JWTs; staff sign in to the pages and the Camunda webapps through it (authorization code flow). Groups come from
 * one claim of the token and are the group ids Recovery Desk knows ({@link Groups}).
 *
 * @param issuerUri the issuer, exactly as in its tokens' {@code iss}; its discovery document lies below it
 * @param audience what the API's bearer tokens must carry in {@code aud}
 * @param userIdClaim the claim that carries the user id (the id deposit addresses are held by)
 * @param groupsClaim the claim with the user's groups (a list, or one string separated by commas or spaces)
 * @param defaultGroups the groups of a bearer token without that claim: customers by default
 * @param clientId the client staff sign in with
 * @param clientSecret that client's secret
 * @param scopes what the staff sign-in asks for
 */
@ConfigurationProperties("recovery.oidc")
public record OidcProperties(@DefaultValue("false") boolean enabled, String issuerUri, String audience,
        @DefaultValue("sub") String userIdClaim, @DefaultValue("groups") String groupsClaim,
        @DefaultValue(Groups.CUSTOMERS) List<String> defaultGroups, String clientId, String clientSecret,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {

    /** Every setting the identity provider needs that is missing, named with its environment variable. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        check(missing, issuerUri, "recovery.oidc.issuer-uri (RECOVERY_OIDC_ISSUER_URI)");
        check(missing, audience, "recovery.oidc.audience (RECOVERY_OIDC_AUDIENCE)");
        check(missing, clientId, "recovery.oidc.client-id (RECOVERY_OIDC_CLIENT_ID)");
        check(missing, clientSecret, "recovery.oidc.client-secret (RECOVERY_OIDC_CLIENT_SECRET)");
        check(missing, userIdClaim, "recovery.oidc.user-id-claim (RECOVERY_OIDC_USER_ID_CLAIM)");
        check(missing, groupsClaim, "recovery.oidc.groups-claim (RECOVERY_OIDC_GROUPS_CLAIM)");
        return missing;
    }

    private static void check(List<String> missing, String value, String setting) {
        if (value == null || value.isBlank()) {
            missing.add(setting);
        }
    }

    @Override
    public String toString() {
        return "OidcProperties[enabled=" + enabled + ", issuerUri=" + issuerUri + ", audience=" + audience + ", userIdClaim=" + userIdClaim
                + ", groupsClaim=" + groupsClaim + ", clientId=" + clientId + ", clientSecret=<secret>]";
    }
}
