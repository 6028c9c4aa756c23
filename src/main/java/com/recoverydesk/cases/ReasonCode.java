package com.recoverydesk.cases;

/** Why a case was refused, as a machine code with the sentence a user reads. */
public enum ReasonCode {
    TX_NOT_FOUND("The chain does not know this transaction. Check the TXID and the network you sent it over."),
    TX_FAILED("This transaction failed on the chain, so no funds arrived and there is nothing to recover."),
    NOT_ENOUGH_CONFIRMATIONS("This transaction did not reach enough confirmations in time. File again once it is final."),
    CHAIN_UNSUPPORTED("We cannot recover funds sent over this network."),
    NOT_A_DEPOSIT_ADDRESS("The address you named is not a deposit address of this exchange."),
    NOT_YOUR_DEPOSIT_ADDRESS("The address you named is not one of your deposit addresses."),
    NO_TRANSFER_TO_ADDRESS("This transaction did not send the token you named to your deposit address."),
    ALREADY_CREDITED("This deposit was already credited to an account: it was not misdirected."),
    ALREADY_CLAIMED("This deposit is already part of another recovery case."),
    DEPOSIT_TOO_OLD("This deposit is older than we can recover on this network."),
    TOKEN_DENYLISTED("This token is on our list of tokens we do not handle, so we cannot recover it."),
    NOT_AN_ERC20("The contract you named does not behave as an ERC-20 token, so we cannot move it."),
    TRANSFER_SIMULATION_FAILED("A test transfer of this token out of your deposit address fails, so we cannot refund it."),
    BELOW_FEE("The deposit is worth less than the recovery fee (or the minimum worth recovering)."),
    REFUND_ADDRESS_NOT_SENDER("On this network we refund only to the address the deposit came from, and the refund address you named is"
            + " a different one. File again without a refund address, or naming the sending address."),
    SENDER_IS_A_CONTRACT("The deposit came from a contract (a smart wallet or another service's wallet), and we could not confirm that a"
            + " refund sent back there would reach you. Contact support with proof that you control it."),
    CONDITION_NOT_MET("A condition this network requires for a recovery is not met, so we cannot recover the deposit."),
    WRONG_CASE_TYPE("This deposit is not the kind of mistake you filed: choose the other kind of case, or contact support."),
    REJECTED_BY_REVIEW("An appeals specialist rejected this case."),
    REJECTED_BY_WALLET("The wallet team did not approve this refund."),
    NO_REPLY("We asked for more information and did not hear back in time."),
    CANCELLED_BY_USER("You withdrew this case."),
    /** Given by the straight-through policy's table (bpmn/recovery-policy.dmn) with REJECT; a specialist decides on it. */
    REPEATED_REJECTIONS("Several of your earlier recovery cases were rejected, so this case cannot be refunded.");

    private final String message;

    ReasonCode(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /**
     * The detail a stored reason message carries after this code's sentence ({@link CaseTransitions#close} writes
     * "sentence detail"), so the sentence can be given in the customer's language and the detail as written.
     */
    public String detailOf(String storedMessage) {
        if (storedMessage == null || storedMessage.equals(message)) {
            return null;
        }
        return storedMessage.startsWith(message + " ") ? storedMessage.substring(message.length() + 1) : storedMessage;
    }
}
