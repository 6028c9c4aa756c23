package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.ChainUnavailable;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * Checks that an unlisted token can be moved before anyone spends time on the case: the contract answers
 * as an ERC-20, and a transfer of the deposit from the deposit address to the refund address succeeds when
 * simulated with {@code eth_call}. One JSON-RPC batch.
 */
@Service
class TokenAssessment {

    private final CaseStore cases;
    private final CaseTransitions transitions;
    private final Timeline timeline;
    private final ChainClients chains;

    TokenAssessment(CaseStore cases, CaseTransitions transitions, Timeline timeline, ChainClients chains) {
        this.cases = cases;
        this.transitions = transitions;
        this.timeline = timeline;
        this.chains = chains;
    }

    /** @return whether the token passed */
    @Transactional
    boolean assess(String caseId) {
        RecoveryCase filing = cases.find(caseId).orElseThrow();
        DepositFacts facts = filing.facts();
        Web3j web3j = chains.client(filing.chain());
        String token = facts.tokenContract();
        Function balanceOf = new Function("balanceOf", List.of(new Address(facts.to())), List.of(new TypeReference<Uint256>() { }));
        Function transfer = new Function("transfer", List.of(new Address(filing.refundAddress()), new Uint256(facts.amount())),
                List.of(new TypeReference<Bool>() { }));
        var batch = web3j.newBatch()
                .add(call(web3j, null, token, "decimals()"))
                .add(call(web3j, null, token, "symbol()"))
                .add(call(web3j, null, token, FunctionEncoder.encode(balanceOf)))
                .add(call(web3j, facts.to(), token, FunctionEncoder.encode(transfer)));
        List<? extends Response<?>> answers;
        try {
            answers = batch.send().getResponses();
        } catch (IOException e) {
            throw new ChainUnavailable(filing.chain(), "be reached", e);
        }
        Integer decimals = ChainDepositReader.decodeDecimals((EthCall) answers.get(0));
        String symbol = ChainDepositReader.decodeSymbol((EthCall) answers.get(1));
        BigInteger balance = decodeUint((EthCall) answers.get(2));
        if (decimals == null || symbol == null || balance == null) {
            return reject(caseId, ReasonCode.NOT_AN_ERC20, "It did not answer " + missing(decimals, symbol, balance) + ".");
        }
        if (!simulatedTransferSucceeds((EthCall) answers.get(3))) {
            return reject(caseId, ReasonCode.TRANSFER_SIMULATION_FAILED, null);
        }
        timeline.note(caseId, CaseTransitions.SYSTEM, "TOKEN_ASSESSED", filing.status(),
                symbol + " answers as an ERC-20 and a test transfer to your refund address succeeds.");
        return true;
    }

    private boolean reject(String caseId, ReasonCode code, String detail) {
        transitions.reject(caseId, code, CaseTransitions.SYSTEM, detail);
        return false;
    }

    private static String missing(Integer decimals, String symbol, BigInteger balance) {
        return decimals == null ? "decimals()" : symbol == null ? "symbol()" : "balanceOf()";
    }

    /** A transfer that reverts, or returns false, would fail for real too. No return data is success (old tokens). */
    private static boolean simulatedTransferSucceeds(EthCall answer) {
        if (answer.hasError() || answer.isReverted()) {
            return false;
        }
        String value = answer.getValue();
        if (value == null || value.equals("0x")) {
            return true;
        }
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Type> decoded = FunctionReturnDecoder.decode(value, (List) List.of(new TypeReference<Bool>() { }));
        return !decoded.isEmpty() && ((Bool) decoded.get(0)).getValue();
    }

    private static BigInteger decodeUint(EthCall answer) {
        if (answer.hasError() || answer.isReverted() || answer.getValue() == null || answer.getValue().length() < 66) {
            return null;
        }
        return new BigInteger(answer.getValue().substring(2, 66), 16);
    }

    private static Request<?, EthCall> call(Web3j web3j, String from, String to, String dataOrSignature) {
        String data = dataOrSignature.startsWith("0x") ? dataOrSignature
                : FunctionEncoder.encode(new Function(dataOrSignature.substring(0, dataOrSignature.indexOf('(')), List.of(), List.of()));
        return web3j.ethCall(Transaction.createEthCallTransaction(from, to, data), DefaultBlockParameterName.LATEST);
    }
}
