package com.recoverydesk.eligibility;

import com.recoverydesk.cases.ReasonCode;

/** Why a case cannot go on: the code, and a detail with the figures behind it (may be null). */
public record Ineligibility(ReasonCode code, String detail) {
}
