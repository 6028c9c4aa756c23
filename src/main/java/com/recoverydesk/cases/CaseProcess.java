package com.recoverydesk.cases;

/**
 * Names shared between the BPMN models in bpmn/ and the Java that serves them. Facts live in the case's
 * tables; process variables carry only the case id and what the gateways decide on.
 */
public final class CaseProcess {

    public static final String WRONG_NETWORK = "wrongNetworkRecovery";
    public static final String UNLISTED_TOKEN = "unlistedTokenRecovery";
    public static final String VERIFICATION = "depositVerification";
    public static final String REFUND = "refundExecution";
    /** Called by both kinds of case once the deposit is verified: fee, review, approval, refund. */
    public static final String RESOLUTION = "caseResolution";

    /** The case id; also every process instance's business key. */
    public static final String CASE_ID = "caseId";
    /**
     * The BPMN error a step throws after rejecting the case as ineligible; its message is the case's
     * {@code ReasonCode}, which the catching boundary event stores in {@link #INELIGIBLE_REASON}.
     */
    public static final String INELIGIBLE_ERROR = "caseIneligible";
    /** String: the ReasonCode carried by the caseIneligible error, where a boundary event caught it. */
    public static final String INELIGIBLE_REASON = "ineligibleReason";
    /** {@code DepositState} name: what the chain said about the deposit. */
    public static final String DEPOSIT_STATE = "depositState";
    /** ISO-8601 duration until the chain is read again. */
    public static final String RECHECK_AFTER = "recheckAfter";
    /** Integer: how often the chain has been read for this case. */
    public static final String CHECKS = "checks";

    public static final String REVIEW_TASK = "reviewAppeal";
    public static final String APPROVAL_TASK = "approveRefund";
    public static final String SECOND_APPROVAL_TASK = "secondApproval";

    /** String: APPROVE, REJECT or REQUEST_INFO, set when the review task is completed. */
    public static final String REVIEW_DECISION = "reviewDecision";
    /** String: APPROVE or REJECT, set when a wallet approval task is completed. */
    public static final String APPROVAL_DECISION = "approvalDecision";
    /** String: why a specialist or wallet member rejected (required with REJECT). */
    public static final String DECISION_REASON = "decisionReason";
    /** String: what the specialist asks the user (required with REQUEST_INFO). */
    public static final String INFO_MESSAGE = "infoMessage";
    /** String decimal: the specialist's USD valuation of a deposit without a known price. */
    public static final String VALUATION_USD = "valuationUsd";
    /** String: user id of the specialist who completed the review; may never approve the refund. */
    public static final String REVIEWER = "reviewer";
    /** String: user id of the wallet member who approved first. */
    public static final String FIRST_APPROVER = "firstApprover";
    /** Boolean: the refund is worth more than approval.dual-above-usd and needs a second approver. */
    public static final String SECOND_APPROVAL_NEEDED = "secondApprovalNeeded";
    /** String: the ReasonCode a closing rejection uses. */
    public static final String REJECTION_CODE = "rejectionCode";
    /** String: user id behind a rejection. */
    public static final String REJECTED_BY = "rejectedBy";
    /** ISO-8601 duration the case waits for the user's reply. */
    public static final String REPLY_WINDOW = "replyWindow";
    /** Boolean: every stored refund transaction is confirmed. */
    public static final String REFUND_CONFIRMED = "refundConfirmed";
    /** Boolean: the specialist confirms that a refund to the sender, which is a contract, reaches the user. */
    public static final String SENDER_CONTRACT_CONFIRMED = "senderContractConfirmed";
    /** String: the ReasonCode of a specialist's rejection: REJECTED_BY_REVIEW (the default), SENDER_IS_A_CONTRACT, CONDITION_NOT_MET. */
    public static final String REVIEW_REASON_CODE = "reviewReasonCode";
    /** Task-local Boolean for the review form: the sender is a contract, so the confirmation box shows. */
    public static final String SENDER_IS_CONTRACT = "senderIsContract";
    /** The decision table of straight-through recovery (bpmn/recovery-policy.dmn). */
    public static final String POLICY_TABLE = "recoveryPolicy";
    /** {@code StraightThroughMode} name (OFF, DRY_RUN, ON): whether the table is asked. */
    public static final String POLICY_MODE = "policyMode";
    /** String: the table's decision, AUTO_APPROVE, REVIEW or REJECT (the business rule task's output). */
    public static final String POLICY_DECISION = "policyDecision";
    /** String: the ReasonCode the table gives with REJECT. */
    public static final String POLICY_REASON_CODE = "policyReasonCode";
    /** String: the readable name of the table's rule that decided. */
    public static final String POLICY_RULE = "policyRule";
    /** String: AUTO_APPROVE (refund at once) or REVIEW (people decide), after mode, dual approval and REJECT are applied. */
    public static final String POLICY_ROUTE = "policyRoute";
    /** The BPMN message a user's reply is correlated with. */
    public static final String REPLY_MESSAGE = "CaseReply";
    /** The BPMN message that wakes a case waiting for the chain: a new head has given its transactions their confirmations. */
    public static final String HEAD_MESSAGE = "HeadReached";

    private CaseProcess() {
    }

    public static String processKeyOf(CaseType type) {
        return switch (type) {
            case WRONG_NETWORK -> WRONG_NETWORK;
            case UNLISTED_TOKEN -> UNLISTED_TOKEN;
        };
    }
}
