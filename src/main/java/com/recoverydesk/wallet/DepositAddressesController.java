package com.recoverydesk.wallet;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own deposit addresses and the chains each was issued for. */
@RestController
@Tag(name = "customers")
class DepositAddressesController {

    private final DepositAddressDirectory directory;

    DepositAddressesController(DepositAddressDirectory directory) {
        this.directory = directory;
    }

    @Operation(operationId = "listMyDepositAddresses", summary = "List my deposit addresses",
            description = "The caller's deposit addresses and the chains each was issued for: the address a case names must be one of them.")
    @GetMapping("/api/v1/me/deposit-addresses")
    List<AddressView> mine(Authentication caller) {
        return directory.addressesOf(caller.getName()).stream().map(a -> new AddressView(a.address(), a.chains())).toList();
    }

    record AddressView(String address, Set<String> chains) {
    }
}
