package com.recoverydesk.refund;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.ChainUnavailable;
import com.recoverydesk.rules.ChainConfig;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.springframework.stereotype.Component;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthGasPrice;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;
import org.web3j.protocol.core.methods.response.EthMaxPriorityFeePerGas;

/** What a refund needs to know from its chain before signing, read in one JSON-RPC batch. */
@Component
class RefundChain {

    private final ChainClients chains;

    RefundChain(ChainClients chains) {
        this.chains = chains;
    }

    /**
     * @param sender   whose balance and next nonce to read
     * @param estimate calls whose gas to estimate (from, to, data), in order
     */
    Reading read(ChainConfig chain, String sender, List<Transaction> estimate) {
        Web3j web3j = chains.client(chain.name());
        var batch = web3j.newBatch()
                .add(web3j.ethGetBalance(sender, DefaultBlockParameterName.LATEST))
                .add(web3j.ethGetTransactionCount(sender, DefaultBlockParameterName.PENDING))
                .add(web3j.ethGasPrice())
                .add(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false));
        if (chain.eip1559()) {
            batch.add(web3j.ethMaxPriorityFeePerGas());
        }
        estimate.forEach(call -> batch.add(web3j.ethEstimateGas(call)));
        List<? extends Response<?>> answers;
        try {
            answers = batch.send().getResponses();
        } catch (IOException e) {
            throw new ChainUnavailable(chain.name(), "be reached", e);
        }
        BigInteger balance = ok(chain, (EthGetBalance) answers.get(0)).getBalance();
        BigInteger nonce = ok(chain, (EthGetTransactionCount) answers.get(1)).getTransactionCount();
        BigInteger legacy = ok(chain, (EthGasPrice) answers.get(2)).getGasPrice();
        GasPrice price = legacyPrice(legacy);
        int next = 4;
        if (chain.eip1559()) {
            BigInteger baseFee = ok(chain, (EthBlock) answers.get(3)).getBlock().getBaseFeePerGas();
            BigInteger priority = ok(chain, (EthMaxPriorityFeePerGas) answers.get(next++)).getMaxPriorityFeePerGas();
            // twice the base fee rides out several full blocks of rising fees; unused fee is not charged
            price = GasPrice.eip1559(baseFee.multiply(BigInteger.TWO).add(priority), priority);
        }
        List<BigInteger> gas = new java.util.ArrayList<>();
        for (int i = next; i < answers.size(); i++) {
            BigInteger estimated = ok(chain, (EthEstimateGas) answers.get(i)).getAmountUsed();
            gas.add(estimated.multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)));
        }
        return new Reading(balance, nonce.longValueExact(), price, gas);
    }

    private static GasPrice legacyPrice(BigInteger gasPrice) {
        return GasPrice.legacy(gasPrice);
    }

    /** The native coin an address holds now. */
    BigInteger nativeBalance(ChainConfig chain, String address) {
        try {
            return ok(chain, chains.client(chain.name()).ethGetBalance(address, DefaultBlockParameterName.LATEST).send()).getBalance();
        } catch (IOException e) {
            throw new ChainUnavailable(chain.name(), "be reached", e);
        }
    }

    private static <R extends Response<?>> R ok(ChainConfig chain, R answer) {
        if (answer.hasError()) {
            throw new ChainUnavailable(chain.name(), "answer " + answer.getClass().getSimpleName(), answer.getError().getMessage());
        }
        return answer;
    }

    /** @param gas estimated gas limits (with a margin) of the calls asked for, in order */
    record Reading(BigInteger balance, long nonce, GasPrice price, List<BigInteger> gas) {
    }
}
