import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** `describe` for browser tests: skipped, with the reason in its name, when Chromium is missing. */
export function describeInBrowser(name: string, body: () => void) {
  const path = inject("chromiumPath");
  if (!path) describe.skip(`${name} (hoppas över: Chromium saknas)`, body);
  else describe(name, body);
}

/** One Chromium per test file. */
export function withBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: inject("chromiumPath")!, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("withBrowser: Chromium is not running yet");
      return browser;
    },
  };
}

/** A fresh browser profile; `javaScript: false` shows that every page works without it. */
export async function newContext(
  browser: Browser,
  options: { javaScript?: boolean; width?: number } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
  });
}

/** axe on the page as it is now: no serious or critical violation (WCAG 2.1 A and AA). */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}) on ${page.url()}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}
