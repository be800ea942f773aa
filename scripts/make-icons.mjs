// Makes every icon the installers need from the project's own artwork (assets/icon.svg), at build
// time, into build/ (electron-builder's buildResources): nothing is downloaded and no generated
// image is committed.
//   build/icons/NxN.png  16…512, the Linux set (deb, AppImage, the .desktop entry and .zwb's MIME icon)
//   build/icon.ico       16…256, Windows: the program, the installer, the portable exe, shortcuts
//   build/zwb.ico        16…256, Windows: .zwb files (fileAssociations, "打开方式")
//   build/icon.png       512, for anything that wants one picture
// sharp renders the SVG at each size (crisper than scaling one bitmap down); png-to-ico packs the ICOs.
// Usage: node scripts/make-icons.mjs [outDir=build]   (prints the files it wrote, one a line)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import pngToIco from 'png-to-ico';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function makeIcons(outDir, source = join(root, 'assets/icon.svg')) {
  const svg = await readFile(source);
  const png = {};
  for (const size of LINUX_SIZES) {
    // density scales the SVG's 512-unit viewBox so librsvg draws at the target size directly.
    png[size] = await sharp(svg, { density: Math.max(1, (72 * size) / 512) })
      .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png()
      .toBuffer();
  }
  await mkdir(join(outDir, 'icons'), { recursive: true });
  const written = [];
  const put = async (name, data) => {
    await writeFile(join(outDir, name), data);
    written.push(join(outDir, name));
  };
  for (const size of LINUX_SIZES) await put(join('icons', `${size}x${size}.png`), png[size]);
  const ico = await pngToIco(ICO_SIZES.map((s) => png[s]));
  await put('icon.ico', ico);
  await put('zwb.ico', ico);
  await put('icon.png', png[512]);
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(root, 'build'));
  try {
    for (const f of await makeIcons(out)) console.log(f);
  } catch (e) {
    console.error(`[icons] 生成图标失败 / could not make the icons: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
