package com.recoverydesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Credentials the identity service verified a moment ago, so that a client calling the API many times a second is not
 * checked against the password hash on every call (docs/benchmark.md). Only a keyed fingerprint of the password is
 * held (HMAC with a key made at start-up and never stored), never the password; a different password misses and is
 * checked in full, with the engine's throttling of wrong passwords. A password change or a removed group takes effect
 * after {@code recovery.identity.verified-credentials-ttl} at the latest (PT0S: check every call).
 */
@Component
class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedCredentials(Settings settings, Clock clock) {
        this.ttl = settings.verifiedCredentialsTtl();
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The groups of this user if these exact credentials were verified within the time-to-live. */
    List<String> groupsIfVerified(String user, String password) {
        if (ttl.isZero()) {
            return null;
        }
        Entry entry = entries.get(user);
        if (entry == null || clock.instant().isAfter(entry.until()) || !MessageDigest.isEqual(entry.fingerprint(), fingerprint(user, password))) {
            return null;
        }
        return entry.groups();
    }

    void verified(String user, String password, List<String> groups) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // a bound, not an eviction policy: every caller is simply checked once more
        }
        entries.put(user, new Entry(fingerprint(user, password), List.copyOf(groups), clock.instant().plus(ttl)));
    }

    private byte[] fingerprint(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((user + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private record Entry(byte[] fingerprint, List<String> groups, Instant until) {
    }

    /** {@code recovery.identity.verified-credentials-ttl}: how long a verified user name and password are trusted again. */
    @ConfigurationProperties("recovery.identity")
    record Settings(@DefaultValue("PT30S") Duration verifiedCredentialsTtl) {
    }
}
