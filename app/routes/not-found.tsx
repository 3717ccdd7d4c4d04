import { data } from "react-router";

// A route of its own for unknown addresses, so the root loader runs and the error page speaks
// the visitor's language.
export async function loader() {
  throw data({ code: "NOT_FOUND" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
