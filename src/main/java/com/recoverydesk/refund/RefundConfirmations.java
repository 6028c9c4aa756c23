package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.ChainUnavailable;
import com.recoverydesk.notify.WalletTeam;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Reads, in one batch, the head, the receipts of every attempt that may still be mined and whether the node holds
 * the current attempts, then decides per nonce from the head alone, so it is right whether a timer or a new block
 * woke it: an attempt mined is confirmed once buried deep enough (the set's others can never be mined); an attempt
 * unmined for the chain's {@code replace-after-blocks} since the check first saw it pending is replaced at a higher
 * fee (up to {@code max-fee}: then an incident and a word to the wallet team, and it is still watched); one the node
 * forgot (dropped from its pool) is sent again, as the same bytes.
 */
@Service
class RefundConfirmations {

    private final RefundLedger ledger;
    private final ChainClients chains;
    private final RecoveryRules rules;
    private final RefundBroadcaster broadcaster;
    private final RefundSigning signing;
    private final Timeline timeline;
    private final CaseStore cases;
    private final WalletTeam walletTeam;
    private final DustSweep sweeper;

    RefundConfirmations(RefundLedger ledger, ChainClients chains, RecoveryRules rules, RefundBroadcaster broadcaster, RefundSigning signing,
            Timeline timeline, CaseStore cases, WalletTeam walletTeam, DustSweep sweeper) {
        this.ledger = ledger;
        this.chains = chains;
        this.rules = rules;
        this.broadcaster = broadcaster;
        this.signing = signing;
        this.timeline = timeline;
        this.cases = cases;
        this.walletTeam = walletTeam;
        this.sweeper = sweeper;
    }

    /**
     * @param confirmed every stored transaction of the case is mined (one per nonce) and confirmed
     * @param capped    the stuck transactions whose fee reached the chain's {@code max-fee}, each in a sentence
     */
    record Outcome(boolean confirmed, List<String> capped) {
    }

    @Transactional
    Outcome check(String caseId) {
        List<RefundTransaction> open = ledger.of(caseId).stream().filter(RefundTransaction::isOpen).toList();
        if (open.isEmpty()) {
            return new Outcome(true, List.of());
        }
        ChainConfig chain = rules.chain(open.get(0).chain()).orElseThrow();
        Web3j web3j = chains.client(chain.name());
        var batch = web3j.newBatch().add(web3j.ethBlockNumber());
        open.forEach(tx -> batch.add(web3j.ethGetTransactionReceipt(tx.hash())));
        List<RefundTransaction> current = open.stream().filter(RefundTransaction::isCurrent).toList();
        current.forEach(tx -> batch.add(web3j.ethGetTransactionByHash(tx.hash())));
        List<? extends Response<?>> answers;
        try {
            answers = batch.send().getResponses();
        } catch (IOException e) {
            throw new ChainUnavailable(chain.name(), "be reached", e);
        }
        long head = ((EthBlockNumber) answers.get(0)).getBlockNumber().longValueExact();
        Map<Long, Optional<TransactionReceipt>> receipts = new LinkedHashMap<>();
        for (int i = 0; i < open.size(); i++) {
            receipts.put(open.get(i).id(), ((EthGetTransactionReceipt) answers.get(i + 1)).getTransactionReceipt());
        }
        Map<Long, Boolean> known = new LinkedHashMap<>();
        for (int i = 0; i < current.size(); i++) {
            known.put(current.get(i).id(), ((EthTransaction) answers.get(open.size() + 1 + i)).getTransaction().isPresent());
        }

        boolean all = true;
        List<String> capped = new ArrayList<>();
        for (List<RefundTransaction> set : byNonce(open)) {
            Optional<RefundTransaction> mined = set.stream().filter(tx -> receipts.get(tx.id()).isPresent()).findFirst();
            if (mined.isPresent()) {
                all &= settle(chain, head, mined.get(), receipts.get(mined.get().id()).orElseThrow(), set);
                continue;
            }
            all = false;
            RefundTransaction last = set.stream().filter(RefundTransaction::isCurrent).findFirst().orElse(null);
            if (last == null) {
                continue; // every attempt replaced and none current: cannot happen, the replacement is stored with its predecessor's change
            }
            if (last.pendingSinceBlock() == null) {
                ledger.pendingSince(last.id(), head);
            } else if (head - last.pendingSinceBlock() >= chain.replacement().afterBlocks()) {
                Optional<RefundTransaction> replacement = signing.replace(last);
                if (replacement.isEmpty()) {
                    capped.add(capped(chain, last));
                }
                continue;
            }
            if (!known.get(last.id())) {
                broadcaster.send(last); // dropped from the pool unmined, or refused: the same bytes again (the broadcaster notes a re-send)
            }
        }
        if (all && sweeper.sweep(caseId)) {
            return new Outcome(false, capped); // the sweep is stored; the next broadcast sends it and the checks wait for it
        }
        return new Outcome(all, capped);
    }

    /** The mined attempt of a set: the others never will be; confirmed once the chain's confirmations bury it. */
    private boolean settle(ChainConfig chain, long head, RefundTransaction mined, TransactionReceipt receipt, List<RefundTransaction> set) {
        if (!receipt.isStatusOK()) {
            throw new RefundTransactionFailed(mined);
        }
        for (RefundTransaction other : set) {
            if (other.id() != mined.id() && other.status() != RefundTransaction.Status.NOT_MINED) {
                ledger.notMined(other.id());
            }
        }
        if (set.size() > 1 && set.stream().anyMatch(tx -> tx.id() != mined.id() && tx.status() != RefundTransaction.Status.NOT_MINED)) {
            timeline.note(mined.caseId(), CaseTransitions.SYSTEM, mined.purpose() + "_MINED", cases.find(mined.caseId()).orElseThrow().status(),
                    mined.purpose().name().toLowerCase().replace('_', ' ') + " " + mined.hash() + " (attempt " + mined.attempt()
                            + " at nonce " + mined.nonce() + ") was mined in block " + receipt.getBlockNumber()
                            + "; the other attempts at that nonce can no longer be.");
        }
        long confirmations = head - receipt.getBlockNumber().longValueExact() + 1;
        if (confirmations >= chain.confirmations()) {
            String effective = receipt.getEffectiveGasPrice();
            // a legacy transaction pays its own price; older nodes do not report effectiveGasPrice
            BigInteger paid = effective != null ? org.web3j.utils.Numeric.decodeQuantity(effective)
                    : mined.maxPriorityFeePerGas() == null ? mined.maxFeePerGas() : null;
            ledger.confirmed(mined.id(), receipt.getBlockNumber().longValueExact(), receipt.getGasUsed(), paid);
            return true;
        }
        return false;
    }

    /** The raise stops at the chain's max-fee: the wallet team hears it once, the case's timeline says so. */
    private String capped(ChainConfig chain, RefundTransaction tx) {
        String sentence = tx.purpose() + " transaction " + tx.hash() + " of case " + tx.caseId() + " on " + chain.name() + " (nonce "
                + tx.nonce() + ") is not mined and its fee, " + RefundSigning.gwei(tx.maxFeePerGas()) + " gwei per gas, cannot be raised"
                + " further: the chain's max-fee is " + RefundSigning.gwei(chain.replacement().maxFeePerGas()) + " gwei. It is still watched"
                + " and may yet be mined; raise max-fee in chains.yml to let it be replaced, or wait for fees to fall.";
        if (ledger.feeCapped(tx.id())) {
            // the customer reads the timeline too: what happens, without the operator's instructions
            timeline.note(tx.caseId(), CaseTransitions.SYSTEM, "FEE_CAP_REACHED", cases.find(tx.caseId()).orElseThrow().status(),
                    tx.purpose().name().toLowerCase().replace('_', ' ') + " " + tx.hash() + " waits to be mined: the network's fee is above "
                            + RefundSigning.gwei(chain.replacement().maxFeePerGas()) + " gwei per gas, the most this desk offers on "
                            + chain.name() + ". It stays in line and the wallet team has been told.");
            walletTeam.tell(tx.caseId(), "Refund fee cap reached on " + chain.name() + " for case " + tx.caseId(), sentence);
        }
        return sentence;
    }

    /** Open attempts grouped by sender nonce, newest attempt first, in the order their nonces were stored. */
    private static List<List<RefundTransaction>> byNonce(List<RefundTransaction> open) {
        Map<String, List<RefundTransaction>> sets = new LinkedHashMap<>();
        for (RefundTransaction tx : open) {
            sets.computeIfAbsent(tx.chain() + "/" + tx.from().toLowerCase() + "/" + tx.nonce(), k -> new ArrayList<>()).add(tx);
        }
        sets.values().forEach(set -> set.sort((a, b) -> Integer.compare(b.attempt(), a.attempt())));
        return List.copyOf(sets.values());
    }
}
