import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/accept";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, PostForm, SubmitButton, TextField, NewPasswordFields } from "~/components/form";
import { acceptInvitation } from "~/domain/invitations/accept-invitation.server";
import { getInvitation } from "~/domain/invitations/invitation.queries.server";
import { PARTNERSHIP_ROLE_LABELS } from "~/domain/invitations/invitation.schemas";
import { joinPartnership } from "~/domain/invitations/join-partnership.server";
import { startSession } from "~/domain/users/sessions.server";
import { acceptInvitationSchema } from "~/domain/users/user.schemas";
import { isAppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { sessionCookie } from "~/lib/cookies.server";
import { handleForm } from "~/lib/form-action.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Inbjudan till {name}",
    invalidTitle: "Inbjudan gäller inte längre",
    intro: "Du är inbjuden som {role} till samverkan ”{name}”. Inbjudan gäller {email}.",
    createIntro: "Skapa ditt konto för att gå med.",
    name: "Ditt namn",
    submit: "Skapa konto och gå med",
    hasAccount: "Det finns redan ett konto med e-postadressen {email}. Logga in med det för att gå med.",
    login: "Logga in",
    join: "Gå med",
    joinIntro: "Du är inloggad som {email}.",
    wrongAccount:
      "Du är inloggad som {current}, men inbjudan gäller {email}. Logga ut och logga in med rätt konto för att gå med.",
    toStart: "Till startsidan",
  },
  en: {
    title: "Invitation to {name}",
    invalidTitle: "The invitation is no longer valid",
    intro: "You are invited as {role} to the partnership “{name}”. The invitation is for {email}.",
    createIntro: "Create your account to join.",
    name: "Your name",
    submit: "Create account and join",
    hasAccount: "There is already an account with the e-mail address {email}. Log in with it to join.",
    login: "Log in",
    join: "Join",
    joinIntro: "You are logged in as {email}.",
    wrongAccount:
      "You are logged in as {current}, but the invitation is for {email}. Log out and log in with the right account to join.",
    toStart: "To the start page",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Inbjudan – Tryggsam" }];

// The page's address is the secret: keep it out of caches and of other sites' Referer headers.
// Not "no-referrer": browsers then post the form with `Origin: null`, which is refused.
export const headers: Route.HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "Referrer-Policy": "same-origin",
});

export async function loader({ context, params }: Route.LoaderArgs) {
  const { db, actor } = context.get(appContext);
  try {
    const invitation = await getInvitation(db, params.token);
    return {
      invalid: null,
      invitation: {
        email: invitation.email,
        role: invitation.role,
        partnershipName: invitation.partnershipName,
        accountExists: invitation.accountExists,
      },
      currentEmail: actor.kind === "user" ? actor.email : null,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "INVITATION_INVALID") {
      return data(
        { invalid: error.message, invitation: null, currentEmail: null },
        { status: error.httpStatus },
      );
    }
    throw error;
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const formData = await request.formData();
  if (formData.get("intent") === "join") {
    requireUser(ctx.actor, request);
    const { partnershipId } = await pageCall(() => joinPartnership(ctx, params.token));
    return redirect(`/samverkan/${partnershipId}`);
  }
  return handleForm(
    request,
    acceptInvitationSchema,
    async (value) => {
      const { userId, partnershipId } = await acceptInvitation({ db: ctx.db }, params.token, value);
      const token = await startSession(ctx.db, userId);
      return redirect(`/samverkan/${partnershipId}`, {
        headers: { "Set-Cookie": await sessionCookie(ctx.secure).serialize(token) },
      });
    },
    formData,
  );
}

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

export default function AcceptInvitation({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInvitationSchema }),
    shouldRevalidate: "onBlur",
  });
  const { invitation, currentEmail } = loaderData;
  if (!invitation) {
    return (
      <div className="narrow">
        <h1 className="ds-heading" data-size="lg">
          {t("invalidTitle")}
        </h1>
        <p className="ds-paragraph">{loaderData.invalid}</p>
        <p>
          <a className="ds-link" href="/">
            {t("toStart")}
          </a>
        </p>
      </div>
    );
  }
  const values = {
    name: invitation.partnershipName,
    email: invitation.email,
    role: PARTNERSHIP_ROLE_LABELS[locale][invitation.role].toLowerCase(),
    current: currentEmail ?? "",
  };
  const here = `/inbjudan/${params.token}`;
  const signedInAsInvitee = currentEmail?.toLowerCase() === invitation.email.toLowerCase();
  return (
    <div className="narrow">
      <h1 className="ds-heading" data-size="lg">
        {fill(t("title"), values)}
      </h1>
      <p className="ds-paragraph">{fill(t("intro"), values)}</p>
      {!invitation.accountExists ? (
        <>
          <p className="ds-paragraph">{t("createIntro")}</p>
          <PostForm form={form}>
            <ErrorSummary form={form} fields={[fields.name, fields.password, fields.passwordConfirm]} />
            <TextField field={fields.name} label={t("name")} autoComplete="name" required />
            <input type="text" hidden readOnly autoComplete="username" value={invitation.email} />
            <NewPasswordFields password={fields.password} passwordConfirm={fields.passwordConfirm} />
            <SubmitButton>{t("submit")}</SubmitButton>
          </PostForm>
        </>
      ) : signedInAsInvitee ? (
        <Form method="post" className="stack">
          <CsrfInput />
          <p className="ds-paragraph">{fill(t("joinIntro"), values)}</p>
          <input type="hidden" name="intent" value="join" />
          <SubmitButton>{t("join")}</SubmitButton>
        </Form>
      ) : currentEmail ? (
        <p className="ds-paragraph">{fill(t("wrongAccount"), values)}</p>
      ) : (
        <>
          <p className="ds-paragraph">{fill(t("hasAccount"), values)}</p>
          <p>
            <a className="ds-link" href={`/logga-in?tillbaka=${encodeURIComponent(here)}`}>
              {t("login")}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
