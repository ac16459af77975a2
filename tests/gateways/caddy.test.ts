// Caddy's forward_auth with docs/gateways/Caddyfile, a real validation API and Redis.
import { describeGatewayContract } from "./support/gateway-contract";
import { startCaddy } from "./support/gateway-process";

describeGatewayContract("caddy", startCaddy);
