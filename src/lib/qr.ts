/** QR codes as inline SVG (no image request, no other origin), for share blocks and posters. */
import QRCode from 'qrcode';

const utf8 = new TextEncoder();

/**
 * An SVG QR code for `text`, black on white (scanners need the contrast in every theme). The
 * mask pattern is fixed: choosing the "best" of eight costs most of the time on a site with
 * thousands of share blocks, and any of the eight is valid and reads the same.
 */
export async function qrSvg(text: string): Promise<string> {
  // One byte-mode segment: the library's search for the shortest mix of modes (a shortest-path
  // over every split of the text) took longer than drawing the code, to save a few modules.
  const svg = await QRCode.toString([{ data: utf8.encode(text), mode: 'byte' }], {
    type: 'svg',
    errorCorrectionLevel: 'M',
    maskPattern: 0,
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  // The box around it (role="img" with a name) is the one image assistive technology meets;
  // the drawing inside is hidden from it, or the tree lists a second, unnamed image.
  return svg.replace(/^<svg\b/, '<svg aria-hidden="true" focusable="false"');
}
