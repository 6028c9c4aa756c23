package com.recoverydesk.verification;

import static com.recoverydesk.chain.ContractCalls.call;
import static com.recoverydesk.chain.ContractCalls.decode;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.ChainUnavailable;
import com.recoverydesk.fees.PriceFeedRide;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthTransaction;

/**
 * Reads everything verification needs about a TXID in one JSON-RPC batch: the transaction, its receipt,
 * the head block, when a token is named its {@code decimals} and {@code symbol}, and the price feed the fee step will
 * charge at when it lives on the same chain ({@link PriceFeedRide}). Only a node that does not put
 * {@code blockTimestamp} on receipts costs a second round trip for the block header, and only a deposit its signer
 * did not send itself a call for the sender's code ({@link #isContract}).
 */
@Component
class ChainDepositReader {

    private static final Function DECIMALS = new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() { }));
    private static final Function SYMBOL = new Function("symbol", List.of(), List.of(new TypeReference<Utf8String>() { }));

    private final ChainClients chains;
    private final PriceFeedRide prices;

    ChainDepositReader(ChainClients chains, PriceFeedRide prices) {
        this.chains = chains;
        this.prices = prices;
    }

    ChainSnapshot read(String chain, String txHash, String tokenContract) {
        Web3j web3j = chains.client(chain);
        var batch = web3j.newBatch()
                .add(web3j.ethGetTransactionByHash(txHash))
                .add(new Request<>("eth_getTransactionReceipt", List.of(txHash), chains.service(chain), TimedReceipt.Answer.class))
                .add(web3j.ethBlockNumber());
        if (tokenContract != null) {
            batch.add(call(web3j, tokenContract, DECIMALS)).add(call(web3j, tokenContract, SYMBOL));
        }
        int priceAt = batch.getRequests().size();
        Optional<PriceFeedRide.Ride> price = prices.along(chain, tokenContract, web3j);
        price.ifPresent(ride -> ride.requests().forEach(batch::add));
        List<? extends Response<?>> answers = send(chain, batch::send).getResponses();
        price.ifPresent(ride -> ride.answered(answers.subList(priceAt, priceAt + ride.requests().size()).stream()
                .map(EthCall.class::cast).toList()));

        EthTransaction transaction = required(chain, "find the transaction", (EthTransaction) answers.get(0));
        TimedReceipt receipt = required(chain, "find the receipt", (TimedReceipt.Answer) answers.get(1)).getResult();
        BigInteger head = required(chain, "tell its head block", (EthBlockNumber) answers.get(2)).getBlockNumber();
        Integer decimals = null;
        String symbol = null;
        if (tokenContract != null) {
            decimals = decodeDecimals((EthCall) answers.get(3));
            symbol = decodeSymbol((EthCall) answers.get(4));
        }
        Instant blockTime = receipt == null ? null : receipt.blockTime();
        if (receipt != null && blockTime == null) {
            blockTime = blockTimeOf(chain, web3j, receipt.getBlockNumber());
        }
        return new ChainSnapshot(transaction.getTransaction().orElse(null), receipt, head, blockTime, decimals, symbol);
    }

    /**
     * Whether an address holds code: a contract (a smart wallet, another service's hot wallet) rather than a key. Asked
     * once the sender is known, so it cannot ride in the batch that finds the sender; {@link DepositCheck} asks only when
     * the sender is not the transaction's signer.
     */
    boolean isContract(String chain, String address) {
        Web3j web3j = chains.client(chain);
        String code = required(chain, "return the sender's code",
                send(chain, () -> web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send())).getCode();
        return code != null && code.length() > 2;
    }

    private Instant blockTimeOf(String chain, Web3j web3j, BigInteger blockNumber) {
        EthBlock block = required(chain, "return block " + blockNumber,
                send(chain, () -> web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(blockNumber), false).send()));
        return Instant.ofEpochSecond(block.getBlock().getTimestamp().longValueExact());
    }


    static Integer decodeDecimals(EthCall answer) {
        List<Type> values = decode(answer, DECIMALS);
        return values.isEmpty() ? null : ((Uint8) values.get(0)).getValue().intValueExact();
    }

    /** Most tokens return a string; some old ones a bytes32. Anything else is no symbol. */
    static String decodeSymbol(EthCall answer) {
        List<Type> values = decode(answer, SYMBOL);
        if (!values.isEmpty()) {
            return ((Utf8String) values.get(0)).getValue();
        }
        List<Type> bytes = decode(answer, new Function("symbol", List.of(), List.of(new TypeReference<Bytes32>() { })));
        if (bytes.isEmpty()) {
            return null;
        }
        String text = new String(((Bytes32) bytes.get(0)).getValue(), java.nio.charset.StandardCharsets.UTF_8).replace("\u0000", "");
        return text.isBlank() ? null : text;
    }


    private static <R extends Response<?>> R required(String chain, String what, R answer) {
        if (answer.hasError()) {
            throw new ChainUnavailable(chain, what, answer.getError().getMessage());
        }
        return answer;
    }

    private static <T> T send(String chain, Call<T> call) {
        try {
            return call.send();
        } catch (IOException e) {
            throw new ChainUnavailable(chain, "be reached", e);
        }
    }

    @FunctionalInterface
    interface Call<T> {
        T send() throws IOException;
    }

}
