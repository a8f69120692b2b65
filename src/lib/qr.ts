/** QR codes as inline SVG (no image request, no other origin), for share blocks and posters. */
import QRCode from 'qrcode';

/** An SVG QR code for `text`, black on white (scanners need the contrast in every theme). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
