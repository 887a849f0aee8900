package ingest

import (
	"fmt"
	"net/netip"
)

// special is one entry of the IANA IPv4 or IPv6 Special-Purpose Address
// Registry (RFC 6890 and the RFCs that add to it), with its "Globally
// Reachable" column: a fetch may reach an address only when the longest
// entry holding it is global, or when no entry holds it.
type special struct {
	prefix netip.Prefix
	name   string
	global bool
}

func sp(prefix, name string, global bool) special {
	return special{netip.MustParsePrefix(prefix), name, global}
}

// specialIPv4 is the IPv4 registry, with multicast (RFC 5771), which the
// registry leaves to its own, and the cloud metadata addresses outside
// link-local, whose refusal deserves its own reason.
var specialIPv4 = []special{
	sp("0.0.0.0/8", `"this network"`, false),
	sp("10.0.0.0/8", "private", false),
	sp("100.64.0.0/10", "carrier-grade NAT (shared)", false),
	sp("100.100.100.200/32", "cloud metadata (Alibaba Cloud)", false),
	sp("127.0.0.0/8", "loopback", false),
	sp("169.254.0.0/16", "link-local (cloud metadata lives here)", false),
	sp("172.16.0.0/12", "private", false),
	sp("192.0.0.0/24", "IETF protocol assignment", false),
	sp("192.0.0.9/32", "Port Control Protocol anycast", true),
	sp("192.0.0.10/32", "TURN anycast", true),
	sp("192.0.2.0/24", "documentation (TEST-NET-1)", false),
	sp("192.31.196.0/24", "AS112", true),
	sp("192.52.193.0/24", "AMT", true),
	sp("192.88.99.0/24", "deprecated 6to4 relay anycast", false),
	sp("192.168.0.0/16", "private", false),
	sp("192.175.48.0/24", "AS112 direct delegation", true),
	sp("198.18.0.0/15", "benchmarking", false),
	sp("198.51.100.0/24", "documentation (TEST-NET-2)", false),
	sp("203.0.113.0/24", "documentation (TEST-NET-3)", false),
	sp("224.0.0.0/4", "multicast", false),
	sp("240.0.0.0/4", "reserved", false),
	sp("255.255.255.255/32", "limited broadcast", false),
}

// specialIPv6 is the IPv6 registry. The forms that embed an IPv4 address
// are not here: embedded checks them by the address they hold.
var specialIPv6 = []special{
	sp("::/128", "unspecified", false),
	sp("::1/128", "loopback", false),
	sp("64:ff9b:1::/48", "local-use IPv4/IPv6 translation", false),
	sp("100::/64", "discard-only", false),
	sp("100:0:0:1::/64", "dummy", false),
	sp("2001::/23", "IETF protocol assignment", false),
	sp("2001:1::1/128", "Port Control Protocol anycast", true),
	sp("2001:1::2/128", "TURN anycast", true),
	sp("2001:1::3/128", "DNS-SD service registration anycast", true),
	sp("2001:2::/48", "benchmarking", false),
	sp("2001:3::/32", "AMT", true),
	sp("2001:4:112::/48", "AS112", true),
	sp("2001:10::/28", "deprecated ORCHID", false),
	sp("2001:20::/28", "ORCHIDv2", true),
	sp("2001:30::/28", "drone remote ID", true),
	sp("2001:db8::/32", "documentation", false),
	sp("2620:4f:8000::/48", "AS112 direct delegation", true),
	sp("3fff::/20", "documentation", false),
	sp("5f00::/16", "segment routing (SRv6) SID", false),
	sp("fc00::/7", "private (unique local)", false),
	sp("fd00:ec2::254/128", "cloud metadata (AWS)", false),
	sp("fe80::/10", "link-local (cloud metadata lives here)", false),
	sp("fec0::/10", "deprecated site-local", false),
	sp("ff00::/8", "multicast", false),
}

// globalUnicast is the range IANA allocates IPv6 unicast addresses from;
// the rest of the space (outside the registry's entries) is reserved.
var globalUnicast = netip.MustParsePrefix("2000::/3")

// lookup returns the longest entry of table holding ip.
func lookup(table []special, ip netip.Addr) (special, bool) {
	var best special
	found := false
	for _, s := range table {
		if s.prefix.Contains(ip) && (!found || s.prefix.Bits() > best.prefix.Bits()) {
			best, found = s, true
		}
	}
	return best, found
}

// forbidden says why ip must not be fetched from ("a loopback address
// (127.0.0.0/8)"), or "" when it is globally reachable. An IPv6 address
// that embeds an IPv4 one (mapped, compatible, translated, NAT64, 6to4,
// Teredo) is judged by the IPv4 address, since that is where the packets
// end up.
func forbidden(ip netip.Addr) string {
	ip = ip.WithZone("")
	if ip.Is4In6() {
		ip = ip.Unmap()
	}
	if ip.Is4() {
		if s, ok := lookup(specialIPv4, ip); ok && !s.global {
			return fmt.Sprintf("a %s address (%s)", s.name, s.prefix)
		}
		return ""
	}
	if ip.IsUnspecified() || ip.IsLoopback() {
		s, _ := lookup(specialIPv6, ip)
		return fmt.Sprintf("a %s address (%s)", s.name, s.prefix)
	}
	if forms := embedded(ip); len(forms) > 0 {
		for _, e := range forms {
			if why := forbidden(e.v4); why != "" {
				return fmt.Sprintf("the %s form of %s, %s", e.form, e.v4, why)
			}
		}
		return ""
	}
	if s, ok := lookup(specialIPv6, ip); ok {
		if s.global {
			return ""
		}
		return fmt.Sprintf("a %s address (%s)", s.name, s.prefix)
	}
	if !globalUnicast.Contains(ip) {
		return "a reserved address (outside 2000::/3)"
	}
	return ""
}

// embeddedV4 is an IPv4 address found inside an IPv6 one.
type embeddedV4 struct {
	form string
	v4   netip.Addr
}

var (
	compatible = netip.MustParsePrefix("::/96")           // RFC 4291, deprecated
	translated = netip.MustParsePrefix("::ffff:0:0:0/96") // RFC 2765 (SIIT)
	nat64      = netip.MustParsePrefix("64:ff9b::/96")    // RFC 6052
	sixToFour  = netip.MustParsePrefix("2002::/16")       // RFC 3056
	teredo     = netip.MustParsePrefix("2001::/32")       // RFC 4380
)

// embedded returns the IPv4 addresses an IPv6 address carries: one for
// the compatible, translated, NAT64 and 6to4 forms; for Teredo the
// server's and the client's (whose bits are inverted).
func embedded(ip netip.Addr) []embeddedV4 {
	b := ip.As16()
	last := netip.AddrFrom4([4]byte(b[12:16]))
	switch {
	case compatible.Contains(ip):
		return []embeddedV4{{"IPv4-compatible", last}}
	case translated.Contains(ip):
		return []embeddedV4{{"IPv4-translated", last}}
	case nat64.Contains(ip):
		return []embeddedV4{{"NAT64", last}}
	case sixToFour.Contains(ip):
		return []embeddedV4{{"6to4", netip.AddrFrom4([4]byte(b[2:6]))}}
	case teredo.Contains(ip):
		client := [4]byte{^b[12], ^b[13], ^b[14], ^b[15]}
		return []embeddedV4{
			{"Teredo server", netip.AddrFrom4([4]byte(b[4:8]))},
			{"Teredo client", netip.AddrFrom4(client)},
		}
	}
	return nil
}
