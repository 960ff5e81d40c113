import { describe, expect, it } from "vitest";
import { newVoterId, signVoterId, verifyVoterToken } from "@/lib/votes/voter-id";

const SECRET = "a-server-secret-of-reasonable-length";
const ID = "abcdefghijklmnopqrstuv"; // 22 characters, like newVoterId's

describe("the signed voter cookie", () => {
  it("gives back the voter id it was signed with", () => {
    expect(verifyVoterToken(signVoterId(ID, SECRET), SECRET)).toBe(ID);
  });

  it("reads as the id followed by a dot and a signature", () => {
    const token = signVoterId(ID, SECRET);
    expect(token.startsWith(`${ID}.`)).toBe(true);
    expect(token.split(".")).toHaveLength(2);
  });

  it("is refused when the signature is forged", () => {
    expect(verifyVoterToken(`${ID}.not-the-signature`, SECRET)).toBeNull();
    const [, sig] = signVoterId(ID, SECRET).split(".");
    expect(verifyVoterToken(`${ID}.${"A".repeat(sig.length)}`, SECRET)).toBeNull();
  });

  it("is refused when one character of the signature is changed", () => {
    const token = signVoterId(ID, SECRET);
    const last = token.at(-1)!;
    expect(verifyVoterToken(token.slice(0, -1) + (last === "A" ? "B" : "A"), SECRET)).toBeNull();
  });

  it("is refused when somebody swaps in another id under a valid signature", () => {
    const [, sig] = signVoterId(ID, SECRET).split(".");
    expect(verifyVoterToken(`${"z".repeat(22)}.${sig}`, SECRET)).toBeNull();
  });

  it("is refused when it was signed with another secret", () => {
    expect(verifyVoterToken(signVoterId(ID, "another-secret"), SECRET)).toBeNull();
  });

  it("is refused when a part is missing", () => {
    const [id, sig] = signVoterId(ID, SECRET).split(".");
    expect(verifyVoterToken(id, SECRET)).toBeNull();
    expect(verifyVoterToken(`${id}.`, SECRET)).toBeNull();
    expect(verifyVoterToken(`.${sig}`, SECRET)).toBeNull();
    expect(verifyVoterToken("", SECRET)).toBeNull();
    expect(verifyVoterToken(undefined, SECRET)).toBeNull();
    expect(verifyVoterToken(null, SECRET)).toBeNull();
  });

  it("is refused with an extra dot", () => {
    const token = signVoterId(ID, SECRET);
    expect(verifyVoterToken(`${token}.`, SECRET)).toBeNull();
    expect(verifyVoterToken(`${token}.extra`, SECRET)).toBeNull();
  });

  it("is refused when the id has characters ids never have, or is too short or too long, even if signed", () => {
    for (const id of ["abc def ghi jkl mno", "abcdefghijklmnop/qr", "abcdefghijklmnop+qr", "short", "x".repeat(65)]) {
      expect(verifyVoterToken(signVoterId(id, SECRET), SECRET), id).toBeNull();
    }
  });
});

describe("new voter ids", () => {
  it("are different every time", () => {
    const ids = Array.from({ length: 1000 }, () => newVoterId());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("are url-safe and verify once signed", () => {
    for (let i = 0; i < 50; i++) {
      const id = newVoterId();
      expect(id).toMatch(/^[\w-]{16,64}$/);
      expect(verifyVoterToken(signVoterId(id, SECRET), SECRET)).toBe(id);
    }
  });
});
