package com.recoverydesk.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.PriceFeed;
import com.recoverydesk.rules.Pricing;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.rules.TokenRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/**
 * Deploys on a devnet chain one {@code DemoPriceFeed} (src/main/solidity) per feed that chains.yml places on it, in
 * file order (each chain's native coin, then its tokens; a contract named twice is deployed once), from anvil's ninth
 * account: the addresses follow from that account's nonces, so chains.yml names them in advance, as it names the
 * demo tokens. Each feed starts "live" at {@code recovery.devnet.prices}.
 */
final class DevnetPriceFeeds {

    /** Chainlink's USD feeds answer with 8 decimals. */
    static final int DECIMALS = 8;

    private final RecoveryRules rules;
    private final ChainClients chains;
    private final DevnetProperties properties;

    DevnetPriceFeeds(RecoveryRules rules, ChainClients chains, DevnetProperties properties) {
        this.rules = rules;
        this.chains = chains;
        this.properties = properties;
    }

    /** The feeds now on {@code chain}, by contract address. */
    List<String> deploy(ChainConfig chain, Runnable mineNow) {
        Map<String, Wanted> wanted = wantedOn(chain.name());
        Web3j web3j = chains.client(chain.name());
        Credentials owner = DevnetAccounts.priceFeedOwner();
        boolean fresh = nonce(web3j, owner.getAddress()).signum() == 0;
        List<String> deployed = new ArrayList<>();
        int index = 0;
        for (Wanted feed : wanted.values()) {
            String address = fresh ? deployOne(chain, web3j, owner, feed, mineNow)
                    : ContractUtils.generateContractAddress(owner.getAddress(), BigInteger.valueOf(index));
            if (!address.equalsIgnoreCase(feed.contract()) || !hasCode(web3j, feed.contract())) {
                throw new DevnetStartupFailure(feed.key() + " is " + feed.contract() + " but the devnet's " + feed.symbol()
                        + "/USD feed is at " + address + ": set chains.yml to that address, or delete " + properties.dataDir()
                        + " to start the chains afresh");
            }
            deployed.add(feed.contract());
            index++;
        }
        return deployed;
    }

    private Map<String, Wanted> wantedOn(String chainName) {
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        for (ChainConfig chain : rules.chains().values()) {
            want(wanted, chainName, chain.nativeCoin().price(), chain.nativeCoin().symbol(), "chains." + chain.name() + ".native");
            for (int i = 0; i < chain.tokens().size(); i++) {
                TokenRule token = chain.tokens().get(i);
                want(wanted, chainName, token.price(), token.symbol(), "chains." + chain.name() + ".tokens[" + i + "]");
            }
        }
        return wanted;
    }

    private void want(Map<String, Wanted> wanted, String chainName, Pricing price, String symbol, String key) {
        PriceFeed feed = price.feed();
        if (feed != null && feed.chain().equals(chainName)) {
            wanted.putIfAbsent(feed.contract().toLowerCase(), new Wanted(feed.contract(), symbol, key + ".price-feed.contract"));
        }
    }

    private String deployOne(ChainConfig chain, Web3j web3j, Credentials owner, Wanted feed, Runnable mineNow) {
        // by symbol in any case: the environment's RECOVERY_DEVNET_PRICES_ETH binds as the key "eth"
        BigDecimal price = properties.prices().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(feed.symbol()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (price == null) {
            throw new DevnetStartupFailure("recovery.devnet.prices has no first price for " + feed.symbol() + " (the feed of "
                    + feed.key() + "); add " + feed.symbol() + ": \"<USD>\" there");
        }
        String constructor = FunctionEncoder.encodeConstructor(List.<Type>of(new Utf8String(feed.symbol() + " / USD (devnet)"),
                new Uint8(DECIMALS), new Int256(price.movePointRight(DECIMALS).toBigInteger())));
        RawTransaction tx = RawTransaction.createContractTransaction(nonce(web3j, owner.getAddress()), BigInteger.valueOf(2_000_000_000L),
                BigInteger.valueOf(3_000_000), BigInteger.ZERO, bytecode() + constructor);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, chain.chainId(), owner));
        try {
            var sent = web3j.ethSendRawTransaction(signed).send();
            if (sent.hasError()) {
                throw new DevnetStartupFailure("deploying the " + feed.symbol() + "/USD feed on " + chain.name() + " failed: "
                        + sent.getError().getMessage());
            }
            mineNow.run();
            return web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt()
                    .orElseThrow(() -> new DevnetStartupFailure("deploying the " + feed.symbol() + "/USD feed on " + chain.name() + " was not mined"))
                    .getContractAddress();
        } catch (IOException e) {
            throw new DevnetStartupFailure("the devnet chain " + chain.name() + " does not answer: " + e.getMessage(), e);
        }
    }

    private static BigInteger nonce(Web3j web3j, String address) {
        try {
            return web3j.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send().getTransactionCount();
        } catch (IOException e) {
            throw new DevnetStartupFailure("a devnet chain does not answer: " + e.getMessage(), e);
        }
    }

    private static boolean hasCode(Web3j web3j, String address) {
        try {
            String code = web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
            return code != null && code.length() > 2;
        } catch (IOException e) {
            throw new DevnetStartupFailure("a devnet chain does not answer: " + e.getMessage(), e);
        }
    }

    private static String bytecode() {
        try (InputStream in = DevnetPriceFeeds.class.getResourceAsStream("/contracts/DemoPriceFeed.json")) {
            if (in == null) {
                throw new DevnetStartupFailure("contracts/DemoPriceFeed.json is missing from the classpath: build with ./mvnw,"
                        + " which compiles src/main/solidity");
            }
            return new ObjectMapper().readTree(in).get("bytecode").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param key the chains.yml key that names the feed's contract, for a start-up message an operator can act on */
    private record Wanted(String contract, String symbol, String key) {
    }
}
