import { randomUUID } from "node:crypto";
import type { DbOrTx } from "~/db/client.server";
import { systemActor } from "~/domain/access/actor";
import { agreementContentSchema, type AgreementContent } from "~/domain/agreements/agreement.schemas";
import { createAgreementDraft } from "~/domain/agreements/create-agreement-draft.server";
import { markAgreementReadyForSigning } from "~/domain/agreements/mark-agreement-ready-for-signing.server";
import { publishAgreement } from "~/domain/agreements/publish-agreement.server";
import { recordAgreementSignature } from "~/domain/agreements/record-agreement-signature.server";
import {
  citizenPromiseContentSchema,
  type CitizenPromiseContent,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import { createCitizenPromiseDraft } from "~/domain/citizen-promises/create-citizen-promise-draft.server";
import { markCitizenPromiseReadyForSigning } from "~/domain/citizen-promises/mark-citizen-promise-ready-for-signing.server";
import { publishCitizenPromise } from "~/domain/citizen-promises/publish-citizen-promise.server";
import { recordCitizenPromiseSignature } from "~/domain/citizen-promises/record-citizen-promise-signature.server";
import { insertPartnership } from "./partnerships";

const system = systemActor("test");

/** An agreement's content with a unique title: Ånge-like, two focus areas, both parties to sign. */
export function makeAgreementContent(overrides: Partial<AgreementContent> = {}): AgreementContent {
  const suffix = randomUUID().slice(0, 8);
  return agreementContentSchema.parse({
    title: `Samverkansöverenskommelse ${suffix}`,
    caseNumber: `KS ${suffix}`,
    period: { from: "2023", to: "2026", continuesUntilReplaced: false },
    background: "Polisen och kommunen har gjort en gemensam lägesbild.",
    goals: [{ text: "Minska antalet anmälda bostadsinbrott med 10 procent till 2026." }],
    focusAreas: [
      {
        key: "trygghet-centrum",
        title: "Trygghet i centrum",
        points: ["Fler vuxna ute på kvällar"],
        cause: { text: "Dålig belysning och få vuxna på platsen." },
      },
      { key: "narkotika", title: "Narkotika bland unga", points: ["Tidiga insatser"] },
    ],
    signatories: [
      { name: "Anna Andersson", title: "Kommunstyrelsens ordförande", party: "municipality" },
      { name: "Per Persson", title: "Lokalpolisområdeschef", party: "police" },
    ],
    ...overrides,
  });
}

export type DocumentStage = "draft" | "ready" | "signed" | "published";

/** Both parties' signatures, as the signing ceremony records them. */
export const bothSignatures = [
  { name: "Anna Andersson", title: "KSO", party: "municipality", signedOn: "2023-03-01", place: "Ånge" },
  { name: "Per Persson", title: "LPO-chef", party: "police", signedOn: "2023-03-03", place: "Sundsvall" },
] as const;

/** Saves an agreement (in a partnership of its own unless one is given), brought to `stage`. */
export async function insertAgreement(
  db: DbOrTx,
  overrides: { partnershipId?: string; content?: AgreementContent; stage?: DocumentStage } = {},
): Promise<{ id: string; partnershipId: string }> {
  const partnershipId = overrides.partnershipId ?? (await insertPartnership(db));
  const ctx = { db, actor: system };
  const { id } = await createAgreementDraft(ctx, partnershipId, overrides.content ?? makeAgreementContent());
  const stage = overrides.stage ?? "draft";
  if (stage !== "draft") await markAgreementReadyForSigning(ctx, id);
  if (stage === "signed" || stage === "published") {
    for (const s of bothSignatures) await recordAgreementSignature(ctx, id, s);
  }
  if (stage === "published") await publishAgreement(ctx, id);
  return { id, partnershipId };
}

/** A citizen promise's content with a unique title: one commitment per owner. */
export function makeCitizenPromiseContent(
  overrides: Partial<CitizenPromiseContent> = {},
): CitizenPromiseContent {
  const suffix = randomUUID().slice(0, 8);
  return citizenPromiseContentSchema.parse({
    title: `Medborgarlöfte ${suffix}`,
    period: { from: "2025", to: "2025", continuesUntilReplaced: false },
    problemPicture: "Otrygghet i Ramsele och stölder på landsbygden.",
    commitments: [
      {
        key: "ramsele",
        owner: "police",
        text: "Besöka Ramsele 1 gång per månad (undantaget juni-augusti).",
        measures: [{ kind: "schedule", times: 1, per: "month", exceptMonths: [6, 7, 8] }],
      },
      { key: "grannsamverkan", owner: "municipality", text: "Starta 10 nya samverkansgrupper." },
      { key: "dialog", owner: "joint", text: "Hålla medborgardialog under våren och hösten." },
    ],
    signatories: [
      { name: "Anna Andersson", title: "Kommunstyrelsens ordförande", party: "municipality" },
      { name: "Per Persson", title: "Lokalpolisområdeschef", party: "police" },
    ],
    ...overrides,
  });
}

/** Saves a citizen promise (in a partnership of its own unless one is given), brought to `stage`. */
export async function insertCitizenPromise(
  db: DbOrTx,
  overrides: { partnershipId?: string; content?: CitizenPromiseContent; stage?: DocumentStage } = {},
): Promise<{ id: string; partnershipId: string }> {
  const partnershipId = overrides.partnershipId ?? (await insertPartnership(db));
  const ctx = { db, actor: system };
  const { id } = await createCitizenPromiseDraft(
    ctx,
    partnershipId,
    overrides.content ?? makeCitizenPromiseContent(),
  );
  const stage = overrides.stage ?? "draft";
  if (stage !== "draft") await markCitizenPromiseReadyForSigning(ctx, id);
  if (stage === "signed" || stage === "published") {
    for (const s of bothSignatures) await recordCitizenPromiseSignature(ctx, id, s);
  }
  if (stage === "published") await publishCitizenPromise(ctx, id);
  return { id, partnershipId };
}
