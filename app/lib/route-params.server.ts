import { data } from "react-router";
import { z } from "zod";

const uuid = z.guid();

/**
 * The named route params, each checked to be a uuid: anything else names no record, and
 * answers 404 before it reaches the database (which would refuse it with an error).
 */
export function uuidParams<K extends string>(
  params: Partial<Record<K, string>>,
  ...names: K[]
): Record<K, string> {
  const ids = {} as Record<K, string>;
  for (const name of names) {
    const value = params[name];
    if (value === undefined || !uuid.safeParse(value).success)
      throw data({ code: "NOT_FOUND" }, { status: 404 });
    ids[name] = value.toLowerCase();
  }
  return ids;
}
