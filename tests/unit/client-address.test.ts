import { describe, expect, it } from "vitest";
import { clientNetwork } from "@/lib/platform/client-address";

describe("client network", () => {
  it("is an IPv4 address itself, and an IPv6 address's /64", () => {
    expect(clientNetwork("203.0.113.9")).toBe("203.0.113.9");
    expect(clientNetwork("2001:db8:7:1:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:7:1::/64");
    expect(clientNetwork("2001:0DB8:0007:0001:0:0:0:1")).toBe("2001:db8:7:1::/64");
    expect(clientNetwork("2001:db8:7:1::99")).toBe("2001:db8:7:1::/64");
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    expect(clientNetwork("[fe80::1%wlan0]")).toBe("fe80:0:0:0::/64");
    expect(clientNetwork("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("leaves what isn't an address as it is", () => {
    for (const value of ["unknown", "1:2:3", "1::2::3", "1:2:3:4:5:6:7:8:9", "2001:db8::zzzz", ""]) expect(clientNetwork(value)).toBe(value);
  });
});
