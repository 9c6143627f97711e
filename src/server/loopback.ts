/**
 * Whether a host name (as `URL.hostname` gives it: lower case, IPv6 in brackets, IPv4 normalised)
 * or a bind address names this machine's loopback interface: localhost, 127.0.0.0/8 or ::1.
 */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase();
  return (
    name === 'localhost' ||
    name === '::1' ||
    name === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}
