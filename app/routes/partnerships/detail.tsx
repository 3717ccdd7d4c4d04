import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/detail";
import { TextAreaField } from "~/components/choice-fields";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { PartnershipFields } from "~/components/partnership-fields";
import { getEnv } from "~/config/env.server";
import { PARTNERSHIP_ROLES } from "~/domain/access/actor";
import { can } from "~/domain/access/permissions";
import { findAgreements } from "~/domain/agreements/agreement.queries.server";
import { findCitizenPromises } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { DATE_STATUS_LABELS } from "~/domain/agreements/document-parts.schemas";
import { findPendingInvitations } from "~/domain/invitations/invitation.queries.server";
import { invitationSchema, PARTNERSHIP_ROLE_LABELS } from "~/domain/invitations/invitation.schemas";
import { invitePerson } from "~/domain/invitations/invite-person.server";
import { addCouncil } from "~/domain/partnerships/add-council.server";
import {
  findMunicipalities,
  findPoliceAreas,
  getPartnership,
  type CouncilView,
} from "~/domain/partnerships/partnership.queries.server";
import {
  COUNCIL_TYPE_LABELS,
  COUNCIL_TYPES,
  councilFormSchema,
  membersToText,
  partnershipFormSchema,
} from "~/domain/partnerships/partnership.schemas";
import { removeCouncil } from "~/domain/partnerships/remove-council.server";
import { updateCouncil } from "~/domain/partnerships/update-council.server";
import { updatePartnership } from "~/domain/partnerships/update-partnership.server";
import { notFound } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useDateTimeFormat, useLocale, useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    back: "Alla samverkan",
    policeArea: "Lokalpolisområde",
    municipalities: "Kommuner",
    otherActors: "Andra aktörer",
    none: "Inga",
    created: "Samverkan är skapad.",
    saved: "Ändringarna är sparade.",
    councilAdded: "Rådet är tillagt.",
    councilSaved: "Rådet är ändrat.",
    councilRemoved: "Rådet är borttaget.",
    invited: "Inbjudan är skickad till {email}.",
    councils: "Råd",
    noCouncils: "Samverkan har inget råd ännu.",
    type: "Typ",
    members: "Ledamöter",
    noMembers: "Inga ledamöter angivna.",
    editCouncil: "Ändra {name}",
    removeCouncil: "Ta bort rådet",
    addCouncil: "Lägg till ett råd",
    councilName: "Rådets namn",
    councilType: "Typ av råd",
    chooseType: "Välj typ",
    councilMembers: "Ledamöter",
    councilMembersHint: "En per rad: namn, komma, roll. T.ex. ”Anna Andersson, kommunstyrelsens ordförande”.",
    saveCouncil: "Spara rådet",
    people: "Personer",
    noPeople: "Ingen har konto i samverkan ännu.",
    name: "Namn",
    email: "E-postadress",
    role: "Roll",
    invitations: "Inbjudningar som väntar på svar",
    noInvitations: "Inga inbjudningar väntar.",
    expires: "Gäller till",
    invite: "Bjud in en person",
    inviteIntro:
      "Personen får ett e-postmeddelande med en länk som gäller i 7 dagar. Bjuder du in samma adress igen slutar den gamla länken att fungera.",
    chooseRole: "Välj roll",
    sendInvitation: "Skicka inbjudan",
    edit: "Ändra samverkan",
    save: "Spara ändringarna",
    history: "Visa ändringshistorik",
    agreements: "Samverkansöverenskommelser",
    noAgreements: "Inga överenskommelser ännu.",
    newAgreement: "Skriv en ny samverkansöverenskommelse",
    importDocuments: "Importera befintliga dokument (text, Word eller PDF)",
    surveys: "Trygghetsundersökningar",
    citizenPromises: "Medborgarlöften",
    noCitizenPromises: "Inga medborgarlöften ännu.",
    newCitizenPromise: "Skriv ett nytt medborgarlöfte",
  },
  en: {
    back: "All partnerships",
    policeArea: "Local police area",
    municipalities: "Municipalities",
    otherActors: "Other actors",
    none: "None",
    created: "The partnership has been created.",
    saved: "Your changes have been saved.",
    councilAdded: "The council has been added.",
    councilSaved: "The council has been changed.",
    councilRemoved: "The council has been removed.",
    invited: "The invitation has been sent to {email}.",
    councils: "Councils",
    noCouncils: "The partnership has no council yet.",
    type: "Type",
    members: "Members",
    noMembers: "No members given.",
    editCouncil: "Change {name}",
    removeCouncil: "Remove the council",
    addCouncil: "Add a council",
    councilName: "Name of the council",
    councilType: "Type of council",
    chooseType: "Choose a type",
    councilMembers: "Members",
    councilMembersHint:
      "One per line: name, comma, role. E.g. “Anna Andersson, chair of the municipal board”.",
    saveCouncil: "Save the council",
    people: "People",
    noPeople: "Nobody has an account in this partnership yet.",
    name: "Name",
    email: "E-mail address",
    role: "Role",
    invitations: "Invitations awaiting an answer",
    noInvitations: "No invitations are waiting.",
    expires: "Valid until",
    invite: "Invite a person",
    inviteIntro:
      "The person gets an e-mail with a link that works for 7 days. Inviting the same address again stops the old link from working.",
    chooseRole: "Choose a role",
    sendInvitation: "Send invitation",
    edit: "Change the partnership",
    save: "Save changes",
    history: "Show the history of changes",
    agreements: "Collaboration agreements",
    noAgreements: "No agreements yet.",
    newAgreement: "Write a new collaboration agreement",
    importDocuments: "Import existing documents (text, Word or PDF)",
    surveys: "Safety surveys",
    citizenPromises: "Citizen promises",
    noCitizenPromises: "No citizen promises yet.",
    newCitizenPromise: "Write a new citizen promise",
  },
});

const NOTICES = {
  skapad: "created",
  sparad: "saved",
  "rad-tillagt": "councilAdded",
  "rad-andrat": "councilSaved",
  "rad-borttaget": "councilRemoved",
} as const;

const idSchema = z.guid();

export const meta: Route.MetaFunction = ({ data: loaderData }) => [
  { title: `${loaderData?.partnership.name ?? "Samverkan"} – Tryggsam` },
];

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  const id = params.id.toLowerCase();
  return pageCall(async () => {
    if (!idSchema.safeParse(id).success) throw notFound("Samverkan");
    const partnership = await getPartnership(ctx, id);
    const canUpdate = can(actor, "partnership.update", id);
    const canInvite = can(actor, "invitation.create", id);
    const search = new URL(request.url).searchParams;
    const notice = Object.entries(NOTICES).find(([key]) => search.has(key))?.[1] ?? null;
    return {
      partnership,
      canUpdate,
      canManageCouncils: can(actor, "council.manage", id),
      canReadHistory: can(actor, "audit.read", id),
      canEditAgreements: can(actor, "agreement.edit", id),
      agreements: await findAgreements(ctx, id),
      citizenPromises: await findCitizenPromises(ctx, id),
      canInvite,
      choices: canUpdate
        ? { policeAreas: await findPoliceAreas(ctx.db), municipalities: await findMunicipalities(ctx.db) }
        : null,
      invitations: canInvite ? await findPendingInvitations(ctx, id) : [],
      notice,
      invited: search.get("inbjuden"),
    };
  });
}

type Intent = "update-partnership" | "add-council" | "update-council" | "remove-council" | "invite";

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  requireUser(ctx.actor, request);
  const id = params.id.toLowerCase();
  const page = `/samverkan/${id}`;
  return pageCall(async () => {
    if (!idSchema.safeParse(id).success) throw notFound("Samverkan");
    const formData = await request.formData();
    const text = (name: string) => {
      const value = formData.get(name);
      return typeof value === "string" ? value : "";
    };
    const intent = text("intent") as Intent;
    const councilId = text("councilId");
    const answer = async (result: Awaited<ReturnType<typeof handleForm>>) =>
      result instanceof Response
        ? result
        : data({ intent, councilId, reply: result.data }, result.init ?? undefined);
    switch (intent) {
      case "update-partnership":
        return answer(
          await handleForm(
            request,
            partnershipFormSchema,
            async (value) => {
              await updatePartnership(ctx, id, value);
              return redirect(`${page}?sparad=1`);
            },
            formData,
          ),
        );
      case "add-council":
        return answer(
          await handleForm(
            request,
            councilFormSchema,
            async (value) => {
              await addCouncil(ctx, id, value);
              return redirect(`${page}?rad-tillagt=1#rad`);
            },
            formData,
          ),
        );
      case "update-council":
        if (!idSchema.safeParse(councilId).success) throw notFound("Rådet");
        return answer(
          await handleForm(
            request,
            councilFormSchema,
            async (value) => {
              await updateCouncil(ctx, id, councilId, value);
              return redirect(`${page}?rad-andrat=1#rad`);
            },
            formData,
          ),
        );
      case "remove-council":
        if (!idSchema.safeParse(councilId).success) throw notFound("Rådet");
        await removeCouncil(ctx, id, councilId);
        return redirect(`${page}?rad-borttaget=1#rad`);
      case "invite":
        return answer(
          await handleForm(
            request,
            invitationSchema,
            async (value) => {
              const env = getEnv();
              await invitePerson(ctx, id, value, {
                baseUrl: env.PUBLIC_URL ?? new URL(request.url).origin,
                smtpUrl: env.SMTP_URL,
              });
              return redirect(`${page}?inbjuden=${encodeURIComponent(value.email)}#inbjudningar`);
            },
            formData,
          ),
        );
      default:
        throw data({ code: "VALIDATION", message: "Okänd åtgärd." }, { status: 400 });
    }
  });
}

type ActionData = { intent: Intent; councilId: string; reply: SubmissionResult<string[]> };

export default function PartnershipPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const { partnership: p, notice, invited } = loaderData;
  const last: ActionData | undefined = actionData;
  const when = useDateTimeFormat();
  return (
    <>
      <p>
        <a className="ds-link" href="/samverkan">
          {t("back")}
        </a>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {p.name}
      </h1>
      {notice || invited ? (
        <div className="ds-alert" data-color="success" role="status">
          {notice ? t(notice) : t("invited").replace("{email}", invited ?? "")}
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("policeArea")}</dt>
        <dd>{p.policeArea.name}</dd>
        <dt>{t("municipalities")}</dt>
        <dd>{p.municipalities.map((m) => m.name).join(", ")}</dd>
        <dt>{t("otherActors")}</dt>
        <dd>{p.otherActors.length ? p.otherActors.join(", ") : t("none")}</dd>
      </dl>
      {loaderData.canReadHistory ? (
        <p>
          <Link className="ds-link" to={`/historik/partnership/${p.id}`}>
            {t("history")}
          </Link>
        </p>
      ) : null}

      <h2 className="ds-heading" data-size="md" id="overenskommelser" tabIndex={-1}>
        {t("agreements")}
      </h2>
      {loaderData.agreements.length === 0 ? <p className="ds-paragraph">{t("noAgreements")}</p> : null}
      {loaderData.agreements.length ? (
        <ul className="card-list">
          {loaderData.agreements.map((a) => (
            <li key={a.id}>
              <Link className="ds-link" to={`/overenskommelser/${a.id}`}>
                {a.title}
              </Link>{" "}
              <span className="status-badge" data-status={a.status}>
                {DATE_STATUS_LABELS[locale][a.status]}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {loaderData.canEditAgreements ? (
        <p>
          <Link className="ds-link" to={`/samverkan/${p.id}/overenskommelser/ny`}>
            {t("newAgreement")}
          </Link>
        </p>
      ) : null}
      {loaderData.canEditAgreements ? (
        <p>
          <Link className="ds-link" to={`/samverkan/${p.id}/importera`}>
            {t("importDocuments")}
          </Link>
        </p>
      ) : null}
      <p>
        <Link className="ds-link" to={`/samverkan/${p.id}/enkater`}>
          {t("surveys")}
        </Link>
      </p>

      <h2 className="ds-heading" data-size="md" id="medborgarloften" tabIndex={-1}>
        {t("citizenPromises")}
      </h2>
      {loaderData.citizenPromises.length === 0 ? (
        <p className="ds-paragraph">{t("noCitizenPromises")}</p>
      ) : (
        <ul className="card-list">
          {loaderData.citizenPromises.map((promise) => (
            <li key={promise.id}>
              <Link className="ds-link" to={`/medborgarloften/${promise.id}`}>
                {promise.title}
              </Link>{" "}
              <span className="status-badge" data-status={promise.status}>
                {DATE_STATUS_LABELS[locale][promise.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
      {loaderData.canEditAgreements ? (
        <p>
          <Link className="ds-link" to={`/samverkan/${p.id}/medborgarloften/ny`}>
            {t("newCitizenPromise")}
          </Link>
        </p>
      ) : null}

      <h2 className="ds-heading" data-size="md" id="rad" tabIndex={-1}>
        {t("councils")}
      </h2>
      {p.councils.length === 0 ? <p className="ds-paragraph">{t("noCouncils")}</p> : null}
      {p.councils.map((council) => (
        <section key={council.id} className="council" aria-labelledby={`council-${council.id}`}>
          <h3 className="ds-heading" data-size="sm" id={`council-${council.id}`}>
            {council.name}
          </h3>
          <p className="ds-paragraph">
            {t("type")}: {COUNCIL_TYPE_LABELS[locale][council.type]}
          </p>
          {council.members.length ? (
            <ul aria-label={`${t("members")}: ${council.name}`}>
              {council.members.map((m, i) => (
                <li key={i}>
                  {m.name}
                  {m.role ? `, ${m.role}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="ds-paragraph">{t("noMembers")}</p>
          )}
          {loaderData.canManageCouncils ? (
            <CouncilEditor
              council={council}
              lastResult={
                last?.intent === "update-council" && last.councilId === council.id ? last.reply : undefined
              }
            />
          ) : null}
        </section>
      ))}
      {loaderData.canManageCouncils ? (
        <CouncilForm
          id="add-council"
          intent="add-council"
          heading={t("addCouncil")}
          lastResult={last?.intent === "add-council" ? last.reply : undefined}
        />
      ) : null}

      <h2 className="ds-heading" data-size="md">
        {t("people")}
      </h2>
      {p.people.length === 0 ? (
        <p className="ds-paragraph">{t("noPeople")}</p>
      ) : (
        <div className="table-wrap">
          <table className="ds-table">
            <caption className="visually-hidden">{t("people")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("role")}</th>
              </tr>
            </thead>
            <tbody>
              {p.people.map((person) => (
                <tr key={person.userId}>
                  <th scope="row">{person.name}</th>
                  <td>{person.email}</td>
                  <td>{PARTNERSHIP_ROLE_LABELS[locale][person.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {loaderData.canInvite ? (
        <>
          <h2 className="ds-heading" data-size="md" id="inbjudningar" tabIndex={-1}>
            {t("invitations")}
          </h2>
          {loaderData.invitations.length === 0 ? (
            <p className="ds-paragraph">{t("noInvitations")}</p>
          ) : (
            <div className="table-wrap">
              <table className="ds-table">
                <caption className="visually-hidden">{t("invitations")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("email")}</th>
                    <th scope="col">{t("role")}</th>
                    <th scope="col">{t("expires")}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaderData.invitations.map((invitation) => (
                    <tr key={invitation.id}>
                      <th scope="row">{invitation.email}</th>
                      <td>{PARTNERSHIP_ROLE_LABELS[locale][invitation.role]}</td>
                      <td>{when.format(new Date(invitation.expiresAt))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <InviteForm lastResult={last?.intent === "invite" ? last.reply : undefined} />
        </>
      ) : null}

      {loaderData.canUpdate && loaderData.choices ? (
        <EditPartnershipForm
          partnership={p}
          choices={loaderData.choices}
          lastResult={last?.intent === "update-partnership" ? last.reply : undefined}
        />
      ) : null}
    </>
  );
}

type LastResult = ActionData["reply"] | undefined;

function CouncilForm({
  id,
  intent,
  heading,
  council,
  lastResult,
}: {
  id: string;
  intent: "add-council" | "update-council";
  heading: string;
  council?: CouncilView;
  lastResult: LastResult;
}) {
  const t = useT(messages);
  const locale = useLocale();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: council
      ? { name: council.name, type: council.type, members: membersToText(council.members) }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: councilFormSchema }),
    shouldRevalidate: "onBlur",
  });
  const HeadingTag = council ? "h4" : "h3";
  return (
    <PostForm form={form}>
      <HeadingTag className="ds-heading" data-size="xs">
        {heading}
      </HeadingTag>
      <input type="hidden" name="intent" value={intent} />
      {council ? <input type="hidden" name="councilId" value={council.id} /> : null}
      <ErrorSummary form={form} fields={[fields.name, fields.type, fields.members]} />
      <TextField field={fields.name} label={t("councilName")} required />
      <SelectField
        field={fields.type}
        label={t("councilType")}
        placeholder={t("chooseType")}
        options={COUNCIL_TYPES.map((type) => ({ value: type, label: COUNCIL_TYPE_LABELS[locale][type] }))}
        required
      />
      <TextAreaField
        field={fields.members}
        label={t("councilMembers")}
        description={t("councilMembersHint")}
        rows={5}
      />
      <SubmitButton>{t("saveCouncil")}</SubmitButton>
    </PostForm>
  );
}

function CouncilEditor({ council, lastResult }: { council: CouncilView; lastResult: LastResult }) {
  const t = useT(messages);
  return (
    <details open={lastResult !== undefined}>
      <summary>{t("editCouncil").replace("{name}", council.name)}</summary>
      <CouncilForm
        id={`council-${council.id}-form`}
        intent="update-council"
        heading={t("editCouncil").replace("{name}", council.name)}
        council={council}
        lastResult={lastResult}
      />
      <Form method="post" className="inline-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="remove-council" />
        <input type="hidden" name="councilId" value={council.id} />
        <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
          {t("removeCouncil")}
          <span className="visually-hidden"> {council.name}</span>
        </button>
      </Form>
    </details>
  );
}

function InviteForm({ lastResult }: { lastResult: LastResult }) {
  const t = useT(messages);
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "invite",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitationSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <PostForm form={form}>
      <h3 className="ds-heading" data-size="sm">
        {t("invite")}
      </h3>
      <p className="ds-paragraph">{t("inviteIntro")}</p>
      <input type="hidden" name="intent" value="invite" />
      <ErrorSummary form={form} fields={[fields.email, fields.role]} />
      <TextField field={fields.email} label={t("email")} type="email" autoComplete="off" required />
      <SelectField
        field={fields.role}
        label={t("role")}
        placeholder={t("chooseRole")}
        options={PARTNERSHIP_ROLES.map((role) => ({
          value: role,
          label: PARTNERSHIP_ROLE_LABELS[locale][role],
        }))}
        required
      />
      <SubmitButton>{t("sendInvitation")}</SubmitButton>
    </PostForm>
  );
}

function EditPartnershipForm({
  partnership,
  choices,
  lastResult,
}: {
  partnership: Route.ComponentProps["loaderData"]["partnership"];
  choices: NonNullable<Route.ComponentProps["loaderData"]["choices"]>;
  lastResult: LastResult;
}) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "edit-partnership",
    lastResult,
    defaultValue: {
      name: partnership.name,
      policeAreaId: partnership.policeArea.id,
      municipalities: partnership.municipalities.map((m) => m.code),
      otherActors: partnership.otherActors.join("\n"),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: partnershipFormSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <h2 className="ds-heading" data-size="md">
        {t("edit")}
      </h2>
      <PostForm form={form}>
        <input type="hidden" name="intent" value="update-partnership" />
        <ErrorSummary
          form={form}
          fields={[fields.name, fields.policeAreaId, fields.municipalities, fields.otherActors]}
        />
        <PartnershipFields fields={fields} choices={choices} />
        <SubmitButton>{t("save")}</SubmitButton>
      </PostForm>
    </>
  );
}
