// Opens the collector's subscriber pages in headless Chromium, as a phone
// would (375 px wide), and uses them: the preference page saves a choice, the
// unsubscribe page confirms. Checks what a person sees: the language and its
// direction, no sideways scrolling, nothing fetched from anywhere else, the
// Content-Security-Policy. Prints one JSON line per page; exits 1 on a failure.
//
//   node tests/browser/pages.mjs --chromium /usr/bin/chromium --out DIR \
//        --page fa:preferences:URL --page en:unsubscribe:URL
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const option = (name) => args[args.indexOf(name) + 1];
const pages = args.flatMap((a, i) => (a === "--page" ? [args[i + 1]] : []));
const out = option("--out");
let failed = false;

const browser = await chromium.launch({
  executablePath: option("--chromium"),
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  for (const spec of pages) {
    const [lang, kind, ...rest] = spec.split(":");
    const url = rest.join(":");
    const origin = new URL(url).origin;
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: lang === "fa" ? "fa-IR" : "en-GB",
    });
    const page = await context.newPage();
    const foreign = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) foreign.push(r.url());
    });
    const cspViolations = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    const response = await page.goto(url);
    const result = { lang, kind, status: response.status(), problems: [] };
    const problem = (text) => result.problems.push(text);
    const csp = response.headers()["content-security-policy"] || "";
    if (!csp.includes("default-src 'none'")) problem(`weak or missing CSP: ${csp}`);
    const look = async () =>
      page.evaluate(() => ({
        dir: document.documentElement.getAttribute("dir"),
        lang: document.documentElement.getAttribute("lang"),
        scrollWidth: document.documentElement.scrollWidth,
        width: window.innerWidth,
        text: document.body.innerText,
        buttons: [...document.querySelectorAll("button")].map((b) => b.getBoundingClientRect().right),
      }));
    const check = async (stage) => {
      const v = await look();
      const wantDir = lang === "fa" ? "rtl" : "ltr";
      if (v.dir !== wantDir) problem(`${stage}: dir=${v.dir}, expected ${wantDir}`);
      if (v.lang !== lang) problem(`${stage}: lang=${v.lang}, expected ${lang}`);
      if (v.scrollWidth > v.width) problem(`${stage}: scrolls sideways (${v.scrollWidth} > ${v.width})`);
      for (const right of v.buttons) if (right > v.width + 0.5) problem(`${stage}: a button is cut off`);
      if (lang === "fa" && !/[\u0600-\u06FF]/.test(v.text)) problem(`${stage}: no Persian text`);
      return v;
    };
    await check("opened");
    await page.screenshot({ path: `${out}/${lang}-${kind}.png`, fullPage: true });
    if (kind === "preferences") {
      // keep email, join every topic, then save
      for (const box of await page.locator("input[name=topic]").all()) await box.check();
      await Promise.all([page.waitForNavigation(), page.locator("button[value=save]").click()]);
      const after = await check("saved");
      if (!(await page.locator("[role=status]").count())) problem("saved: no confirmation shown");
      result.saved = after.text.slice(0, 200);
    } else if (kind === "unsubscribe") {
      await Promise.all([page.waitForNavigation(), page.locator("button[type=submit]").click()]);
      const after = await check("confirmed");
      result.confirmed = after.text.slice(0, 200);
    }
    await page.screenshot({ path: `${out}/${lang}-${kind}-after.png`, fullPage: true });
    if (foreign.length) problem(`fetched from elsewhere: ${foreign.join(", ")}`);
    if (cspViolations.length) problem(`CSP violations: ${cspViolations.join(" | ")}`);
    if (result.status !== 200) problem(`status ${result.status}`);
    if (result.problems.length) failed = true;
    console.log(JSON.stringify(result));
    await context.close();
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
