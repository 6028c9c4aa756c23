package com.recoverydesk.refund;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.ChainUnavailable;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Reads the receipts of a refund's unconfirmed transactions in one batch and marks those the chain has buried
 * deep enough. A transaction the node forgot (its mempool was flushed) is sent again, as the same bytes.
 */
@Service
class RefundConfirmations {

    private final RefundLedger ledger;
    private final ChainClients chains;
    private final RecoveryRules rules;
    private final RefundBroadcaster broadcaster;

    RefundConfirmations(RefundLedger ledger, ChainClients chains, RecoveryRules rules, RefundBroadcaster broadcaster) {
        this.ledger = ledger;
        this.chains = chains;
        this.rules = rules;
        this.broadcaster = broadcaster;
    }

    /** @return whether every stored transaction of the case is confirmed */
    @Transactional
    boolean check(String caseId) {
        List<RefundTransaction> open = ledger.of(caseId).stream().filter(tx -> tx.status() != RefundTransaction.Status.CONFIRMED).toList();
        if (open.isEmpty()) {
            return true;
        }
        ChainConfig chain = rules.chain(open.get(0).chain()).orElseThrow();
        Web3j web3j = chains.client(chain.name());
        var batch = web3j.newBatch().add(web3j.ethBlockNumber());
        open.forEach(tx -> batch.add(web3j.ethGetTransactionReceipt(tx.hash())));
        List<? extends Response<?>> answers;
        try {
            answers = batch.send().getResponses();
        } catch (IOException e) {
            throw new ChainUnavailable(chain.name(), "be reached", e);
        }
        BigInteger head = ((EthBlockNumber) answers.get(0)).getBlockNumber();
        boolean all = true;
        for (int i = 0; i < open.size(); i++) {
            RefundTransaction tx = open.get(i);
            Optional<TransactionReceipt> receipt = ((EthGetTransactionReceipt) answers.get(i + 1)).getTransactionReceipt();
            if (receipt.isEmpty()) {
                broadcaster.send(tx);
                all = false;
                continue;
            }
            if (!receipt.get().isStatusOK()) {
                throw new RefundTransactionFailed(tx);
            }
            long confirmations = head.subtract(receipt.get().getBlockNumber()).longValueExact() + 1;
            if (confirmations >= chain.confirmations()) {
                ledger.confirmed(tx.id(), receipt.get().getBlockNumber().longValueExact());
            } else {
                all = false;
            }
        }
        return all;
    }
}
