// The demo's product page on a phone, as a shopper meets it: `medusa_mock --static web`
// (what scripts/demo.sh runs) serving the bundled storefront and the precompressed .wasm,
// Chromium with the phone profile of phone.mjs, from navigation to the first validation
// answer on screen (the page's performance mark). A first visit (nothing stored) and a
// return visit (the region remembered, so the catalogue loads beside the regions).
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { launchChromium } from "../../tests/js/browser.mjs";
import { PHONE } from "./phone.mjs";

const MARK = "medusa-personalize:first-validation";

async function startMock(binary, staticDir) {
  const child = spawn(binary, ["--port", "0", "--static", staticDir], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.setEncoding("utf8");
  const url = await new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`medusa_mock exited with ${code}: ${output}`)));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = output.match(/on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) resolve(match[1]);
    });
  });
  child.removeAllListeners("exit");
  return { url, stop: async () => (child.kill("SIGTERM"), await once(child, "exit")) };
}

/** { first: [ms], returning: [ms], bytes } over `rounds` loads each. */
export async function measureDemoPhone(repo, mockBinary, { rounds }) {
  const mock = await startMock(mockBinary, path.join(repo, "web"));
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
        await cdp.send("Network.emulateNetworkConditions", {
          offline: false,
          latency: PHONE.latencyMs,
          downloadThroughput: PHONE.downloadBitsPerSecond / 8,
          uploadThroughput: PHONE.uploadBitsPerSecond / 8,
        });
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
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
