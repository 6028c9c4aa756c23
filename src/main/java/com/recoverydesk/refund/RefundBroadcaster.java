package com.recoverydesk.refund;

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
 * mined) has what we sent; that is success, not an error.
 */
@Service
class RefundBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(RefundBroadcaster.class);

    private final RefundLedger ledger;
    private final ChainClients chains;
    private final CrashDrill drill;

    RefundBroadcaster(RefundLedger ledger, ChainClients chains, CrashDrill drill) {
        this.ledger = ledger;
        this.chains = chains;
        this.drill = drill;
    }

    @Transactional
    void broadcast(String caseId) {
        List<RefundTransaction> unconfirmed = ledger.of(caseId).stream()
                .filter(tx -> tx.status() != RefundTransaction.Status.CONFIRMED)
                .sorted(Comparator.comparing(RefundTransaction::from).thenComparingLong(RefundTransaction::nonce))
                .toList();
        if (unconfirmed.stream().anyMatch(tx -> tx.purpose() == Purpose.REFUND)) {
            drill.reached(CrashDrill.AFTER_COMMIT_BEFORE_BROADCAST);
        }
        unconfirmed.forEach(this::send);
        if (unconfirmed.stream().anyMatch(tx -> tx.purpose() == Purpose.REFUND)) {
            drill.reached(CrashDrill.AFTER_BROADCAST_BEFORE_CONFIRMATION);
        }
    }

    void send(RefundTransaction tx) {
        Web3j web3j = chains.client(tx.chain());
        try {
            EthSendTransaction answer = web3j.ethSendRawTransaction(tx.raw()).send();
            if (answer.hasError() && !theChainHas(web3j, tx, answer.getError().getMessage())) {
                throw new ChainUnavailable(tx.chain(), "accept " + tx.purpose() + " transaction " + tx.hash(), answer.getError().getMessage());
            }
        } catch (IOException e) {
            throw new ChainUnavailable(tx.chain(), "be reached", e);
        }
        ledger.broadcast(tx.id());
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
