package com.recoverydesk.fees;

import static com.recoverydesk.chain.ContractCalls.call;
import static com.recoverydesk.chain.ContractCalls.decode;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.rules.PriceFeed;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.abi.datatypes.generated.Uint80;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * Reads a Chainlink-style aggregator (AggregatorV3Interface): {@code decimals} and {@code latestRoundData} in one
 * JSON-RPC batch. A feed that reverts, answers nothing or cannot be reached gives no round: the caller then has no
 * price, which is a business outcome (a valuation), not a retry.
 */
@Component
class PriceFeedReader {

    private static final Function DECIMALS = new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() { }));
    private static final Function LATEST_ROUND_DATA = new Function("latestRoundData", List.of(), List.of(
            new TypeReference<Uint80>() { }, new TypeReference<Int256>() { }, new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { }, new TypeReference<Uint80>() { }));

    private final ChainClients chains;

    PriceFeedReader(ChainClients chains) {
        this.chains = chains;
    }

    /**
     * The feed's latest round, or empty when it did not answer (reverted, no contract, node unreachable). A round this
     * transaction already read in another batch to the same chain ({@link PriceFeedRide}) is not read again.
     */
    Optional<FeedRound> latest(PriceFeed feed) {
        Optional<Optional<FeedRound>> carried = RoundsOfTransaction.recalled(feed);
        if (carried.isPresent()) {
            return carried.get();
        }
        Web3j web3j = chains.client(feed.chain());
        List<EthCall> answers;
        try {
            answers = web3j.newBatch().add(call(web3j, feed.contract(), DECIMALS)).add(call(web3j, feed.contract(), LATEST_ROUND_DATA))
                    .send().getResponses().stream().map(EthCall.class::cast).toList();
        } catch (IOException | RuntimeException unreachable) {
            return Optional.empty();
        }
        return round(answers.get(0), answers.get(1));
    }

    /** The two calls {@link #latest} makes, for a batch that carries them to the feed's chain. */
    static List<Request<?, EthCall>> calls(Web3j web3j, PriceFeed feed) {
        return List.of(call(web3j, feed.contract(), DECIMALS), call(web3j, feed.contract(), LATEST_ROUND_DATA));
    }

    /** The round from the answers to {@link #calls}, or empty when the feed did not answer as an aggregator does. */
    static Optional<FeedRound> round(EthCall decimalsAnswer, EthCall roundAnswer) {
        List<Type> decimals = decode(decimalsAnswer, DECIMALS);
        List<Type> round = decode(roundAnswer, LATEST_ROUND_DATA);
        if (decimals.size() != 1 || round.size() != 5) {
            return Optional.empty();
        }
        int scale = ((Uint8) decimals.get(0)).getValue().intValueExact();
        BigInteger answer = ((Int256) round.get(1)).getValue();
        BigInteger updatedAt = ((Uint256) round.get(3)).getValue();
        return Optional.of(new FeedRound(((Uint80) round.get(0)).getValue(), new BigDecimal(answer, scale),
                Instant.ofEpochSecond(updatedAt.min(BigInteger.valueOf(Instant.MAX.getEpochSecond())).longValueExact())));
    }
}
