package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.wallet.FeeTreasury;
import com.recoverydesk.wallet.GasStation;
import com.recoverydesk.wallet.Signer;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * Signs a refund's transactions and stores them, in the transaction of the workflow step, before anything is
 * broadcast. Each step is idempotent: what is already stored is never signed again, and the database's unique
 * keys (one transaction per purpose per case, one per sender nonce) decide any race between two signers.
 */
@Service
class RefundSigning {

    static final BigInteger NATIVE_TRANSFER_GAS = BigInteger.valueOf(21_000);

    private final CaseStore cases;
    private final Timeline timeline;
    private final RecoveryRules rules;
    private final RefundChain chain;
    private final RefundLedger ledger;
    private final Signer signer;
    private final GasStation gasStation;
    private final FeeTreasury treasury;
    private final CrashDrill drill;

    RefundSigning(CaseStore cases, Timeline timeline, RecoveryRules rules, RefundChain chain, RefundLedger ledger, Signer signer,
            GasStation gasStation, FeeTreasury treasury, CrashDrill drill) {
        this.cases = cases;
        this.timeline = timeline;
        this.rules = rules;
        this.chain = chain;
        this.ledger = ledger;
        this.signer = signer;
        this.gasStation = gasStation;
        this.treasury = treasury;
        this.drill = drill;
    }

    /** A token deposit's address needs native coin for its two transfers; the gas station sends what is missing. */
    @Transactional
    void signGasTopUp(String caseId) {
        RecoveryCase c = cases.find(caseId).orElseThrow();
        if (c.facts().isNative() || ledger.has(caseId, Purpose.GAS_TOP_UP) || ledger.has(caseId, Purpose.REFUND)) {
            return;
        }
        ChainConfig config = rules.chain(c.chain()).orElseThrow();
        String deposit = c.facts().to();
        ledger.lockSender(config.name(), deposit);
        ledger.lockSender(config.name(), gasStation.address());
        RefundChain.Reading reading = chain.read(config, deposit, tokenTransfers(c));
        // the two transfers' gas at the fee they will be signed with (signTransfers signs at this price, or at the
        // chain's if that is lower): no more, so nothing is left behind but what the chain did not charge. Should fees
        // rise before they are mined, the check replaces them and tops up the raise then.
        // Other cases' top-ups whose transfers are not signed yet are theirs: counting them as free let one case ride on
        // another's top-up and left the other short (found by the cluster test, six refunds from one address).
        BigInteger needed = reading.gas().stream().reduce(BigInteger.ZERO, BigInteger::add).multiply(reading.price().maxPerGas())
                .add(ledger.reservedGas(config.name(), deposit)).add(ledger.earmarked(config.name(), deposit, caseId));
        if (reading.balance().compareTo(needed) >= 0) {
            return;
        }
        RefundChain.Reading station = chain.read(config, gasStation.address(), List.of());
        BigInteger value = needed.subtract(reading.balance());
        long nonce = nextNonce(config, gasStation.address(), station.nonce());
        store(c, config, Purpose.GAS_TOP_UP, gasStation.address(), null, deposit, value, nonce, NATIVE_TRANSFER_GAS, station.price());
    }

    /**
     * The refund (amount − fee, to the user) and the fee (to the treasury), both from the deposit address. For a
     * native-coin deposit the gas of both comes out of the refund.
     */
    @Transactional
    void signTransfers(String caseId) {
        if (ledger.has(caseId, Purpose.REFUND)) {
            return;
        }
        RecoveryCase c = cases.find(caseId).orElseThrow();
        ChainConfig config = rules.chain(c.chain()).orElseThrow();
        DepositFacts facts = c.facts();
        BigInteger fee = c.fee().amount();
        BigInteger refund = facts.amount().subtract(fee);
        String deposit = facts.to();
        ledger.lockSender(config.name(), deposit);
        if (ledger.has(caseId, Purpose.REFUND)) {
            return; // a signer that held the lock before us signed this refund: ours waited, and now adds nothing
        }
        if (facts.isNative()) {
            RefundChain.Reading reading = chain.read(config, deposit, List.of());
            BigInteger gasCost = NATIVE_TRANSFER_GAS.multiply(BigInteger.TWO).multiply(reading.price().maxPerGas());
            long nonce = nextNonce(config, deposit, reading.nonce());
            store(c, config, Purpose.FEE, deposit, null, treasury.address(), fee, nonce, NATIVE_TRANSFER_GAS, reading.price());
            store(c, config, Purpose.REFUND, deposit, null, c.refundAddress(), refund.subtract(gasCost), nonce + 1, NATIVE_TRANSFER_GAS,
                    reading.price());
            return;
        }
        RefundChain.Reading reading = chain.read(config, deposit, tokenTransfers(c));
        GasPrice price = affordable(reading, ledger.reservedGas(config.name(), deposit));
        long nonce = nextNonce(config, deposit, reading.nonce());
        store(c, config, Purpose.REFUND, deposit, facts.tokenContract(), c.refundAddress(), refund, nonce, reading.gas().get(0), price);
        store(c, config, Purpose.FEE, deposit, facts.tokenContract(), treasury.address(), fee, nonce + 1, reading.gas().get(1), price);
        drill.reached(CrashDrill.AFTER_SIGNING_BEFORE_COMMIT);
    }

    /**
     * The chain's price, if the deposit address can pay it; otherwise (fees rose after the top-up) the price its
     * top-up paid for. Such a transfer may not be mined at once: the check replaces it after the chain's
     * replace-after-blocks, topping up the raise, as it does for any transaction that fees outran.
     */
    private static GasPrice affordable(RefundChain.Reading reading, BigInteger reserved) {
        BigInteger gas = reading.gas().stream().reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger canPay = reading.balance().subtract(reserved).max(BigInteger.ZERO).divide(gas);
        GasPrice chainPrice = reading.price();
        if (canPay.compareTo(chainPrice.maxPerGas()) >= 0) {
            return chainPrice;
        }
        return chainPrice.eip1559() ? GasPrice.eip1559(canPay, chainPrice.maxPriorityFeePerGas().min(canPay)) : GasPrice.legacy(canPay);
    }

    /**
     * Signs and stores the sweep of a token refund's leftover gas money from the deposit address back to the gas
     * station; {@code value} is what is left after the sweep's own gas at {@code price}.
     */
    void signSweep(RecoveryCase c, ChainConfig config, String deposit, BigInteger value, long chainNonce, GasPrice price) {
        store(c, config, Purpose.SWEEP, deposit, null, gasStation.address(), value, nextNonce(config, deposit, chainNonce),
                NATIVE_TRANSFER_GAS, price);
    }

    private List<Transaction> tokenTransfers(RecoveryCase c) {
        BigInteger fee = c.fee().amount();
        BigInteger refund = c.facts().amount().subtract(fee);
        String deposit = c.facts().to();
        String token = c.facts().tokenContract();
        return List.of(Transaction.createEthCallTransaction(deposit, token, transfer(c.refundAddress(), refund)),
                Transaction.createEthCallTransaction(deposit, token, transfer(treasury.address(), fee)));
    }

    /** Never below what the chain says is next, never a nonce already stored for another transaction. */
    private long nextNonce(ChainConfig config, String sender, long chainNonce) {
        return ledger.lastNonce(config.name(), sender).map(stored -> Math.max(chainNonce, stored + 1)).orElse(chainNonce);
    }

    private static RawTransaction transaction(ChainConfig config, GasPrice price, long nonce, BigInteger gas, String to, BigInteger value,
            String data) {
        BigInteger n = BigInteger.valueOf(nonce);
        return price.eip1559()
                ? RawTransaction.createTransaction(config.chainId(), n, gas, to, value, data, price.maxPriorityFeePerGas(), price.maxFeePerGas())
                : RawTransaction.createTransaction(n, price.legacyPrice(), gas, to, value, data);
    }

    /** Signs a native transfer ({@code token} null) or an ERC-20 transfer to {@code recipient}, and stores it. */
    private void store(RecoveryCase c, ChainConfig config, Purpose purpose, String from, String token, String recipient,
            BigInteger amount, long nonce, BigInteger gas, GasPrice price) {
        String hash = signAndStore(c.id(), config, purpose, from, token, recipient, amount, nonce, 0, gas, price);
        timeline.note(c.id(), CaseTransitions.SYSTEM, purpose + "_SIGNED", c.status(),
                purpose.name().toLowerCase().replace('_', ' ') + " signed and stored before broadcast: " + hash);
    }

    private String signAndStore(String caseId, ChainConfig config, Purpose purpose, String from, String token, String recipient,
            BigInteger amount, long nonce, int attempt, BigInteger gas, GasPrice price) {
        RawTransaction tx = token == null
                ? transaction(config, price, nonce, gas, recipient, amount, "")
                : transaction(config, price, nonce, gas, token, BigInteger.ZERO, transfer(recipient, amount));
        String raw = signer.sign(from, tx, config.chainId());
        String hash = Hash.sha3(raw);
        ledger.store(caseId, config.name(), purpose, from, recipient, token, amount, nonce, attempt, gas, price, raw, hash);
        return hash;
    }

    /**
     * Re-signs a stuck transaction at the same nonce, to the same recipient with the same amount and gas limit, at a
     * raised fee, and stores it (the next broadcast sends it; the earlier attempts stay watched, as the chain may
     * still mine one of them). When the sender cannot pay the raise, the gas station's top-up for the difference is
     * stored too, and the broadcast sends it first.
     *
     * @return the replacement, or empty when the chain's {@code max-fee} leaves no valid raise
     */
    @Transactional
    Optional<RefundTransaction> replace(RefundTransaction stuck) {
        ChainConfig config = rules.chain(stuck.chain()).orElseThrow();
        RecoveryCase c = cases.find(stuck.caseId()).orElseThrow();
        ledger.lockSender(config.name(), stuck.from());
        RefundChain.Reading reading = chain.read(config, stuck.from(), List.of());
        Optional<GasPrice> raised = stuck.price().raisedFor(reading.price(), config.replacement().maxFeePerGas());
        if (raised.isEmpty()) {
            return Optional.empty();
        }
        GasPrice price = raised.get();
        BigInteger extra = stuck.gasLimit().multiply(price.maxPerGas().subtract(stuck.maxFeePerGas()));
        BigInteger free = reading.balance().subtract(ledger.reservedGas(config.name(), stuck.from()))
                .subtract(ledger.pendingValue(config.name(), stuck.from()));
        if (free.compareTo(extra) < 0) {
            if (gasStation.address().equalsIgnoreCase(stuck.from())) {
                throw new com.recoverydesk.chain.ChainUnavailable(config.name(), "raise the gas station's fee",
                        "the gas station holds too little native coin to replace " + stuck.hash() + "; fund it and retry");
            }
            ledger.lockSender(config.name(), gasStation.address());
            RefundChain.Reading station = chain.read(config, gasStation.address(), List.of());
            store(c, config, Purpose.GAS_TOP_UP, gasStation.address(), null, stuck.from(), extra.subtract(free.max(BigInteger.ZERO)),
                    nextNonce(config, gasStation.address(), station.nonce()), NATIVE_TRANSFER_GAS, station.price());
        }
        String hash = signAndStore(c.id(), config, stuck.purpose(), stuck.from(), stuck.tokenContract(), stuck.to(), stuck.amount(),
                stuck.nonce(), stuck.attempt() + 1, stuck.gasLimit(), price);
        ledger.replaced(stuck.id());
        timeline.note(c.id(), CaseTransitions.SYSTEM, stuck.purpose() + "_REPLACED", c.status(),
                stuck.purpose().name().toLowerCase().replace('_', ' ') + " " + stuck.hash() + " was not mined within "
                        + config.replacement().afterBlocks() + " blocks; replaced at nonce " + stuck.nonce() + " by " + hash + ", offering "
                        + gwei(price.maxPerGas()) + " gwei per gas instead of " + gwei(stuck.maxFeePerGas())
                        + ", signed and stored before broadcast. Only one of them can be mined.");
        return ledger.of(c.id()).stream().filter(tx -> tx.hash().equals(hash)).findFirst();
    }

    static String gwei(BigInteger wei) {
        return new java.math.BigDecimal(wei).movePointLeft(9).stripTrailingZeros().toPlainString();
    }

    private static String transfer(String to, BigInteger amount) {
        return FunctionEncoder.encode(new Function("transfer", List.<Type>of(new Address(to), new Uint256(amount)), List.of()));
    }
}
