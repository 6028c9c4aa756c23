package com.recoverydesk.wallet;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own deposit addresses and the chains each was issued for. */
@RestController
class DepositAddressesController {

    private final DepositAddressDirectory directory;

    DepositAddressesController(DepositAddressDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/me/deposit-addresses")
    List<AddressView> mine(Authentication caller) {
        return directory.addressesOf(caller.getName()).stream().map(a -> new AddressView(a.address(), a.chains())).toList();
    }

    record AddressView(String address, Set<String> chains) {
    }
}
