package com.recoverydesk.verification;

import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.eligibility.Ineligibility;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Turns a {@link ChainSnapshot} into what it means for one case. Pure: no chain, no database, no clock. */
final class DepositInterpreter {

    static final String TRANSFER_TOPIC = EventEncoder.encode(new Event("Transfer", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { }, new TypeReference<Uint256>(false) { })));

    private DepositInterpreter() {
    }

    /**
     * @param tokenContract the token the user named, or null for the native coin
     * @param lastCheck     whether the case may not wait any longer
     */
    static DepositReading interpret(ChainSnapshot chain, String depositAddress, String tokenContract,
            int requiredConfirmations, boolean lastCheck) {
        Transaction tx = chain.transaction();
        TransactionReceipt receipt = chain.receipt();
        if (tx == null || receipt == null) {
            String why = tx == null ? "the node does not know this TXID yet" : "the transaction is not mined yet";
            return lastCheck ? ineligible(ReasonCode.TX_NOT_FOUND, "After repeated checks " + why + ".") : new DepositReading.Waiting(why);
        }
        if (!receipt.isStatusOK()) {
            return ineligible(ReasonCode.TX_FAILED, null);
        }
        DepositFacts facts = tokenContract == null
                ? nativeTransfer(tx, receipt, depositAddress, chain)
                : tokenTransfer(tx, receipt, depositAddress, tokenContract, chain);
        if (facts == null) {
            return ineligible(ReasonCode.NO_TRANSFER_TO_ADDRESS, null);
        }
        if (facts.confirmations() < requiredConfirmations) {
            String why = facts.confirmations() + " of " + requiredConfirmations + " confirmations";
            return lastCheck ? ineligible(ReasonCode.NOT_ENOUGH_CONFIRMATIONS, "It had " + why + ".") : new DepositReading.Waiting(why);
        }
        return new DepositReading.Confirmed(facts);
    }

    private static DepositFacts nativeTransfer(Transaction tx, TransactionReceipt receipt, String depositAddress, ChainSnapshot chain) {
        if (tx.getTo() == null || !tx.getTo().equalsIgnoreCase(depositAddress) || tx.getValue().signum() <= 0) {
            return null;
        }
        return new DepositFacts(checksummed(tx.getFrom()), checksummed(tx.getTo()), null, null, null, tx.getValue(),
                receipt.getBlockNumber().longValueExact(), DepositFacts.NATIVE_LOG_INDEX,
                confirmations(chain.head(), receipt.getBlockNumber()), chain.blockTime());
    }

    /** The first ERC-20 Transfer log of the named token whose recipient is the deposit address. */
    private static DepositFacts tokenTransfer(Transaction tx, TransactionReceipt receipt, String depositAddress,
            String tokenContract, ChainSnapshot chain) {
        for (Log log : receipt.getLogs()) {
            List<String> topics = log.getTopics();
            if (log.getAddress().equalsIgnoreCase(tokenContract) && topics.size() == 3
                    && topics.get(0).equalsIgnoreCase(TRANSFER_TOPIC) && addressIn(topics.get(2)).equalsIgnoreCase(depositAddress)) {
                BigInteger amount = Numeric.toBigInt(log.getData());
                if (amount.signum() > 0) {
                    return new DepositFacts(checksummed(addressIn(topics.get(1))), checksummed(depositAddress), checksummed(tokenContract),
                            chain.symbol(), chain.decimals(), amount, receipt.getBlockNumber().longValueExact(),
                            log.getLogIndex().intValueExact(), confirmations(chain.head(), receipt.getBlockNumber()), chain.blockTime());
                }
            }
        }
        return null;
    }

    private static long confirmations(BigInteger head, BigInteger block) {
        return head.subtract(block).add(BigInteger.ONE).max(BigInteger.ZERO).longValueExact();
    }

    private static String addressIn(String topic) {
        String hex = Numeric.cleanHexPrefix(topic);
        return "0x" + hex.substring(hex.length() - 40).toLowerCase(Locale.ROOT);
    }

    private static String checksummed(String address) {
        return Keys.toChecksumAddress(address);
    }

    private static DepositReading ineligible(ReasonCode code, String detail) {
        return new DepositReading.Ineligible(new Ineligibility(code, detail));
    }
}
