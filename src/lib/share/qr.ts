/**
 * QR codes drawn locally (no service is asked): qrcode-generator computes the modules, this turns
 * them into one SVG path so a component can draw it without injecting markup.
 */
import qrcode from 'qrcode-generator';

/** Dark modules as rows of booleans; error correction M survives a smudged print. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  // Byte mode takes one char per byte: hand it the UTF-8 bytes, so Chinese text scans as itself.
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** An SVG path of 1×1 squares, one `M x y h1v1h-1z` per dark module (runs merged per row). */
export function qrPath(m: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  m.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let w = 1;
      while (x + w < row.length && row[x + w]) w++;
      parts.push(`M${x} ${y}h${w}v1h-${w}z`);
      x += w - 1;
    }
  });
  return parts.join('');
}
