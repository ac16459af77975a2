// nginx's auth_request with docs/gateways/nginx.conf, a real validation API and Redis.
import { describeGatewayContract } from "./support/gateway-contract";
import { startNginx } from "./support/gateway-process";

describeGatewayContract("nginx", startNginx);
