#!/usr/bin/env node
// Makes a misdirected deposit on the local devnet, for the README's walk-through and for trying things by hand.
//   node scripts/send-token.mjs <chain> <symbol|ETH|BNB> <to-address> <amount in whole tokens>
// Sends from anvil's first default account (unlocked on anvil, holds the demo tokens' whole supply).
// Token contracts and decimals come from the running service's GET /api/v1/chains.
const [chain, symbol, to, amount] = process.argv.slice(2);
if (!chain || !symbol || !to || !amount) {
  console.error('usage: node scripts/send-token.mjs <chain> <symbol> <to-address> <amount>');
  process.exit(2);
}
const service = process.env.RECOVERY_URL ?? 'http://localhost:8080';
const ports = { ethereum: 8545, bsc: 8546 };
const rpcUrl = process.env.RPC_URL ?? `http://127.0.0.1:${ports[chain]}`;
const sender = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function toRaw(whole, decimals) {
  const [int, frac = ''] = whole.split('.');
  if (frac.length > decimals) throw new Error(`${whole} has more than ${decimals} decimals`);
  return BigInt(int + frac.padEnd(decimals, '0'));
}

async function rpc(method, params) {
  const res = await fetch(rpcUrl, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

const chains = (await (await fetch(`${service}/api/v1/chains`)).json()).chains;
const info = chains.find((c) => c.name === chain);
if (!info) throw new Error(`unknown chain ${chain}`);
let tx;
if (symbol.toUpperCase() === info.nativeCoin.symbol) {
  tx = { from: sender, to, value: '0x' + toRaw(amount, info.nativeCoin.decimals).toString(16) };
} else {
  const token = [...info.tokens, ...(info.demoTokens ?? [])].find((t) => t.symbol === symbol);
  if (!token) throw new Error(`no token ${symbol} on ${chain}`);
  const data = '0xa9059cbb' + to.slice(2).toLowerCase().padStart(64, '0')
    + toRaw(amount, token.decimals).toString(16).padStart(64, '0');
  tx = { from: sender, to: token.contract, data };
}
const hash = await rpc('eth_sendTransaction', [tx]);
console.log(hash);
