// Preloaded with --import where network namespaces are unavailable: any attempt to reach a host fails loudly.
import dns from "node:dns";
import net from "node:net";

const refuse = (what) => {
  throw new Error(`network access attempted (${what}) in an offline run`);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const target = args[0];
  // Local IPC (a socket path) is not the network; child processes talk to their parent that way.
  if (target && typeof target === "object" && target.path) return Reflect.apply(connect, this, args);
  refuse(`connect ${JSON.stringify(target)}`);
};
globalThis.fetch = async (input) => refuse(`fetch ${input}`);
dns.lookup = (hostname) => refuse(`lookup ${hostname}`);
