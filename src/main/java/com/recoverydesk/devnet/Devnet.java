package com.recoverydesk.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.DemoToken;
import com.recoverydesk.chain.DemoTokens;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.rules.TokenRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * The local chains of the default run: one anvil per chain named in {@code recovery.devnet.chains}, on the
 * port of its rpc-url, with the demo tokens and price feeds deployed and the gas station funded. Started while the
 * application starts, stopped when it stops.
 */
@Component
@ConditionalOnProperty(name = "recovery.devnet.enabled", havingValue = "true", matchIfMissing = true)
public class Devnet implements DemoTokens, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Devnet.class);
    private static final BigInteger GAS_STATION_FLOOR = Convert.toWei("100", Convert.Unit.ETHER).toBigIntegerExact();
    private static final BigInteger GAS_STATION_FUNDING = Convert.toWei("1000", Convert.Unit.ETHER).toBigIntegerExact();
    private static final String UNLISTED_SYMBOL = "GEM";

    private final DevnetProperties properties;
    private final RecoveryRules rules;
    private final ChainClients chains;
    private final String gasStation;
    private final List<AnvilNode> nodes = new ArrayList<>();
    private final List<DemoToken> tokens = new ArrayList<>();
    private final DevnetPriceFeeds priceFeeds;

    Devnet(DevnetProperties properties, RecoveryRules rules, ChainClients chains,
            @Value("${recovery.wallet.gas-station-private-key}") String gasStationKey) {
        this.properties = properties;
        this.rules = rules;
        this.chains = chains;
        this.gasStation = Credentials.create(gasStationKey).getAddress();
        this.priceFeeds = new DevnetPriceFeeds(rules, chains, properties);
    }

    @Override
    public void afterPropertiesSet() {
        try {
            for (String name : properties.chains()) {
                ChainConfig chain = rules.chain(name).orElseThrow(() -> new DevnetStartupFailure(
                        "recovery.devnet.chains names '" + name + "', which chains.yml does not define"));
                nodes.add(AnvilNode.start(properties.anvilPath(), name, loopbackPort(chain), chain.chainId(),
                        properties.blockTimeSeconds(), properties.dataDir(), name.toUpperCase(Locale.ROOT).replace('-', '_') + "_RPC_URL"));
                tokens.addAll(deployDemoTokens(chain));
                List<String> feeds = priceFeeds.deploy(chain, () -> mineNow(name));
                fundGasStation(chain);
                log.info("Devnet chain {} (chain id {}) on {}; tokens {}; price feeds {}", name, chain.chainId(), chain.rpcUrl(),
                        tokens.stream().filter(t -> t.chain().equals(name)).map(t -> t.symbol() + " " + t.contract()).toList(), feeds);
            }
        } catch (RuntimeException e) {
            destroy();
            throw e;
        }
    }

    @Override
    public void destroy() {
        nodes.forEach(AnvilNode::close);
        nodes.clear();
    }

    /** The tokens deployed on the devnet chains, listed or not. */
    @Override
    public List<DemoToken> tokens() {
        return List.copyOf(tokens);
    }

    private static int loopbackPort(ChainConfig chain) {
        URI url = chain.rpcUrl();
        if (url == null || !List.of("127.0.0.1", "localhost").contains(url.getHost()) || url.getPort() <= 0) {
            throw new DevnetStartupFailure("chains." + chain.name() + ".rpc-url must be http://127.0.0.1:<port> to run on the"
                    + " devnet (it is " + url + "); take the chain out of recovery.devnet.chains or set recovery.devnet.enabled=false");
        }
        return url.getPort();
    }

    /**
     * Deploys, on a fresh chain, the chain's listed tokens in chains.yml order and then one unlisted token, all
     * from anvil's first account: the addresses follow from its nonces, so chains.yml can name them in advance.
     * A chain that already has them (restarted from its state file) is left as it is.
     */
    private List<DemoToken> deployDemoTokens(ChainConfig chain) {
        Web3j web3j = chains.client(chain.name());
        Credentials deployer = DevnetAccounts.first();
        List<DemoToken> deployed = new ArrayList<>();
        boolean fresh = nonce(web3j, deployer.getAddress()).signum() == 0;
        for (int i = 0; i < chain.tokens().size(); i++) {
            TokenRule token = chain.tokens().get(i);
            String address = fresh ? deploy(chain, web3j, deployer, token.symbol() + " (devnet)", token.symbol(), token.decimals())
                    : contractAddress(deployer.getAddress(), i);
            if (!address.equalsIgnoreCase(token.contract()) || !hasCode(web3j, token.contract())) {
                throw new DevnetStartupFailure("chains." + chain.name() + ".tokens[" + i + "].contract is " + token.contract()
                        + " but the devnet's " + token.symbol() + " is at " + address + ": set chains.yml to that address,"
                        + " or delete " + properties.dataDir() + " to start the chains afresh");
            }
            deployed.add(new DemoToken(chain.name(), token.symbol(), Keys.toChecksumAddress(address), token.decimals(), true));
        }
        String unlisted = fresh ? deploy(chain, web3j, deployer, "Gem (devnet, listed nowhere)", UNLISTED_SYMBOL, 18)
                : contractAddress(deployer.getAddress(), chain.tokens().size());
        if (hasCode(web3j, unlisted)) {
            deployed.add(new DemoToken(chain.name(), UNLISTED_SYMBOL, Keys.toChecksumAddress(unlisted), 18, false));
        }
        return deployed;
    }

    private String deploy(ChainConfig chain, Web3j web3j, Credentials deployer, String name, String symbol, int decimals) {
        BigInteger supply = BigInteger.TEN.pow(9 + decimals);
        String constructor = FunctionEncoder.encodeConstructor(List.<Type>of(
                new Utf8String(name), new Utf8String(symbol), new Uint8(decimals), new Uint256(supply)));
        BigInteger nonce = nonce(web3j, deployer.getAddress());
        RawTransaction tx = RawTransaction.createContractTransaction(nonce, BigInteger.valueOf(2_000_000_000L),
                BigInteger.valueOf(3_000_000), BigInteger.ZERO, demoTokenBytecode() + constructor);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, chain.chainId(), deployer));
        try {
            var sent = web3j.ethSendRawTransaction(signed).send();
            if (sent.hasError()) {
                throw new DevnetStartupFailure("deploying " + symbol + " on " + chain.name() + " failed: " + sent.getError().getMessage());
            }
            mineNow(chain.name());
            var receipt = web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt()
                    .orElseThrow(() -> new DevnetStartupFailure("deploying " + symbol + " on " + chain.name() + " was not mined"));
            return receipt.getContractAddress();
        } catch (IOException e) {
            throw new DevnetStartupFailure("the devnet chain " + chain.name() + " does not answer: " + e.getMessage(), e);
        }
    }

    /** The gas station pays for refund gas; on the devnet it is simply given coins. */
    private void fundGasStation(ChainConfig chain) {
        try {
            BigInteger balance = chains.client(chain.name()).ethGetBalance(gasStation, DefaultBlockParameterName.LATEST).send().getBalance();
            if (balance.compareTo(GAS_STATION_FLOOR) < 0) {
                rpc(chain.name(), "anvil_setBalance", List.of(gasStation, Numeric.encodeQuantity(GAS_STATION_FUNDING)));
            }
        } catch (IOException e) {
            throw new DevnetStartupFailure("the devnet chain " + chain.name() + " does not answer: " + e.getMessage(), e);
        }
    }

    /** With a block time set anvil does not mine per transaction; mining now keeps start-up free of waiting. */
    private void mineNow(String chain) {
        rpc(chain, "evm_mine", List.of());
    }

    private void rpc(String chain, String method, List<?> params) {
        try {
            Response<?> answer = new Request<>(method, params, chains.service(chain), AnyAnswer.class).send();
            if (answer.hasError()) {
                throw new DevnetStartupFailure(method + " on " + chain + " failed: " + answer.getError().getMessage());
            }
        } catch (IOException e) {
            throw new DevnetStartupFailure("the devnet chain " + chain + " does not answer: " + e.getMessage(), e);
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

    private static String contractAddress(String deployer, int nonce) {
        return org.web3j.crypto.ContractUtils.generateContractAddress(deployer, BigInteger.valueOf(nonce));
    }

    private static String demoTokenBytecode() {
        try (InputStream in = Devnet.class.getResourceAsStream("/contracts/DemoToken.json")) {
            if (in == null) {
                throw new DevnetStartupFailure("contracts/DemoToken.json is missing from the classpath: build with ./mvnw,"
                        + " which compiles src/main/solidity");
            }
            JsonNode artifact = new ObjectMapper().readTree(in);
            return artifact.get("bytecode").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON-RPC answer whose result does not matter. */
    public static class AnyAnswer extends Response<Object> {
    }
}
