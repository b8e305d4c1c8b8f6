import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The font every chart is drawn with: DejaVu Sans (bundled by dejavu-fonts-ttf) has every Vietnamese glyph. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The regular and bold DejaVu Sans files, so that rendering never depends on the fonts of the machine. */
export const CHART_FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')];
