package com.recoverydesk.intake;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.rules.RecoveryRules;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * Who sent a transaction, asked at filing where {@code refund-to: sender} makes it matter, so a refund address that
 * differs is refused at once. Best effort: a node that does not know the TXID yet, or does not answer, leaves the
 * check to verification, which rejects the case with REFUND_ADDRESS_NOT_SENDER.
 */
@Component
class TransactionSenders {

    private final RecoveryRules rules;
    private final ChainClients chains;

    TransactionSenders(RecoveryRules rules, ChainClients chains) {
        this.rules = rules;
        this.chains = chains;
    }

    Optional<String> senderOf(String chain, String txHash) {
        if (rules.chain(chain).map(c -> c.rpcUrl() == null).orElse(true)) {
            return Optional.empty();
        }
        try {
            return chains.client(chain).ethGetTransactionByHash(txHash).send().getTransaction()
                    .map(Transaction::getFrom).map(Keys::toChecksumAddress);
        } catch (IOException | RuntimeException notNow) {
            // not a refusal: verification reads the sender again, with retries
            return Optional.empty();
        }
    }
}
