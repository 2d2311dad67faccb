import { describe, expect, it } from "vitest";
import { ordered, searchParams } from "./query-params.ts";

describe("query strings of the money tabs", () => {
  it("joins lists with commas and leaves out what is empty", () => {
    const query = searchParams({
      kind: ["fixed", "variable"],
      status: ["donated", "suspended"],
      category: 3,
      cursor: null,
      closingId: undefined,
      q: "",
      limit: 50,
    });
    expect(query).toBe("kind=fixed%2Cvariable&status=donated%2Csuspended&category=3&limit=50");
    expect(new URLSearchParams(query).get("status")).toBe("donated,suspended");
  });

  it("an empty list is left out (the API would read it as all)", () => {
    expect(searchParams({ status: [], view: "item" })).toBe("view=item");
  });

  it("a keyset cursor is encoded, not cut", () => {
    const cursor = "eyJkIjoiMjAyNi0wMy0wMSIsImkiOjQyfQ==&x";
    expect(new URLSearchParams(searchParams({ cursor })).get("cursor")).toBe(cursor);
  });
});

describe("checkbox picks in canonical order", () => {
  const STATUSES = ["charged", "donated", "suspended", "paralyzed", "pending"] as const;

  it("keeps the screen's order whatever the click order", () => {
    expect(ordered(STATUSES, ["suspended", "donated"])).toEqual(["donated", "suspended"]);
  });

  it("drops unknown values and duplicates", () => {
    expect(ordered(STATUSES, ["pending", "bogus", "pending"])).toEqual(["pending"]);
    expect(ordered(STATUSES, [])).toEqual([]);
  });
});
