package com.recoverydesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.chain.ChainClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Makes real transactions on the test chains from anvil's first default account, which anvil keeps
 * unlocked and which holds the demo tokens' supply: misdirected deposits, failed transactions, test contracts.
 */
public final class TestDeposits {

    public static final String RICH = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private final ChainClients chains;

    public TestDeposits(ChainClients chains) {
        this.chains = chains;
    }

    public String sendToken(String chain, String token, String to, BigInteger raw) {
        Function transfer = new Function("transfer", List.<Type>of(new Address(to), new Uint256(raw)), List.of());
        return call(chain, RICH, token, FunctionEncoder.encode(transfer));
    }

    public String sendNative(String chain, String to, BigInteger wei) {
        return send(chain, Transaction.createEtherTransaction(RICH, null, null, BigInteger.valueOf(100_000), to, wei));
    }

    /** A transaction from the rich account to a contract with the given call data (mined, whatever its outcome). */
    public String call(String chain, String from, String contract, String data) {
        return send(chain, Transaction.createFunctionCallTransaction(from, null, null, BigInteger.valueOf(500_000), contract, data));
    }

    /** Deploys a contract compiled by the build from src/test/solidity from an unlocked anvil account; returns its address. */
    public String deploy(String chain, String contractName, String constructorArgs, String from) {
        String bytecode = artifact(contractName).get("bytecode").asText();
        String code = (bytecode.startsWith("0x") ? bytecode : "0x" + bytecode) + (constructorArgs == null ? "" : Numeric.cleanHexPrefix(constructorArgs));
        String hash = send(chain, Transaction.createContractTransaction(from, null, null, BigInteger.valueOf(5_000_000), BigInteger.ZERO, code));
        return receipt(chain, hash).getContractAddress();
    }

    /** The receipt, once anvil has mined the transaction (it answers the send a moment before the block is sealed). */
    public TransactionReceipt receipt(String chain, String hash) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> chains.client(chain).ethGetTransactionReceipt(hash).send().getTransactionReceipt(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    public void mine(String chain, int blocks) {
        rpc(chain, "anvil_mine", List.of(Numeric.encodeQuantity(BigInteger.valueOf(blocks))));
    }

    private String send(String chain, Transaction tx) {
        Web3j web3j = chains.client(chain);
        try {
            var answer = web3j.ethSendTransaction(tx).send();
            if (answer.hasError()) {
                throw new IllegalStateException("anvil refused the transaction: " + answer.getError().getMessage());
            }
            return answer.getTransactionHash();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rpc(String chain, String method, List<?> params) {
        try {
            Response<?> answer = new Request<>(method, params, chains.service(chain), Plain.class).send();
            if (answer.hasError()) {
                throw new IllegalStateException(method + ": " + answer.getError().getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode artifact(String name) {
        try (InputStream in = TestDeposits.class.getResourceAsStream("/contracts/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no compiled contract " + name + " on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Plain extends Response<Object> {
    }
}
