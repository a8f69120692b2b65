/** QR codes as inline SVG (no image request, no other origin), for share blocks and posters. */
import QRCode from 'qrcode';

const utf8 = new TextEncoder();

/**
 * An SVG QR code for `text`, black on white (scanners need the contrast in every theme). The
 * mask pattern is fixed: choosing the "best" of eight costs most of the time on a site with
 * thousands of share blocks, and any of the eight is valid and reads the same.
 */
export function qrSvg(text: string): Promise<string> {
  // One byte-mode segment: the library's search for the shortest mix of modes (a shortest-path
  // over every split of the text) took longer than drawing the code, to save a few modules.
  return QRCode.toString([{ data: utf8.encode(text), mode: 'byte' }], {
    type: 'svg',
    errorCorrectionLevel: 'M',
    maskPattern: 0,
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
