package com.recoverydesk.review;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/**
 * Where a refund may go, on real anvil chains: arbitrum (a chain of the tests) says {@code refund-to: sender}, so the
 * refund goes back to the verified sender and nowhere else; and on any chain a deposit sent from a contract needs the
 * specialist's confirmation that a refund there reaches the user.
 */
class RefundDestinationTest extends IntegrationTest {

    /** anvil's fourth default account: the sender of the deposits on arbitrum, unlocked on anvil. */
    static final Credentials SENDER = Credentials.create("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
    static final String ELSEWHERE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final BigInteger USDT_300 = BigInteger.valueOf(300_000_000L); // 6 decimals on arbitrum

    @Autowired
    ChainClients chains;
    @Autowired
    TaskService tasks;

    Api api;
    TestDeposits deposits;
    String alice;
    String sender;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
        deposits = new TestDeposits(chains);
        alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        sender = org.web3j.crypto.Keys.toChecksumAddress(SENDER.getAddress());
    }

    @Test
    void theChainsListSaysWhereEachChainRefunds() {
        JsonNode chainsList = api.get("alice", "/api/v1/chains").body().get("chains");

        assertThat(chainsList).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("arbitrum");
            assertThat(c.get("refundTo").asText()).isEqualTo("SENDER");
        });
        assertThat(chainsList).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("bsc");
            assertThat(c.get("refundTo").asText()).isEqualTo("ANY");
        });
    }

    @Test
    void withRefundToSenderTheRefundLandsOnTheSenderAndNowhereElse() {
        String tx = depositFromSender();
        Api.Answer filed = api.post("alice", "/api/v1/cases", form(tx, null));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String id = filed.body().get("id").asText();
        awaitStatus(id, "IN_REVIEW");
        assertThat(caseOf(id).get("refundAddress").asText()).isEqualTo(sender);
        BigInteger before = CaseFlow.tokenBalance(chains, "arbitrum", USDT, sender);
        BigInteger depositBefore = CaseFlow.tokenBalance(chains, "arbitrum", USDT, alice);

        CaseFlow.approve(api, "sam", id, "REVIEW");
        CaseFlow.approve(api, "wendy", id, "WALLET_APPROVAL");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            deposits.mine("arbitrum", 3);
            assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("COMPLETED");
        });

        JsonNode done = caseOf(id);
        BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
        assertThat(fee).isEqualTo(BigInteger.valueOf(20_000_000L)); // 5% of 300 USD is below the 20 USD minimum
        assertThat(CaseFlow.tokenBalance(chains, "arbitrum", USDT, sender).subtract(before)).isEqualTo(USDT_300.subtract(fee));
        // the whole deposit left alice's address: the refund to the sender, the fee to the treasury
        assertThat(depositBefore.subtract(CaseFlow.tokenBalance(chains, "arbitrum", USDT, alice))).isEqualTo(USDT_300);
        assertThat(done.get("transactions")).filteredOn(t -> t.get("purpose").asText().equals("REFUND"))
                .singleElement().satisfies(t -> assertThat(t.get("to").asText()).isEqualTo(sender));
        assertThat(done.get("timeline")).anySatisfy(e -> assertThat(e.get("event").asText()).isEqualTo("REFUND_TO_SENDER"));
    }

    @Test
    void aRefundAddressThatIsNotTheSenderIsRefusedAtFiling() {
        String tx = depositFromSender();

        Api.Answer filed = api.post("alice", "/api/v1/cases", form(tx, ELSEWHERE));

        assertThat(filed.status()).isEqualTo(400);
        assertThat(filed.body().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("refundAddress");
            assertThat(error.get("code").asText()).isEqualTo("REFUND_ADDRESS_NOT_SENDER");
            assertThat(error.get("message").asText()).isEqualTo("On arbitrum we refund only to the address the deposit came from ("
                    + sender + "). Leave the refund address empty, or name that address.");
        });
    }

    @Test
    void aRefundAddressFoundNotToBeTheSenderOnlyAtVerificationRejectsTheCase() throws Exception {
        // signed but not yet sent: at filing no node knows the sender, so only verification can tell
        String signed = signedTransferFromSender();
        String tx = Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(signed)));
        Api.Answer filed = api.post("alice", "/api/v1/cases", form(tx, ELSEWHERE));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String id = filed.body().get("id").asText();

        assertThat(chains.client("arbitrum").ethSendRawTransaction(signed).send().getTransactionHash()).isEqualTo(tx);
        deposits.mine("arbitrum", 3);
        JsonNode rejected = awaitStatus(id, "REJECTED");

        assertThat(rejected.get("reasonCode").asText()).isEqualTo("REFUND_ADDRESS_NOT_SENDER");
        assertThat(rejected.get("reasonMessage").asText()).isEqualTo(ReasonCode.REFUND_ADDRESS_NOT_SENDER.message()
                + " The refund address " + ELSEWHERE + " is not the sender " + sender + ".");
    }

    @Test
    void aDepositFromAContractCannotBeApprovedWithoutTheConfirmation() {
        String id = inReviewFromAContract();
        String taskId = CaseFlow.taskOf(api, "sam", id, "REVIEW");
        assertThat((String) tasks.getVariableLocal(taskId, "facts")).contains("**The sender is a contract**");
        assertThat(tasks.getVariableLocal(taskId, "senderIsContract")).isEqualTo(true);

        Api.Answer unconfirmed = CaseFlow.decide(api, "sam", id, "REVIEW", Map.of("decision", "APPROVE"));
        // Tasklist and the engine REST complete the task without our API: the listener refuses there too
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reviewDecision", "APPROVE", "senderContractConfirmed", false)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("senderContractConfirmed");
        assertThat(CaseFlow.status(api, "alice", id)).isEqualTo("IN_REVIEW");
        Api.Answer confirmed = CaseFlow.decide(api, "sam", id, "REVIEW", Map.of("decision", "APPROVE", "senderContractConfirmed", true));

        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body().get("code").asText()).isEqualTo("INVALID_DECISION");
        assertThat(unconfirmed.body().get("detail").asText()).contains("approving needs your confirmation that a refund there reaches"
                + " the user (senderContractConfirmed), or reject with SENDER_IS_A_CONTRACT");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(awaitStatus(id, "AWAITING_APPROVAL").get("timeline")).anySatisfy(e -> {
            assertThat(e.get("event").asText()).isEqualTo("SENDER_CONTRACT_CONFIRMED");
            assertThat(e.get("actor").asText()).isEqualTo("sam");
        });
    }

    @Test
    void aDepositFromAContractCanBeRejectedAsSuch() {
        String id = inReviewFromAContract();

        Api.Answer rejected = CaseFlow.decide(api, "sam", id, "REVIEW",
                Map.of("decision", "REJECT", "reasonCode", "SENDER_IS_A_CONTRACT", "reason", "The wallet cannot receive USDT back."));

        assertThat(rejected.status()).isEqualTo(200);
        JsonNode c = awaitStatus(id, "REJECTED");
        assertThat(c.get("reasonCode").asText()).isEqualTo("SENDER_IS_A_CONTRACT");
        assertThat(c.get("reasonMessage").asText()).isEqualTo(ReasonCode.SENDER_IS_A_CONTRACT.message() + " The wallet cannot receive USDT back.");
    }

    private String inReviewFromAContract() {
        String forwarder = deposits.deploy("bsc", "TokenForwarder", null, TestDeposits.RICH);
        BigInteger amount = new BigInteger("300000000000000000000");
        deposits.sendToken("bsc", USDT, forwarder, amount);
        String tx = deposits.call("bsc", TestDeposits.RICH, forwarder, FunctionEncoder.encode(new Function("forward",
                List.<Type>of(new Address(USDT), new Address(alice), new Uint256(amount)), List.of())));
        assertThat(deposits.receipt("bsc", tx).isStatusOK()).isTrue();
        deposits.mine("bsc", 15);
        String id = CaseFlow.fileWrongNetwork(api, "alice", "bsc", tx, alice, USDT, ELSEWHERE);
        JsonNode c = awaitStatus(id, "IN_REVIEW");
        assertThat(c.get("facts").get("from").asText()).isEqualTo(org.web3j.crypto.Keys.toChecksumAddress(forwarder));
        return id;
    }

    /** 300 USDT from the sender to alice's deposit address on arbitrum, which her address was not issued for. */
    private String depositFromSender() {
        deposits.sendToken("arbitrum", USDT, sender, USDT_300);
        String tx = deposits.call("arbitrum", sender, USDT, transferToAlice());
        assertThat(deposits.receipt("arbitrum", tx).isStatusOK()).isTrue();
        deposits.mine("arbitrum", 3);
        return tx;
    }

    private String signedTransferFromSender() throws Exception {
        deposits.sendToken("arbitrum", USDT, sender, USDT_300);
        var web3j = chains.client("arbitrum");
        BigInteger nonce = web3j.ethGetTransactionCount(sender, DefaultBlockParameterName.PENDING).send().getTransactionCount();
        BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice().multiply(BigInteger.TWO);
        RawTransaction transfer = RawTransaction.createTransaction(nonce, gasPrice, BigInteger.valueOf(100_000), USDT, transferToAlice());
        return Numeric.toHexString(TransactionEncoder.signMessage(transfer, 42161, SENDER));
    }

    private String transferToAlice() {
        return FunctionEncoder.encode(new Function("transfer", List.<Type>of(new Address(alice), new Uint256(USDT_300)), List.of()));
    }

    private Map<String, Object> form(String tx, String refundAddress) {
        Map<String, Object> form = new HashMap<>();
        form.put("type", "WRONG_NETWORK");
        form.put("chain", "arbitrum");
        form.put("txHash", tx);
        form.put("depositAddress", alice);
        form.put("tokenContract", USDT);
        form.put("refundAddress", refundAddress);
        return form;
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> CaseFlow.status(api, "alice", id).equals(status));
        return caseOf(id);
    }

    private JsonNode caseOf(String id) {
        return api.get("alice", "/api/v1/cases/" + id).body();
    }
}
