import { describe, expect, it } from "vitest";
import type { Actor, GlobalRole, PartnershipRole } from "./actor";
import { can, readablePartnerships, requirePartnershipPermission, requirePermission } from "./permissions";

const OWN = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";

function user(globalRole: GlobalRole | null, role?: PartnershipRole): Actor {
  return {
    kind: "user",
    id: "u",
    email: "u@example.se",
    name: "U",
    globalRole,
    memberships: new Map(role ? [[OWN, role]] : []),
  };
}

describe("the permission table", () => {
  it("lets only administrators create partnerships and manage police areas", () => {
    expect(can(user("admin"), "partnership.create")).toBe(true);
    expect(can(user("analyst"), "partnership.create")).toBe(false);
    expect(can(user(null, "coordinator"), "partnership.create")).toBe(false);
    expect(can(user(null, "coordinator"), "policeArea.manage")).toBe(false);
  });

  it("gives a role its rights only in its own partnership", () => {
    const coordinator = user(null, "coordinator");
    expect(can(coordinator, "invitation.create", OWN)).toBe(true);
    expect(can(coordinator, "invitation.create", OTHER)).toBe(false);
    expect(can(user(null, "member"), "invitation.create", OWN)).toBe(false);
    expect(can(user(null, "member"), "partnership.read", OWN)).toBe(true);
  });

  it("lets analysts read everything and write nothing", () => {
    const analyst = user("analyst");
    expect(can(analyst, "partnership.read", OTHER)).toBe(true);
    expect(readablePartnerships(analyst)).toBe("all");
    for (const permission of ["partnership.update", "council.manage", "invitation.create"] as const) {
      expect(can(analyst, permission, OWN)).toBe(false);
    }
  });

  it("answers not found for another partnership's records, forbidden for one's own", () => {
    const member = user(null, "member");
    expect(() => requirePartnershipPermission(member, "partnership.update", OTHER)).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(() => requirePartnershipPermission(member, "partnership.update", OWN)).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => requirePermission({ kind: "anonymous" }, "partnership.create")).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED" }),
    );
    expect(readablePartnerships({ kind: "anonymous" })).toEqual([]);
  });
});
