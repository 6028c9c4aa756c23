package com.recoverydesk.cases;

/**
 * Names shared between the BPMN models in bpmn/ and the Java that serves them. Facts live in the case's
 * tables; process variables carry only the case id and what the gateways decide on.
 */
public final class CaseProcess {

    public static final String WRONG_NETWORK = "wrongNetworkRecovery";
    public static final String UNLISTED_TOKEN = "unlistedTokenRecovery";
    public static final String VERIFICATION = "depositVerification";

    /** The case id; also every process instance's business key. */
    public static final String CASE_ID = "caseId";
    /** Boolean: the case is still eligible after the step that set it. */
    public static final String ELIGIBLE = "eligible";
    /** {@code DepositState} name: what the chain said about the deposit. */
    public static final String DEPOSIT_STATE = "depositState";
    /** ISO-8601 duration until the chain is read again. */
    public static final String RECHECK_AFTER = "recheckAfter";
    /** Integer: how often the chain has been read for this case. */
    public static final String CHECKS = "checks";

    public static final String REVIEW_TASK = "reviewAppeal";

    private CaseProcess() {
    }

    public static String processKeyOf(CaseType type) {
        return switch (type) {
            case WRONG_NETWORK -> WRONG_NETWORK;
            case UNLISTED_TOKEN -> UNLISTED_TOKEN;
        };
    }
}
