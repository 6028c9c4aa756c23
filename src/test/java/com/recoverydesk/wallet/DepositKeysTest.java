package com.recoverydesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Deposit addresses derive at m/44'/60'/0'/0/{index}, checked against published BIP-44 vectors. */
class DepositKeysTest {

    private static final String HARDHAT = "test test test test test test test test test test test junk";
    private static final String ABANDON = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    @Test
    void derivesThePublishedAddressesOfTheHardhatAndAnvilMnemonic() {
        DepositKeys keys = new DepositKeys(wallet(HARDHAT));

        assertThat(keys.depositAddress(0)).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(keys.depositAddress(1)).isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        assertThat(keys.depositAddress(9)).isEqualTo("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    }

    @Test
    void derivesThePublishedFirstAddressOfTheAbandonMnemonic() {
        assertThat(new DepositKeys(wallet(ABANDON)).depositAddress(0)).isEqualTo("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
    }

    @Test
    void refusesAMnemonicWithABadChecksumNamingTheSettingButNotTheWords() {
        String wrong = ABANDON.replace("about", "abandon");

        assertThatThrownBy(() -> new DepositKeys(wallet(wrong)))
                .isInstanceOf(InvalidWalletSetting.class)
                .hasMessageContaining("recovery.wallet.deposit-mnemonic")
                .hasMessageContaining("RECOVERY_WALLET_DEPOSIT_MNEMONIC")
                .hasMessageNotContaining("abandon");
    }

    @Test
    void refusesAMissingMnemonic() {
        assertThatThrownBy(() -> new DepositKeys(wallet(" ")))
                .isInstanceOf(InvalidWalletSetting.class)
                .hasMessageContaining("recovery.wallet.deposit-mnemonic")
                .hasMessageContaining("is not set");
    }

    @Test
    void neverShowsKeysInItsTextForm() {
        assertThat(new DepositKeys(wallet(HARDHAT))).hasToString("DepositKeys[<secret>]");
        assertThat(wallet(HARDHAT).toString()).doesNotContain("junk").doesNotContain("0xac09");
    }

    @Test
    void refusesAGasStationKeyThatIsNotAKeyWithoutEchoingIt() {
        WalletProperties bad = new WalletProperties(HARDHAT, "0xnot-a-key-secret", "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955");

        assertThatThrownBy(() -> new GasStation(bad))
                .isInstanceOf(InvalidWalletSetting.class)
                .hasMessageContaining("recovery.wallet.gas-station-private-key")
                .hasMessageNotContaining("not-a-key-secret");
    }

    @Test
    void refusesATreasuryAddressWithABadChecksum() {
        WalletProperties bad = new WalletProperties(HARDHAT, "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
                "0x14dc79964da2C08b23698B3D3cc7Ca32193d9955");

        assertThatThrownBy(() -> new FeeTreasury(bad))
                .isInstanceOf(InvalidWalletSetting.class)
                .hasMessageContaining("recovery.wallet.fee-treasury-address");
    }

    private static WalletProperties wallet(String mnemonic) {
        return new WalletProperties(mnemonic, "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
                "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955");
    }
}
