// Seeds COUNT open dossiers through the API (receipt times spread over the last 20 days, so that due dates and
// urgencies vary), then opens the queue RUNS times in a fresh signed-in browser context and reports medians.
const { chromium } = require('playwright-core');
const [url, runs, count] = [process.argv[2], +process.argv[3], +process.argv[4]];

async function token() {
  const r = await fetch(`${url}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'motcua.mythanh', password: 'Demo@2015' }) });
  return (await r.json()).accessToken;
}

async function seed(bearer) {
  const codes = ['ho-tich-ket-hon', 'ho-tich-khai-sinh', 'chung-thuc-ban-sao', 'cu-tru-tam-tru'];
  const procedures = await (await fetch(`${url}/api/communes/my-thanh/procedures`)).json();
  const known = codes.filter(c => procedures.some(p => p.code === c));
  const use = known.length ? known : procedures.slice(0, 4).map(p => p.code);
  for (let i = 0; i < count; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, count - i) }, (_, k) => {
      const n = i + k;
      const receivedAt = new Date(Date.now() - (n % 20) * 86400000 - 3600000).toISOString();
      return fetch(`${url}/api/communes/my-thanh/dossiers`, { method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ procedureCode: use[n % use.length], applicant: { name: `Người dân ${n}`, phone: `09${String(10000000 + n).slice(-8)}` }, receivedAt }) })
        .then(r => { if (r.status !== 201) throw new Error(`seed ${n}: ${r.status}`); });
    }));
  }
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

(async () => {
  await seed(await token());
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const fcp = [], rows = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${url}/dang-nhap?returnUrl=/can-bo/mot-cua`);
    await page.fill('#username', 'motcua.mythanh');
    await page.fill('#password', 'Demo@2015');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/can-bo\/mot-cua$/);
    const start = Date.now();
    await page.goto(`${url}/can-bo/mot-cua/ho-so`);
    await page.waitForSelector('[data-receipt]', { timeout: 60000 });
    rows.push(Date.now() - start);
    fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    await context.close();
  }
  await browser.close();
  console.log(`dossiers: ${count}; runs: ${runs}`);
  console.log(`first-contentful-paint ms: ${fcp.map(Math.round).join(' ')}; median ${Math.round(median(fcp))}`);
  console.log(`first page of rows ms:     ${rows.join(' ')}; median ${median(rows)}`);
})().catch(e => { console.error(e); process.exit(1); });
