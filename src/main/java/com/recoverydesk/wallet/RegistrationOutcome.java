package com.recoverydesk.wallet;

/** What became of one registration: {@code result} when it was stored or already known, else {@code refused}. */
record RegistrationOutcome(Registered result, Refusal.Refused refused) {

    static RegistrationOutcome of(Registered result) {
        return new RegistrationOutcome(result, null);
    }

    static RegistrationOutcome refused(Refusal.Refused refused) {
        return new RegistrationOutcome(null, refused);
    }
}
