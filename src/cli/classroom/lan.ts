import { networkInterfaces } from 'node:os';

/** Interfaces of containers, virtual machines and VPNs, whose addresses no phone in the room can reach. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap|wg|tailscale|zt)/i;

/**
 * This computer's addresses on the room's network (IPv4, not loopback), private ranges first: the
 * address students' phones can reach. Empty when the computer is on no network.
 */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const [name, list] of Object.entries(networkInterfaces()))
    if (!VIRTUAL.test(name)) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) found.push(a.address);
  const isPrivate = (ip: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);
  return found.sort((a, b) => Number(isPrivate(b)) - Number(isPrivate(a)));
}
