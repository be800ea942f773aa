import { e2eSuite } from './support/harness';
import { openMenu, setUpDefaultOffice } from './support/ui';

const suite = e2eSuite(__filename);

describe('设置 → 本机: 本机编号', () => {
  it('a second laptop of the office sets 本机编号 2 and sees how its numbers will read', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await setUpDefaultOffice(page, suite.url);
    await openMenu(page, '设置');
    const card = page.getByTestId('device-series');
    await card.getByText('1 号机的文号如').waitFor();
    await card.getByLabel('本机编号').fill('2');
    await card.getByRole('button', { name: '保存' }).click();
    await page.getByText('本机编号已改为 2').waitFor();
    await card.getByText(/本机（2 号）的文号如 伊无废交〔\d{4}〕2-5号/).waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/device-series.png' });
    // Kept after a reload.
    await page.reload();
    await openMenu(page, '设置');
    await page.getByTestId('device-series').getByText('本机（2 号）').waitFor();
  });
});
