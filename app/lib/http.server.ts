import { data } from "react-router";
import { AppError, isAppError } from "~/errors/app-error";

const TITLES: Record<number, string> = {
  400: "Felaktig begäran",
  401: "Inloggning krävs",
  403: "Inte tillåtet",
  404: "Finns inte",
  409: "Konflikt",
  410: "Inte längre giltig",
  413: "För stor begäran",
  415: "Fel innehållstyp",
  422: "Ogiltiga uppgifter",
  429: "För många försök",
  500: "Internt fel",
};

/** An RFC 9457 problem object as a Response. */
export function problem(
  status: number,
  detail: string,
  extra: { code?: string; errors?: Record<string, string[]>; details?: Record<string, unknown> } = {},
): Response {
  return new Response(
    JSON.stringify({ type: "about:blank", title: TITLES[status] ?? "Fel", status, detail, ...extra }),
    { status, headers: { "Content-Type": "application/problem+json; charset=utf-8" } },
  );
}

export function problemFromError(error: AppError): Response {
  return problem(error.httpStatus, error.message, {
    code: error.code,
    ...(Object.keys(error.fields).length ? { errors: error.fields } : {}),
    ...(Object.keys(error.details).length ? { details: error.details } : {}),
  });
}

/**
 * For page loaders: turns an AppError into the error page with its status (404, 403…); the
 * root ErrorBoundary shows it in Swedish. Other errors propagate as 500.
 */
export function throwAsPageError(error: unknown): never {
  if (isAppError(error)) {
    throw data({ code: error.code, message: error.message }, { status: error.httpStatus });
  }
  throw error;
}

/** Runs a domain call from a page loader, mapping expected failures to error pages. */
export async function pageCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throwAsPageError(error);
  }
}
