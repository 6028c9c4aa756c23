package com.recoverydesk.fees;

import static com.recoverydesk.chain.ContractCalls.call;
import static com.recoverydesk.chain.ContractCalls.decode;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.ChainUnavailable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * What the public quote needs to know of a token no chain lists: its {@code decimals} and {@code symbol}, asked in
 * one JSON-RPC batch, so the raw amount of "250.5" is right for a token of 6 decimals as for one of 18.
 */
@Component
class TokenContracts {

    private static final Function DECIMALS = new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() { }));
    private static final Function SYMBOL = new Function("symbol", List.of(), List.of(new TypeReference<Utf8String>() { }));

    private final ChainClients chains;

    TokenContracts(ChainClients chains) {
        this.chains = chains;
    }

    /**
     * The token's decimals and symbol (null when it has none), or empty when the contract does not answer
     * {@code decimals()} as an ERC-20 does (no contract there, or another kind).
     *
     * @throws ChainUnavailable when the chain's node cannot be reached
     */
    Optional<Erc20> read(String chain, String contract) {
        Web3j web3j = chains.client(chain);
        List<EthCall> answers;
        try {
            answers = web3j.newBatch().add(call(web3j, contract, DECIMALS)).add(call(web3j, contract, SYMBOL)).send()
                    .getResponses().stream().map(EthCall.class::cast).toList();
        } catch (IOException e) {
            throw new ChainUnavailable(chain, "be reached", e);
        }
        List<Type> decimals = decode(answers.get(0), DECIMALS);
        if (decimals.size() != 1) {
            return Optional.empty();
        }
        List<Type> symbol = decode(answers.get(1), SYMBOL);
        return Optional.of(new Erc20(((Uint8) decimals.get(0)).getValue().intValueExact(),
                symbol.size() == 1 ? ((Utf8String) symbol.get(0)).getValue() : null));
    }



    record Erc20(int decimals, String symbol) {
    }
}
