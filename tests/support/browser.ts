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

const withoutJavaScript = new WeakSet<BrowserContext>();

/** A fresh browser profile; `javaScript: false` shows that every page works without it. */
export async function newContext(
  browser: Browser,
  options: { javaScript?: boolean; width?: number } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
  });
  // Well below the test's own timeout, so a failing step names itself.
  context.setDefaultTimeout(10_000);
  if (options.javaScript === false) withoutJavaScript.add(context);
  return context;
}

/**
 * axe on the page as it is now: no serious or critical violation (WCAG 2.1 A and AA).
 * axe runs as a script, so a page shown without JavaScript is checked as a copy of its HTML,
 * with its styles but without its scripts, in a scratch page of the same size.
 */
export async function expectAccessible(page: Page): Promise<void> {
  if (withoutJavaScript.has(page.context())) {
    const origin = new URL(page.url()).origin;
    const html = (await page.content())
      .replace(/<script\b[\s\S]*?<\/script>/gi, "")
      .replace(/<head>/i, `<head><base href="${origin}/">`);
    const scratch = await page.context().browser()!.newContext({ viewport: page.viewportSize() });
    try {
      const copy = await scratch.newPage();
      await copy.setContent(html, { waitUntil: "load" });
      await checkWithAxe(copy, page.url());
    } finally {
      await scratch.close();
    }
    return;
  }
  await checkWithAxe(page, page.url());
}

async function checkWithAxe(page: Page, url: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}) on ${url}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  expect(serious, `axe on ${url}`).toEqual([]);
}
