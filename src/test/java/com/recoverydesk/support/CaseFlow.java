package com.recoverydesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/** A case's way through the API as its customer and the staff take it, for tests that drive whole flows. */
public final class CaseFlow {

    private CaseFlow() {
    }

    /** Files a wrong-network case and returns its id; the filing must be accepted. */
    public static String fileWrongNetwork(Api api, String user, String chain, String tx, String deposit, String token, String refundTo) {
        return file(api, user, "WRONG_NETWORK", chain, tx, deposit, token, refundTo);
    }

    /** Files a case of either type and returns its id; the filing must be accepted (201). */
    public static String file(Api api, String user, String type, String chain, String tx, String deposit, String token, String refundTo) {
        Api.Answer filed = api.post(user, "/api/v1/cases", form(type, chain, tx, deposit, token, refundTo));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    /** The filing form as the customer's page sends it. */
    public static Map<String, Object> form(String type, String chain, String tx, String deposit, String token, String refundTo) {
        Map<String, Object> form = new HashMap<>();
        form.put("type", type);
        form.put("chain", chain);
        form.put("txHash", tx);
        form.put("depositAddress", deposit);
        form.put("tokenContract", token);
        form.put("refundAddress", refundTo);
        return form;
    }

    /** A new address nobody holds, in its checksummed form: a refund destination whose balance starts at zero. */
    public static String freshAddress() {
        try {
            return org.web3j.crypto.Keys.toChecksumAddress(org.web3j.crypto.Keys.getAddress(org.web3j.crypto.Keys.createEcKeyPair()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String status(Api api, String user, String id) {
        return api.get(user, "/api/v1/cases/" + id).body().get("status").asText();
    }

    /** The id of the case's open task of this kind ({@code REVIEW}, {@code WALLET_APPROVAL}) in {@code user}'s list, once it is there. */
    public static String taskOf(Api api, String user, String caseId, String kind) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode t : api.getAll(user, "/api/v1/tasks")) {
                if (t.get("caseId").asText().equals(caseId) && t.get("kind").asText().equals(kind)) {
                    return t.get("id").asText();
                }
            }
            return null;
        }, t -> t != null);
    }

    /** Completes the case's open task of this kind as {@code user} with {@code decision}. */
    public static Api.Answer decide(Api api, String user, String caseId, String kind, Map<String, Object> decision) {
        return api.post(user, "/api/v1/tasks/" + taskOf(api, user, caseId, kind) + "/complete", decision);
    }

    /** Completes the case's open task of this kind as {@code user}, approving it. */
    public static void approve(Api api, String user, String caseId, String kind) {
        assertThat(decide(api, user, caseId, kind, Map.of("decision", "APPROVE")).status()).isEqualTo(200);
    }

    /** An ERC-20 balance read from the chain itself. */
    public static BigInteger tokenBalance(ChainClients chains, String chain, String token, String holder) {
        String data = FunctionEncoder.encode(new Function("balanceOf", List.<Type>of(new Address(holder)), List.of()));
        try {
            String value = chains.client(chain).ethCall(Transaction.createEthCallTransaction(null, token, data), DefaultBlockParameterName.LATEST)
                    .send().getValue();
            return new BigInteger(value.substring(2), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
