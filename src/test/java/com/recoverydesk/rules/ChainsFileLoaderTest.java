package com.recoverydesk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recoverydesk.cases.CaseType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class ChainsFileLoaderTest {

    private static final Path SHIPPED = Path.of("chains.yml");

    @TempDir
    Path dir;

    private final MockEnvironment environment = new MockEnvironment();
    private final ChainsFileLoader loader = new ChainsFileLoader(environment::resolveRequiredPlaceholders);

    @Test
    void readsTheShippedFileWithDevnetDefaults() {
        RecoveryRules rules = loader.load(SHIPPED);

        ChainConfig ethereum = rules.chain("ethereum").orElseThrow();
        assertThat(ethereum.chainId()).isEqualTo(1);
        assertThat(ethereum.rpcUrl()).hasToString("http://127.0.0.1:8545");
        assertThat(ethereum.recovery()).isEqualTo(RecoveryMode.DIRECT);
        assertThat(ethereum.maxDepositAge()).isEqualTo(Duration.ofDays(365));
        assertThat(ethereum.token("0x5fbdb2315678afecb367f032d93f642f64180aa3")).get()
                .extracting(TokenRule::symbol, TokenRule::decimals).containsExactly("USDT", 6);
        assertThat(rules.chain("bsc").orElseThrow().token("0x5FbDB2315678afecb367f032d93F642f64180aa3")).get()
                .extracting(TokenRule::decimals).isEqualTo(18);
        assertThat(rules.chain("polygon").orElseThrow().recovery()).isEqualTo(RecoveryMode.CONDITIONAL);
        assertThat(rules.chain("polygon").orElseThrow().conditions()).isNotEmpty();
        assertThat(rules.chain("tron").orElseThrow().recovery()).isEqualTo(RecoveryMode.UNSUPPORTED);
        assertThat(rules.chain("tron").orElseThrow().rpcUrl()).isNull();
        assertThat(rules.fees().get(CaseType.WRONG_NETWORK).percent()).isEqualByComparingTo("5");
        assertThat(rules.minimumDepositUsd()).containsKeys(CaseType.values());
        assertThat(rules.dualApprovalAboveUsd()).isEqualByComparingTo(new BigDecimal("10000"));
        assertThat(rules.refundTo()).isEqualTo(RefundTo.ANY);
        assertThat(ethereum.nativeCoin().price().feed()).isEqualTo(new PriceFeed("ethereum",
                "0x95bD8D42f30351685e96C62EDdc0d0613bf9a87A", Duration.ofHours(1)));
        assertThat(rules.chain("polygon").orElseThrow().tokens().get(0).price().feed().chain()).isEqualTo("ethereum");
        assertThat(rules.chain("polygon").orElseThrow().nativeCoin().price()).isEqualTo(Pricing.fixed(new BigDecimal("0.50")));
    }

    @Test
    void aChainsOwnRefundToWinsOverTheGlobalOne() throws IOException {
        Path file = write(shipped().replace("    recovery: direct\n    max-deposit-age: P365D\n    eip1559: false",
                "    recovery: direct\n    refund-to: sender\n    max-deposit-age: P365D\n    eip1559: false"));
        assertThat(Files.readString(file)).contains("refund-to: sender\n    max-deposit-age");

        RecoveryRules rules = loader.load(file);

        assertThat(rules.refundTo("bsc")).isEqualTo(RefundTo.SENDER);
        assertThat(rules.refundTo("ethereum")).isEqualTo(RefundTo.ANY);
    }

    @Test
    void refusesMoreConditionsThanTheReviewFormCanConfirm() throws IOException {
        String six = "      - one\n      - two\n      - three\n      - four\n      - five\n      - six\n";
        Path file = write(shipped().replace("    conditions:\n", "    conditions:\n" + six));

        assertInvalid(file, "chains.polygon.conditions", "at most 5 conditions");
    }

    @Test
    void refusesAFeedOnAChainTheFileDoesNotName() throws IOException {
        Path file = write(shipped().replace("price-feed: { chain: bsc, contract: \"${BSC_USDT_USD_FEED",
                "price-feed: { chain: bnb, contract: \"${BSC_USDT_USD_FEED"));

        assertInvalid(file, "chains.bsc.tokens[0].price-feed.chain", "no chain named 'bnb'");
    }

    @Test
    void refusesAFeedWhoseContractIsNotChecksummed() throws IOException {
        Path file = write(shipped().replace("${BSC_BNB_USD_FEED:0x95bD8D42f30351685e96C62EDdc0d0613bf9a87A}",
                "0x95bd8d42f30351685e96c62eddc0d0613bf9a87a"));

        assertInvalid(file, "chains.bsc.native.price-feed.contract", "is not an EIP-55 checksummed address");
    }

    @Test
    void refusesAFeedWithoutMaximumAge() throws IOException {
        Path file = write(shipped().replace("0x98eDDadCfde04dC22a0e62119617e74a6Bc77313}\", max-price-age: PT24H }",
                "0x98eDDadCfde04dC22a0e62119617e74a6Bc77313}\" }"));

        assertInvalid(file, "chains.ethereum.tokens[0].price-feed.max-price-age", "is required");
    }

    @Test
    void refusesAStaticPriceWhereTheFileDoesNotSayPriceStatic() throws IOException {
        Path file = write(shipped().replace("native: { symbol: POL, decimals: 18, price: static, usd-price: \"0.50\" }",
                "native: { symbol: POL, decimals: 18, usd-price: \"0.50\" }"));

        assertInvalid(file, "chains.polygon.native.usd-price", "allowed only with price: static");
    }

    @Test
    void refusesAnAssetWithNeitherFeedNorStaticPrice() throws IOException {
        Path file = write(shipped().replace("native: { symbol: POL, decimals: 18, price: static, usd-price: \"0.50\" }",
                "native: { symbol: POL, decimals: 18 }"));

        assertInvalid(file, "chains.polygon.native.price-feed", "is required");
    }

    @Test
    void resolvesEnvironmentPlaceholders() throws IOException {
        environment.setProperty("ETHEREUM_RPC_URL", "https://eth.example.org/rpc");

        RecoveryRules rules = loader.load(write(shipped()));

        assertThat(rules.chain("ethereum").orElseThrow().rpcUrl()).hasToString("https://eth.example.org/rpc");
    }

    @Test
    void refusesAPlaceholderThatCannotBeResolved() throws IOException {
        Path file = write(shipped().replace("${BSC_RPC_URL:http://127.0.0.1:8546}", "${BSC_NODE}"));

        assertInvalid(file, "chains.bsc.rpc-urls", "placeholder cannot be resolved");
    }

    @Test
    void refusesAnUnknownRecoveryMode() throws IOException {
        Path file = write(shipped().replace("recovery: conditional", "recovery: maybe"));

        assertInvalid(file, "chains.polygon.recovery", "unknown value 'maybe'");
    }

    @Test
    void refusesADuplicateChainId() throws IOException {
        Path file = write(shipped().replace("chain-id: 56", "chain-id: 1"));

        assertInvalid(file, "chains.bsc.chain-id", "duplicate chain-id 1: chains.ethereum has it too");
    }

    @Test
    void refusesATokenAddressThatIsNotChecksummed() throws IOException {
        Path file = write(shipped().replace("${BSC_USDT_CONTRACT:0x5FbDB2315678afecb367f032d93F642f64180aa3}",
                "0x5fbdb2315678afecb367f032d93f642f64180aa3"));

        assertInvalid(file, "chains.bsc.tokens[0].contract", "is not an EIP-55 checksummed address");
    }

    @Test
    void refusesANegativeFee() throws IOException {
        Path file = write(shipped().replace("percent: \"10\", min-usd: \"50\"", "percent: \"10\", min-usd: \"-5\""));

        assertInvalid(file, "fees.UNLISTED_TOKEN.min-usd", "must not be negative");
    }

    @Test
    void readsAChainsBlockTimeAndRefusesOneLongerThanAMinute() throws IOException {
        Path paced = write(shipped().replace("    # block-time: PT12S ", "    block-time: PT12S   "));
        assertThat(loader.load(paced).chain("ethereum").orElseThrow().blockTime()).isEqualTo(java.time.Duration.ofSeconds(12));
        assertThat(loader.load(paced).chain("bsc").orElseThrow().blockTime()).as("optional").isNull();

        assertInvalid(write(shipped().replace("    # block-time: PT12S ", "    block-time: PT2M    ")), "chains.ethereum.block-time",
                "must be at most PT1M");
        assertInvalid(write(shipped().replace("    # block-time: PT12S ", "    block-time: PT0S    ")), "chains.ethereum.block-time",
                "must be a positive duration");
    }

    @Test
    void refusesADirectChainWithoutRpcUrl() throws IOException {
        Path file = write(shipped().replace("    rpc-urls: ${BSC_RPC_URLS:${BSC_RPC_URL:http://127.0.0.1:8546}}\n", ""));

        assertInvalid(file, "chains.bsc.rpc-urls", "is required: the chain's JSON-RPC endpoints (or one rpc-url)");
    }

    @Test
    void readsSeveralEndpointsFromAListWithTheirLagAndBudget() throws IOException {
        Path file = write(shipped().replace("    rpc-urls: ${BSC_RPC_URLS:${BSC_RPC_URL:http://127.0.0.1:8546}}\n",
                "    rpc-urls:\n      - https://bsc-a.example.org/v1/key\n      - ${BSC_SECOND:http://127.0.0.1:9546}\n"
                        + "    max-lag-blocks: 3\n    max-requests-per-second: 25\n"));

        ChainConfig bsc = loader.load(file).chain("bsc").orElseThrow();

        assertThat(bsc.rpcUrls()).extracting(Object::toString).containsExactly("https://bsc-a.example.org/v1/key", "http://127.0.0.1:9546");
        assertThat(bsc.rpcUrl()).hasToString("https://bsc-a.example.org/v1/key");
        assertThat(bsc.maxLagBlocks()).isEqualTo(3);
        assertThat(bsc.maxRequestsPerSecond()).isEqualTo(25);
    }

    @Test
    void oneEnvironmentVariableCarriesSeveralEndpointsSeparatedByCommas() throws IOException {
        environment.setProperty("ETHEREUM_RPC_URLS", "https://a.example.org/rpc, https://b.example.org/rpc");

        ChainConfig ethereum = loader.load(write(shipped())).chain("ethereum").orElseThrow();

        assertThat(ethereum.rpcUrls()).extracting(Object::toString).containsExactly("https://a.example.org/rpc", "https://b.example.org/rpc");
    }

    @Test
    void aSingleRpcUrlIsAListOfOneWithTheDefaultLagAndBudget() throws IOException {
        Path file = write(shipped().replace("    rpc-urls: ${BSC_RPC_URLS:${BSC_RPC_URL:http://127.0.0.1:8546}}\n",
                "    rpc-url: http://127.0.0.1:9546\n"));

        ChainConfig bsc = loader.load(file).chain("bsc").orElseThrow();

        assertThat(bsc.rpcUrls()).extracting(Object::toString).containsExactly("http://127.0.0.1:9546");
        assertThat(bsc.maxLagBlocks()).isEqualTo(5);
        assertThat(bsc.maxRequestsPerSecond()).isEqualTo(100);
    }

    @Test
    void refusesBothRpcUrlAndRpcUrls() throws IOException {
        Path file = write(shipped().replace("    rpc-urls: ${BSC_RPC_URLS:${BSC_RPC_URL:http://127.0.0.1:8546}}\n",
                "    rpc-url: http://127.0.0.1:9546\n    rpc-urls: [http://127.0.0.1:9547]\n"));

        assertInvalid(file, "chains.bsc.rpc-urls", "give either rpc-urls or rpc-url, not both");
    }

    @Test
    void refusesAWebSocketEndpointAmongRpcUrls() throws IOException {
        Path file = write(shipped().replace("    rpc-urls: ${BSC_RPC_URLS:${BSC_RPC_URL:http://127.0.0.1:8546}}\n",
                "    rpc-urls: [http://127.0.0.1:9546, wss://bsc.example.org]\n"));

        assertInvalid(file, "chains.bsc.rpc-urls[1]", "'wss://bsc.example.org' is not an http(s) URL");
    }

    @Test
    void refusesTheSameEndpointTwiceAndAnEmptyOneBetweenCommas() throws IOException {
        environment.setProperty("BSC_RPC_URLS", "http://127.0.0.1:9546,http://127.0.0.1:9546");
        assertInvalid(write(shipped()), "chains.bsc.rpc-urls", "the same endpoint is listed twice");

        environment.setProperty("BSC_RPC_URLS", "http://127.0.0.1:9546,,http://127.0.0.1:9547");
        assertInvalid(write(shipped()), "chains.bsc.rpc-urls", "an empty endpoint between commas");
    }

    @Test
    void refusesALagOrBudgetBelowOne() throws IOException {
        assertInvalid(write(shipped().replace("max-lag-blocks: 5 ", "max-lag-blocks: 0 ")), "chains.ethereum.max-lag-blocks",
                "must be between 1 and 1000000");
        assertInvalid(write(shipped().replace("max-requests-per-second: 100 ", "max-requests-per-second: 0 ")),
                "chains.ethereum.max-requests-per-second", "must be between 1 and 100000");
    }

    @Test
    void refusesAYamlSyntaxError() throws IOException {
        Path file = write(shipped().replace("tokens: []\n    denylist: []", "tokens: [\n    denylist: []"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidChainsFile.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not valid YAML at line");
    }

    @Test
    void refusesAnUnknownKeySoTyposAreNotIgnored() throws IOException {
        Path file = write(shipped().replace("confirmations: 15", "confirmation: 15"));

        assertInvalid(file, "chains.bsc.confirmation", "unknown key");
    }

    @Test
    void refusesMoneyWrittenAsAFloatingPointNumber() throws IOException {
        Path file = write(shipped().replace("dual-above-usd: \"10000\"", "dual-above-usd: 10000.5"));

        assertInvalid(file, "approval.dual-above-usd", "quoted decimal text");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nowhere.yml")))
                .isInstanceOf(InvalidChainsFile.class)
                .hasMessageContaining("nowhere.yml")
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesAConditionalChainWithoutConditions() throws IOException {
        String text = shipped();
        int start = text.indexOf("    conditions:");
        int end = text.indexOf("    max-deposit-age: P180D");
        Path file = write(text.substring(0, start) + text.substring(end));

        assertInvalid(file, "chains.polygon.conditions", "must list the conditions");
    }

    @Test
    void readsEachChainsReplacementRulesAndDefaultsThem() throws IOException {
        RecoveryRules shippedRules = loader.load(SHIPPED);
        assertThat(shippedRules.chain("ethereum").orElseThrow().replacement())
                .isEqualTo(new FeeReplacement(5, new java.math.BigInteger("300000000000")));
        assertThat(shippedRules.chain("bsc").orElseThrow().replacement())
                .isEqualTo(new FeeReplacement(20, new java.math.BigInteger("50000000000")));

        Path file = write(shipped().replace("    replace-after-blocks: 20    # 3-second blocks: about a minute\n    max-fee: \"50\"               # gwei per gas\n", ""));
        assertThat(loader.load(file).chain("bsc").orElseThrow().replacement())
                .isEqualTo(new FeeReplacement(FeeReplacement.DEFAULT_AFTER_BLOCKS, new java.math.BigInteger("500000000000")));
    }

    @Test
    void refusesAMaxFeeThatIsZeroOrFinerThanAWei() throws IOException {
        assertInvalid(write(shipped().replace("max-fee: \"50\"", "max-fee: \"0\"")), "chains.bsc.max-fee", "must be a fee in gwei per gas above zero");
        assertInvalid(write(shipped().replace("max-fee: \"50\"", "max-fee: \"0.0000000001\"")), "chains.bsc.max-fee", "at most 9 decimals");
    }

    @Test
    void refusesReplaceAfterBlocksOfZero() throws IOException {
        Path file = write(shipped().replace("replace-after-blocks: 20", "replace-after-blocks: 0"));

        assertInvalid(file, "chains.bsc.replace-after-blocks", "must be between 1 and 10000");
    }

    private void assertInvalid(Path file, String keyPath, String problem) {
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidChainsFile.class, e -> assertThat(e.keyPath()).isEqualTo(keyPath))
                .hasMessageContaining(file.toString())
                .hasMessageContaining(keyPath + ": ")
                .hasMessageContaining(problem);
    }

    private static String shipped() throws IOException {
        return Files.readString(SHIPPED);
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("chains.yml");
        Files.writeString(file, text);
        return file;
    }

}
