// The demo's product page on a phone, as a shopper meets it: `medusa_mock --static web`
// (what scripts/demo.sh runs) serving the bundled storefront and the precompressed .wasm,
// Chromium with the phone profile of phone.mjs, from navigation to the first validation
// answer on screen (the page's performance mark). A first visit (nothing stored) and a
// return visit (the region remembered, so the catalogue loads beside the regions).
import path from "node:path";
import { launchChromium } from "../../tests/js/browser.mjs";
import { startMock } from "../../tests/js/helpers.mjs";
import { throttleLikeAPhone } from "./phone.mjs";

const MARK = "medusa-personalize:first-validation";

/** { first: [ms], returning: [ms], bytes } over `rounds` loads each. */
export async function measureDemoPhone(repo, mockBinary, { rounds }) {
  const mock = await startMock(["--static", path.join(repo, "web")], { binary: mockBinary });
  const browser = await launchChromium();
  const times = { first: [], returning: [] };
  let bytes = 0;
  try {
    for (let r = 0; r < rounds; r++) {
      for (const visit of ["first", "returning"]) {
        const page = await browser.context.newPage();
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
        if (visit === "first") {
          await page.goto(`${mock.url}/health`);
          await page.evaluate(() => localStorage.clear()); // same origin as the demo
        }
        await throttleLikeAPhone(cdp);
        let received = 0;
        cdp.on("Network.loadingFinished", (e) => (received += e.encodedDataLength));
        await page.goto(`${mock.url}/demo/#/product/custom-t-shirt`);
        const ms = await (await page.waitForFunction(
          (mark) => performance.getEntriesByName(mark)[0]?.startTime, MARK, { timeout: 120_000 })).jsonValue();
        times[visit].push(ms);
        if (visit === "first") bytes = received;
        await page.close();
      }
    }
    return { ...times, bytes };
  } finally {
    await browser.close();
    await mock.stop();
  }
}
