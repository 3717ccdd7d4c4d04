import { useRouteLoaderData } from "react-router";

/** The hidden CSRF field every form that posts must contain. */
export function CsrfInput() {
  const root = useRouteLoaderData<{ csrfToken?: string }>("root");
  return <input type="hidden" name="csrf" value={root?.csrfToken ?? ""} />;
}
