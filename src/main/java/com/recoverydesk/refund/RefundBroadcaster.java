package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.ChainUnavailable;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;

/**
 * Sends a refund's stored transactions, and only those: the same signed bytes on every retry, restart or
 * second node. A node that already has the transaction ("already known", or "nonce too low" because it was
 * mined) has what we sent; that is success, not an error. A node that refuses it as priced below what it takes
 * now, or because the sender's gas has not arrived yet, is not an error either: the transaction stays stored and
 * unsent, and the check replaces it at a higher fee when it has not been mined within the chain's
 * {@code replace-after-blocks}. Only the current attempt at each nonce is sent; a replaced one never again.
 */
@Service
class RefundBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(RefundBroadcaster.class);

    private final RefundLedger ledger;
    private final ChainClients chains;
    private final CrashDrill drill;
    private final Timeline timeline;
    private final CaseStore cases;

    RefundBroadcaster(RefundLedger ledger, ChainClients chains, CrashDrill drill, Timeline timeline, CaseStore cases) {
        this.ledger = ledger;
        this.chains = chains;
        this.drill = drill;
        this.timeline = timeline;
        this.cases = cases;
    }

    @Transactional
    void broadcast(String caseId) {
        // the gas station's top-ups first: the deposit address's transfers spend what they bring
        List<RefundTransaction> unconfirmed = ledger.of(caseId).stream()
                .filter(RefundTransaction::isCurrent)
                .sorted(Comparator.comparing((RefundTransaction tx) -> tx.purpose() != Purpose.GAS_TOP_UP)
                        .thenComparing(RefundTransaction::from).thenComparingLong(RefundTransaction::nonce))
                .toList();
        if (unconfirmed.stream().anyMatch(tx -> tx.purpose() == Purpose.REFUND && tx.status() == RefundTransaction.Status.SIGNED)) {
            drill.reached(CrashDrill.AFTER_COMMIT_BEFORE_BROADCAST); // the refund's first broadcast, not a later re-send
        }
        unconfirmed.forEach(this::send);
        if (unconfirmed.stream().anyMatch(tx -> tx.purpose() == Purpose.REFUND)) {
            drill.reached(CrashDrill.AFTER_BROADCAST_BEFORE_CONFIRMATION);
        }
    }

    /** @return whether the node holds the transaction now (accepted, or already had it) */
    boolean send(RefundTransaction tx) {
        Web3j web3j = chains.client(tx.chain());
        try {
            EthSendTransaction answer = web3j.ethSendRawTransaction(tx.raw()).send();
            if (answer.hasError() && !theChainHas(web3j, tx, answer.getError().getMessage())) {
                if (notYet(answer.getError().getMessage())) {
                    log.warn("{} transaction {} of case {} refused for now: {}", tx.purpose(), tx.hash(), tx.caseId(), answer.getError().getMessage());
                    return false;
                }
                throw new ChainUnavailable(tx.chain(), "accept " + tx.purpose() + " transaction " + tx.hash(), answer.getError().getMessage());
            }
            if (!answer.hasError() && tx.status() == RefundTransaction.Status.BROADCAST) {
                // the node had taken it before and now took it as new: it was dropped from the pool, unmined
                timeline.note(tx.caseId(), CaseTransitions.SYSTEM, tx.purpose() + "_RESENT", cases.find(tx.caseId()).orElseThrow().status(),
                        tx.purpose().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + tx.hash()
                                + " was neither mined nor held by the node any longer; the same signed bytes were sent again.");
            }
        } catch (IOException e) {
            throw new ChainUnavailable(tx.chain(), "be reached", e);
        }
        ledger.broadcast(tx.id());
        return true;
    }

    /**
     * Refusals that a higher fee or time cures: priced below the node's minimum or the block's base fee, or the
     * sender's gas not yet arrived (a top-up is on its way). Also a nonce already used by another transaction: an
     * earlier attempt at that nonce was mined (the check finds it and settles the set), or, if none of ours was, the
     * check's replacements end at max-fee in an incident. Wording of geth, BSC, Erigon, Nethermind and anvil.
     */
    private static boolean notYet(String error) {
        String message = error == null ? "" : error.toLowerCase(Locale.ROOT);
        return message.contains("nonce too low") || message.contains("nonce has already been used") || message.contains("underpriced") || message.contains("fee cap") || message.contains("less than block base fee")
                || message.contains("gas price too low") || message.contains("feetoolow") || message.contains("fee too low")
                || message.contains("max fee per gas less than") || message.contains("insufficient funds");
    }

    private static boolean theChainHas(Web3j web3j, RefundTransaction tx, String error) throws IOException {
        String message = error == null ? "" : error.toLowerCase(Locale.ROOT);
        boolean known = message.contains("already known") || message.contains("known transaction") || message.contains("nonce too low")
                || message.contains("already imported") || message.contains("nonce has already been used");
        if (!known) {
            return false;
        }
        boolean ours = web3j.ethGetTransactionByHash(tx.hash()).send().getTransaction().isPresent();
        if (!ours) {
            log.error("{} transaction {} of case {}: nonce {} is taken by another transaction", tx.purpose(), tx.hash(), tx.caseId(), tx.nonce());
        }
        return ours;
    }
}
