// QR codes as inline SVG, drawn on the server: nothing to download on the
// projector, crisp at any size. The `qrcode` package is the maintained
// standard (no native code).
import QRCode from "qrcode";

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#0f172a", light: "#ffffff" } });
}
