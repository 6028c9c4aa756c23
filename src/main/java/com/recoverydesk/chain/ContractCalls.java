package com.recoverydesk.chain;

import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/** A read-only contract call ({@code eth_call} at the latest block) and its answer, for the readers that batch them. */
public final class ContractCalls {

    private ContractCalls() {
    }

    public static Request<?, EthCall> call(Web3j web3j, String contract, Function function) {
        return web3j.ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(function)),
                DefaultBlockParameterName.LATEST);
    }

    /**
     * The answer's values, or none when the call failed, reverted, returned nothing or returned another shape: a
     * contract that does not answer as asked is treated as not answering, never guessed at.
     */
    @SuppressWarnings("rawtypes")
    public static List<Type> decode(EthCall answer, Function function) {
        if (answer.hasError() || answer.isReverted() || answer.getValue() == null || answer.getValue().length() <= 2) {
            return List.of();
        }
        try {
            return FunctionReturnDecoder.decode(answer.getValue(), function.getOutputParameters());
        } catch (RuntimeException notThatShape) {
            return List.of();
        }
    }
}
