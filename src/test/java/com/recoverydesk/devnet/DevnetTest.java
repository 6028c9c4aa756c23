package com.recoverydesk.devnet;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.DemoToken;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.wallet.GasStation;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/** The application's own devnet: two real chains with their chain ids, the demo tokens, a funded gas station. */
class DevnetTest extends IntegrationTest {

    @Autowired
    ChainClients chains;
    @Autowired
    Devnet devnet;
    @Autowired
    GasStation gasStation;

    @Test
    void runsEthereumAndBscWithTheirChainIds() throws Exception {
        assertThat(chains.client("ethereum").ethChainId().send().getChainId()).isEqualTo(BigInteger.ONE);
        assertThat(chains.client("bsc").ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(56));
    }

    @Test
    void deploysUsdtWhereChainsYmlExpectsItWithTheDecimalsOfTheRealChains() throws Exception {
        assertThat(decimals("ethereum", USDT)).isEqualTo(6);
        assertThat(decimals("bsc", USDT)).isEqualTo(18);
        assertThat(devnet.tokens()).extracting(DemoToken::chain, DemoToken::symbol, DemoToken::listed).contains(
                org.assertj.core.groups.Tuple.tuple("ethereum", "USDT", true),
                org.assertj.core.groups.Tuple.tuple("ethereum", "GEM", false),
                org.assertj.core.groups.Tuple.tuple("bsc", "GEM", false));
    }

    @Test
    void fundsTheGasStationOnEveryDevnetChain() throws Exception {
        for (String chain : List.of("ethereum", "bsc")) {
            BigInteger balance = chains.client(chain).ethGetBalance(gasStation.address(), DefaultBlockParameterName.LATEST).send().getBalance();
            assertThat(balance).as(chain).isGreaterThanOrEqualTo(new BigInteger("100000000000000000000"));
        }
    }

    @Test
    void theChainsEndpointNamesEveryTokenContract() {
        JsonNode chainsView = new Api(baseUrl()).get(null, "/api/v1/chains").body().get("chains");

        JsonNode ethereum = chainsView.get(0);
        assertThat(ethereum.get("name").asText()).isEqualTo("ethereum");
        assertThat(ethereum.get("recovery").asText()).isEqualTo("DIRECT");
        assertThat(ethereum.get("tokens").get(0).get("contract").asText()).isEqualTo(USDT);
        assertThat(ethereum.get("demoTokens")).extracting(t -> t.get("symbol").asText()).containsExactly("USDT", "GEM");
        assertThat(chainsView).extracting(c -> c.get("recovery").asText()).contains("CONDITIONAL", "UNSUPPORTED");
    }

    private int decimals(String chain, String token) throws Exception {
        String data = FunctionEncoder.encode(new Function("decimals", List.of(), List.of()));
        String answer = chains.client(chain).ethCall(Transaction.createEthCallTransaction(null, token, data), DefaultBlockParameterName.LATEST)
                .send().getValue();
        return new BigInteger(answer.substring(2), 16).intValueExact();
    }
}
