import qrcode from 'qrcode-generator';

/**
 * A QR code for a link, as an SVG data URL (allowed by the page's img-src; crisp when printed), or
 * undefined when the link is too long for a QR code (a trainer's own chapter written into the link can be).
 */
export function qrDataUrl(text: string): string | undefined {
  try {
    const q = qrcode(0, 'M');
    q.addData(text);
    q.make();
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(q.createSvgTag({ cellSize: 4, margin: 2, scalable: true }))}`;
  } catch {
    return undefined;
  }
}

/** Whether the page is served from this computer only, so a phone scanning its link would not reach it. */
export function servedLocally(): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
}
